import BytekModel
import BytekStore
import BytekTUI
import Foundation

/// `bytek --db RUTA ssh-session LOGIN`: the forced command of each key line in authorized_keys (see
/// `bytek ssh-keys`). The key decides who the person is: `--user`, BYTEK_USER and BYTEK_DB are refused,
/// and the database is the `--db` of the key line. Without a command from the client it opens the TUI as
/// LOGIN; with one (`SSH_ORIGINAL_COMMAND`) it runs it only when it is on `SSHCommandPolicy`'s short
/// read-only allow-list. Every accepted session is recorded as the user's last login (door "ssh").
@MainActor
enum SSHSessionCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let login = try args.requirePositional("el USUARIO")
        try args.finish()
        let env = context.environment
        let original = env["SSH_ORIGINAL_COMMAND"]
        guard !(env["SSH_CONNECTION"] ?? "").isEmpty || original != nil else {
            throw CLIError.failure("ssh-session solo se usa como comando forzado de authorized_keys (lo escribe «bytek ssh-keys add»)")
        }
        if context.options.userOnCommandLine || !(env["BYTEK_USER"] ?? "").isEmpty {
            throw CLIError.failure("--user y BYTEK_USER no se admiten en una sesión SSH: su clave dice que usted es «\(login)»")
        }
        if !(env["BYTEK_DB"] ?? "").isEmpty {
            throw CLIError.failure("BYTEK_DB no se admite en una sesión SSH: la base de datos es la de su clave")
        }
        guard context.options.dbOnCommandLine else {
            throw CLIError.failure("la línea de authorized_keys no indica --db; vuelva a agregar la clave con «bytek ssh-keys add»")
        }
        var commandArgs: [String]?
        if let original, !original.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let words = try SSHCommandPolicy.arguments(for: original)
                commandArgs = words == ["tui"] ? nil : words
            } catch SSHCommandRefusal.identityOverride(let word) {
                throw CLIError.failure("\(word) no se admite por SSH: su clave dice que usted es «\(login)» y cuál es la base de datos")
            } catch SSHCommandRefusal.notAllowed(let shown) {
                throw CLIError.failure("comando no permitido por SSH: \(shown) (permitidos: \(SSHCommandPolicy.usage.joined(separator: "; ")))")
            }
        }
        var options = context.options
        options.login = login
        options.loginGiven = true
        options.door = .ssh
        let session = CommandContext(options: options, environment: sessionEnvironment(env, dbPath: context.dbPath))
        let store = try session.openStore()
        let user: User
        do {
            user = try session.requireUser(store)
        } catch UserRepositoryError.notFound(let missing) {
            throw CLIError.failure("esta clave es de «\(missing)», que no existe en la base de datos; un admin la revisa con «bytek ssh-keys list»")
        }
        let from = (env["SSH_CONNECTION"] ?? "").split(separator: " ").first.map(String.init) ?? ""
        let users = session.services(store, user).users
        if let commandArgs {
            try users.recordLogin(from: from, command: commandArgs.joined(separator: " "))
            if commandArgs == ["help"] {
                Console.out("Comandos permitidos por SSH (como «\(user.login)»):\n  " + SSHCommandPolicy.usage.joined(separator: "\n  "))
                return 0
            }
            var rest = Arguments(Array(commandArgs.dropFirst()), command: commandArgs[0])
            return try CLI.dispatch(commandArgs[0], &rest, session)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CLIError.failure("se necesita una terminal para la interfaz: conéctese con «ssh -t» (o pida un comando permitido)")
        }
        try users.recordLogin(from: from, command: nil)
        return TUIMain.run(store: store, session: UserSession(login: user.login, name: user.name, role: user.role, door: .ssh),
                           environment: session.environment)
    }

    /// The client's environment without any BYTEK_* setting but the language and a theme by name, with a
    /// UTF-8 locale when the client sent none (sshd passes no LANG by default).
    static func sessionEnvironment(_ env: [String: String], dbPath: String) -> [String: String] {
        var clean = env.filter { key, value in
            guard key.hasPrefix("BYTEK_") else { return true }
            return key == "BYTEK_LANG" || (key == "BYTEK_THEME" && !value.contains("/"))
        }
        let locale = clean["LC_ALL"] ?? clean["LC_CTYPE"] ?? clean["LANG"] ?? ""
        if !locale.uppercased().contains("UTF-8") && !locale.uppercased().contains("UTF8") {
            clean["LANG"] = "C.UTF-8"
            clean["LC_ALL"] = nil
            setenv("LANG", "C.UTF-8", 1)
            unsetenv("LC_ALL")
        }
        return CommandContext.withDefaults(clean, dbPath: dbPath)
    }
}
