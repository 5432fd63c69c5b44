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
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando (emulator)", command: "sunat")
        }
        guard sub == "emulator" else {
            throw CLIError.usage("subcomando desconocido: \(sub)", command: "sunat")
        }
        guard let portNumber = Int(port), (0...65_535).contains(portNumber) else {
            throw CLIError.usage("--port debe ser un número entre 0 y 65535: \(port)", command: "sunat")
        }
        if let schemas, !FileManager.default.fileExists(atPath: schemas) {
            throw CLIError.failure("no existe la carpeta de esquemas \(schemas)")
        }
        guard let script = locateScript(environment: context.environment) else {
            throw CLIError.failure("no se encontró el emulador (\(scriptRelativePath)); indique su ruta en $\(scriptEnvironmentKey)")
        }
        var argv = ["python3", script, "--port", String(portNumber)]
        if let schemas { argv += ["--schemas", schemas] }
        argv += args.words
        return try exec(argv)
    }

    /// `$BYTEK_SUNAT_EMULATOR`, else the repository that holds the running binary (`<repo>/.build*/<config>/bytek`),
    /// else the current directory.
    static func locateScript(environment: [String: String]) -> String? {
        let files = FileManager.default
        if let given = environment[scriptEnvironmentKey], !given.isEmpty {
            return files.fileExists(atPath: given) ? given : nil
        }
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
