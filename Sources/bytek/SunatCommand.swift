import BytekServices
import BytekStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bytek sunat emulator [--port N] [--schemas DIR] [OPCIONES DEL EMULADOR]`: runs the local SUNAT emulator
/// (`Tests/SunatEmulator/sunat_emulator.py`, Python 3 standard library only) in place of this process.
///
/// The emulator replaces `bytek` through `execvp`, so Ctrl-C and SIGTERM reach it directly and its exit status
/// is the command's. Options it does not know are refused by the emulator itself.
@MainActor
enum SunatCommand {
    /// Where the emulator lives inside the repository.
    static let scriptRelativePath = "Tests/SunatEmulator/sunat_emulator.py"
    /// Overrides the emulator's location (a path to `sunat_emulator.py`).
    static let scriptEnvironmentKey = "BYTEK_SUNAT_EMULATOR"

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        // Options first: `positional()` would otherwise take an option's value for the subcommand.
        let port = try args.option("--port") ?? "0"
        let schemas = try args.option("--schemas")
        let saveScript = try args.option("--guardar-script")
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando (emulator)", command: "sunat")
        }
        guard sub == "emulator" else {
            throw CLIError.usage("subcomando desconocido: \(sub)", command: "sunat")
        }
        if let saveScript { return try remember(script: saveScript, context) }
        guard let portNumber = Int(port), (0...65_535).contains(portNumber) else {
            throw CLIError.usage("--port debe ser un número entre 0 y 65535: \(port)", command: "sunat")
        }
        if let schemas, !FileManager.default.fileExists(atPath: schemas) {
            throw CLIError.failure("no existe la carpeta de esquemas \(schemas)")
        }
        let company = CompanyIdentity.read(dbPath: context.dbPath, environment: context.environment)
        guard let script = locateScript(environment: context.environment, setting: company.script) else {
            throw CLIError.failure("no se encontró el emulador (\(scriptRelativePath)); indique su ruta con "
                + "«bytek sunat emulator --guardar-script RUTA» o en $\(scriptEnvironmentKey)")
        }
        var argv = ["python3", script, "--port", String(portNumber)]
        if let schemas { argv += ["--schemas", schemas] }
        // The company's RUC and SOL user (from the database and its credentials file), unless given: without
        // them every send would fail with 0102 (usuario o contraseña incorrectos).
        if !args.words.contains("--ruc"), let ruc = company.ruc { argv += ["--ruc", ruc] }
        if !args.words.contains("--user"), !args.words.contains("--password"), let user = company.solUser,
           let password = company.solPassword {
            argv += ["--user", user, "--password", password]
        }
        argv += args.words
        return try exec(argv)
    }

    /// `bytek sunat emulator --guardar-script RUTA`: saves where the emulator is, for a binary copied elsewhere.
    private static func remember(script: String, _ context: CommandContext) throws -> Int32 {
        let path = URL(fileURLWithPath: script).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.failure("no existe el archivo \(script): indique la ruta de sunat_emulator.py")
        }
        guard FileManager.default.fileExists(atPath: context.dbPath) else {
            throw CLIError.failure("no existe la base de datos \(context.dbPath); créela con bytek migrate")
        }
        let store = try Store(path: context.dbPath)
        try SunatEmulatorSetup.saveScriptPath(path, db: store.db)
        Console.out("Emulador de SUNAT guardado en los ajustes: \(path)")
        return 0
    }

    /// `$BYTEK_SUNAT_EMULATOR`, else the path saved in the settings (`--guardar-script`), else the repository
    /// that holds the running binary (`<repo>/.build*/<config>/bytek`), else the current directory.
    static func locateScript(environment: [String: String], setting: String? = nil) -> String? {
        let files = FileManager.default
        if let given = environment[scriptEnvironmentKey], !given.isEmpty {
            return files.fileExists(atPath: given) ? given : nil
        }
        if let setting, !setting.isEmpty, files.fileExists(atPath: setting) { return setting }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: files.currentDirectoryPath))
        for start in starts {
            var dir = start
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent(scriptRelativePath).path
                if files.fileExists(atPath: candidate) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// Replaces this process; returns only by throwing when `execvp` fails.
    private static func exec(_ argv: [String]) throws -> Int32 {
        fflush(nil)
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cArgs.append(nil)
        execvp(argv[0], &cArgs)
        let reason = String(cString: strerror(errno))
        for pointer in cArgs { free(pointer) }
        throw CLIError.failure("no se pudo ejecutar python3 (\(reason)); instálelo para usar el emulador")
    }
}

/// What `bytek sunat emulator` reads from an existing database (never creating one): the company's RUC
/// (e-invoicing settings, else the company profile), its SOL user and password (the credentials file beside
/// the database), and the saved emulator path. Anything unreadable is simply absent.
struct CompanyIdentity {
    var ruc: String?
    var solUser: String?
    var solPassword: String?
    var script: String?

    static func read(dbPath: String, environment: [String: String]) -> CompanyIdentity {
        var out = CompanyIdentity()
        guard FileManager.default.fileExists(atPath: dbPath), let db = try? Database(path: dbPath, readOnly: true) else {
            return out
        }
        out.script = SunatEmulatorSetup.scriptPath(db: db)
        out.ruc = SunatEmulatorSetup.companyRUC(db: db)
        if let ruc = out.ruc, let credentials = try? EInvoicingCredentials.load(environment: environment) {
            let user = credentials.username(ruc: ruc)
            out.solUser = String(user.dropFirst(ruc.count))
            out.solPassword = credentials.solPassword
        }
        return out
    }
}
