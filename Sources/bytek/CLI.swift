import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek [--db PATH] [--user LOGIN] COMMAND ...`: global options, then one command.
/// Each command is one transaction at most, so a failure leaves nothing half-written.
@MainActor
enum CLI {
    /// Runs the command line and returns the exit status: 0 ok, 1 error, 2 usage error.
    static func main(arguments: [String], environment: [String: String]) -> Int32 {
        var words = Array(arguments.dropFirst())
        var commandName: String?
        do {
            let options = try GlobalOptions.extract(from: &words, environment: environment)
            if options.version {
                Console.out("bytek \(BytekModelInfo.version)")
                return 0
            }
            var name = "tui"
            if let first = words.first {
                if first == "--help" || first == "-h" {
                    Console.out(CommandHelp.general)
                    return 0
                }
                if first.hasPrefix("-") { throw CLIError.usage("opción desconocida: \(first)", command: nil) }
                name = words.removeFirst()
            }
            if name == "help" {
                if let topic = words.first, CommandHelp.usage[topic] != nil {
                    Console.out(CommandHelp.text(for: topic))
                } else {
                    Console.out(CommandHelp.general)
                }
                return 0
            }
            guard CommandHelp.usage[name] != nil else {
                throw CLIError.usage("comando desconocido: \(name)", command: nil)
            }
            commandName = name
            if words.contains("--help") || words.contains("-h") {
                Console.out(CommandHelp.text(for: name))
                return 0
            }
            let context = CommandContext(options: options, environment: CommandContext.withDefaults(
                environment, dbPath: options.dbPath, secretsPath: options.secretsPath))
            var args = Arguments(words, command: name)
            return try dispatch(name, &args, context)
        } catch CLIError.usage(let message, let command) {
            let usageLine = (command ?? commandName).flatMap { CommandHelp.usage[$0] } ?? CommandHelp.globalUsage
            Console.err("bytek: \(message)\nUso: \(usageLine)\n(«bytek --help» muestra la ayuda)")
            return 2
        } catch let refused as ImportRefused {
            Console.err("bytek: \(refused.message)")
            return 1
        } catch {
            Console.err("bytek: \(Messages.text(error))")
            return 1
        }
    }

    /// Runs one command (also the allow-listed ones an SSH session passes on).
    static func dispatch(_ name: String, _ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        switch name {
        case "tui": return try TUICommand.run(&args, context)
        case "demo": return try DemoCommand.run(&args, context)
        case "migrate": return try MigrateCommand.run(&args, context)
        case "worker": return try WorkerCommand.run(&args, context)
        case "user": return try UserCommand.run(&args, context)
        case "import": return try ImportCommand.run(&args, context)
        case "export": return try ExportCommand.run(&args, context)
        case "backup": return try BackupCommand.runBackup(&args, context)
        case "restore": return try BackupCommand.runRestore(&args, context)
        case "bench": return try BenchCommand.run(&args, context)
        case "sunat": return try SunatCommand.run(&args, context)
        case "invoice": return try InvoiceCommand.run(&args, context)
        case "quote": return try QuoteCommand.run(&args, context)
        case "contract": return try ContractCommand.run(&args, context)
        case "deal": return try DealCommand.run(&args, context)
        case "company": return try CompanyCommand.run(&args, context)
        case "ssh-keys": return try SSHKeysCommand.run(&args, context)
        case "ssh-session": return try SSHSessionCommand.run(&args, context)
        case "secrets": return try SecretsCommand.run(&args, context)
        case "serve": return try ServeCommand.run(&args, context)
        case "portal": return try PortalCommand.run(&args, context)
        case "permissions": return try PermissionsCommand.run(&args, context)
        case "exchange-rate", "tipo-cambio": return try ExchangeRateCommand.run(&args, context)
        case "padron": return try PadronCommand.run(&args, context)
        case "sire": return try SireCommand.run(&args, context)
        case "recurrentes": return try RecurringCommand.run(&args, context)
        case "recordatorios": return try ReminderCommand.run(&args, context)
        case "cobranzas": return try ReceivableCommand.list(&args, context)
        case "pago": return try ReceivableCommand.payment(&args, context)
        case "detraccion": return try ReceivableCommand.detraccion(&args, context)
        case "retencion": return try ReceivableCommand.retencion(&args, context)
        case "cuenta-bancaria": return try ReceivableCommand.bankAccount(&args, context)
        case "estado-cuenta": return try ReceivableCommand.statement(&args, context)
        case "periodo": return try PeriodCommand.run(&args, context)
        case "banco": return try BankCommand.run(&args, context)
        case "mensajes": return try MessageCommand.run(&args, context)
        case "cotizacion": return try MessageCommand.quote(&args, context)
        case "comprobante": return try MessageCommand.document(&args, context)
        case "tarjetas": return try CardCommand.cards(&args, context)
        case "cobro": return try CardCommand.charge(&args, context)
        case "feriados": return try HolidayCommand.run(&args, context)
        case "proyectos": return try ProjectCommand.run(&args, context)
        case "compuerta": return try GateCommand.run(&args, context)
        case "hitos": return try MilestoneCommand.run(&args, context)
        case "rentabilidad": return try ProfitabilityCommand.run(&args, context)
        case "costos": return try ProjectCostCommand.run(&args, context)
        case "horas": return try TimesheetCommand.run(&args, context)
        default: throw CLIError.usage("comando desconocido: \(name)", command: nil)
        }
    }
}

/// `--db`, `--user` and `--version`, accepted anywhere on the line.
struct GlobalOptions {
    var dbPath: String
    var login: String
    /// True when the user came from `--user` or BYTEK_USER rather than the system login.
    var loginGiven: Bool
    var version = false
    /// True when `--db` / `--user` were on the command line itself (not from the environment): an SSH
    /// forced session takes the database from its authorized_keys line and refuses a user.
    var dbOnCommandLine = false
    var userOnCommandLine = false
    /// The door commands come through: `cli` at a local shell, `ssh` in a forced session.
    var door: Door = .cli
    /// `--secrets RUTA`: the secrets file (else $BYTEK_SECRETS, else `bytek-secretos` beside the database).
    var secretsPath: String?

    static func extract(from words: inout [String], environment: [String: String]) throws -> GlobalOptions {
        var db: String?
        var user: String?
        var version = false
        var secrets: String?
        var i = 0
        var rest: [String] = []
        while i < words.count {
            let w = words[i]
            if w == "--db" || w == "--user" || w == "--secrets" {
                guard i + 1 < words.count, !words[i + 1].isEmpty else {
                    throw CLIError.usage("falta el valor de \(w)", command: nil)
                }
                if w == "--db" { db = words[i + 1] } else if w == "--secrets" { secrets = words[i + 1] } else { user = words[i + 1] }
                i += 2
                continue
            }
            if w.hasPrefix("--db=") { db = String(w.dropFirst(5)) }
            else if w.hasPrefix("--user=") { user = String(w.dropFirst(7)) }
            else if w.hasPrefix("--secrets=") { secrets = String(w.dropFirst(10)) }
            // `--version N` is a command's option (quote show/pdf, contract pdf), not the program's version.
            else if (w == "--version" && !(i + 1 < words.count && Int(words[i + 1]) != nil)) || w == "-V" { version = true }
            else { rest.append(w) }
            i += 1
        }
        words = rest
        let path = db ?? environment["BYTEK_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? Store.defaultPath(environment: environment)
        let given = user ?? environment["BYTEK_USER"].flatMap { $0.isEmpty ? nil : $0 }
        return GlobalOptions(dbPath: path, login: given ?? systemLogin(environment), loginGiven: given != nil,
                             version: version, dbOnCommandLine: db != nil, userOnCommandLine: user != nil,
                             secretsPath: secrets)
    }

    static func systemLogin(_ environment: [String: String]) -> String {
        for key in ["USER", "LOGNAME"] { if let v = environment[key], !v.isEmpty { return v } }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ""
    }
}

/// What every command gets: where the database is and who is asking.
struct CommandContext {
    let options: GlobalOptions
    let environment: [String: String]

    var dbPath: String { options.dbPath }

    /// The environment every module reads, with the defaults that depend on the database: the secrets
    /// file (`bytek-secretos`) and today's SUNAT credentials file (`sunat-credenciales`) live beside the
    /// database unless `--secrets`/$BYTEK_SECRETS and $BYTEK_SUNAT_CREDENTIALS say otherwise.
    static func withDefaults(_ environment: [String: String], dbPath: String, secretsPath: String? = nil) -> [String: String] {
        var env = environment
        if let secretsPath { env["BYTEK_SECRETS"] = secretsPath }
        if (env["BYTEK_SECRETS"] ?? "").isEmpty {
            env["BYTEK_SECRETS"] = URL(fileURLWithPath: dbPath).deletingLastPathComponent()
                .appendingPathComponent(Secrets.fileName).path
        }
        if (env["BYTEK_SUNAT_CREDENTIALS"] ?? "").isEmpty {
            env["BYTEK_SUNAT_CREDENTIALS"] = URL(fileURLWithPath: dbPath).deletingLastPathComponent()
                .appendingPathComponent("sunat-credenciales").path
        }
        return env
    }
    var login: String { User.normalizeLogin(options.login) }

    /// Refuses a database path where there is no file.
    func requireExistingDatabase() throws {
        guard FileManager.default.fileExists(atPath: dbPath) else {
            throw CLIError.failure("no existe la base de datos \(dbPath); créela con bytek migrate (o bytek demo para una de demostración)")
        }
    }

    /// Opens (and migrates) the store, and registers the nightly backup schedule if missing. A database
    /// that does not exist is created only when `creating` (`migrate` and `demo`); any other command
    /// refuses, so a mistyped `--db` never leaves an empty database behind.
    func openStore(creating: Bool = false) throws -> Store {
        if !creating { try requireExistingDatabase() }
        let store = try Store(path: dbPath)
        if try ScheduleStore(db: store.db).schedule(named: BackupJob.scheduleName) == nil {
            try BackupJob.ensureSchedule(db: store.db)
        }
        return store
    }

    /// The active user acting on `store`, with `access` to `module` when given.
    func requireUser(_ store: Store, _ access: Access = .none, _ module: AppModule? = nil) throws -> User {
        try Services.activeUser(login, in: store, access, module)
    }

    /// The operations layer acting as `user` through this command's door (cli, or ssh in a forced session).
    func services(_ store: Store, _ user: User) -> Services {
        let env = environment
        return Services(store: store, actor: .staff(user.login, role: user.role, door: options.door), environment: { env })
    }

    /// The active user acting on `store`, who must be an admin.
    func requireAdmin(_ store: Store) throws -> User {
        let user = try requireUser(store)
        guard user.role == .admin else {
            throw CLIError.failure("el usuario «\(user.login)» (rol \(user.role.displayName)) no es admin; este comando requiere el rol admin")
        }
        return user
    }
}
