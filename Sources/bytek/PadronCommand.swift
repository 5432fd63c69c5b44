import BytekDemo
import BytekModel
import BytekStore
import Foundation

/// `bytek padron import ARCHIVO | show RUC | generate ARCHIVO --lines N [--broken K]`: SUNAT's padrón
/// reducido in `padron.sqlite` beside the database (reference data, rebuilt from SUNAT's file, never backed up).
@MainActor
enum PadronCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let sub = try args.requirePositional("import, show o generate")
        switch sub {
        case "import": return try importFile(&args, context)
        case "show": return try show(&args, context)
        case "generate": return try generate(&args)
        default: throw CLIError.usage("subcomando desconocido: \(sub)", command: "padron")
        }
    }

    /// Replaces the padrón with SUNAT's file (admin): progress on stderr, bad lines by number.
    static func importFile(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let source = try args.requirePositional("el archivo del padrón (.zip o .txt de SUNAT)")
        try args.finish()
        let store = try context.openStore()
        let padron = context.services(store, try context.requireUser(store)).padron
        let progress = PadronProgressLine(terminal: isatty(STDERR_FILENO) == 1)
        let report = try padron.importFile(source, configure: { $0.progressInterval = progress.interval }) {
            progress.show($0)
        }
        progress.finish()
        for problem in report.problems { Console.err(problem.description) }
        if report.malformed > 0 {
            let shown = report.problems.count < report.malformed ? " (se muestran las primeras \(report.problems.count))" : ""
            Console.err("\(number(report.malformed)) línea(s) con errores no se importaron\(shown)")
        }
        Console.out("Padrón importado en \(padron.path): \(number(report.imported)) contribuyentes de "
            + "\(number(report.lines)) líneas en " + String(format: "%.1f s (%@ líneas/s).", report.seconds,
                                                             number(Int(report.linesPerSecond))))
        return 0
    }

    /// Prints one taxpayer (any active user).
    static func show(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let ruc = try args.requirePositional("el RUC")
        try args.finish()
        let store = try context.openStore()
        let service = context.services(store, try context.requireUser(store)).padron
        guard ruc.count == 11, ruc.allSatisfy(\.isASCIIDigitCharacter) else {
            throw CLIError.failure("RUC: «\(ruc)» no es un RUC; escriba sus 11 dígitos")
        }
        guard let padron = try service.reader() else { throw PadronError.missing(path: service.path) }
        guard let entry = try padron.entry(ruc: ruc) else {
            let info = try? padron.info()
            let when = info?.importedAt.map { " (importado el \(ISOTimestamp.format($0).prefix(10)))" } ?? ""
            throw CLIError.failure("el RUC \(ruc) no está en el padrón\(when)")
        }
        for line in lines(entry) { Console.out(line) }
        if !entry.isActiveAndHabido {
            Console.err("Aviso: el contribuyente no está ACTIVO y HABIDO (\(entry.estado), \(entry.condicion))")
        }
        return 0
    }

    static func lines(_ e: PadronEntry) -> [String] {
        let rows: [(String, String)] = [
            ("RUC", e.ruc), ("Razón social", e.razonSocial), ("Estado", e.estado), ("Condición", e.condicion),
            ("Dirección", e.direccion.isEmpty ? "—" : e.direccion), ("Ubigeo", e.ubigeo ?? "—"),
        ]
        return rows.map { label, value in label.padding(toLength: 14, withPad: " ", startingAt: 0) + value }
    }

    /// Writes a fake padrón in SUNAT's format (no database or user needed).
    static func generate(_ args: inout Arguments) throws -> Int32 {
        let lines = try args.option("--lines").map { try count($0, "--lines") } ?? 2_000
        let broken = try args.option("--broken").map { try count($0, "--broken") } ?? 0
        let seed = try args.option("--seed").map { try count($0, "--seed") }
        let path = try args.requirePositional("el archivo a escribir")
        try args.finish()
        var generator = PadronGenerator(lines: lines, broken: broken)
        if let seed { generator.seed = UInt64(seed) }
        try generator.write(to: path)
        Console.out("Padrón de prueba en \(path): \(number(lines)) líneas (\(number(generator.broken)) con errores).")
        return 0
    }

    static func count(_ text: String, _ option: String) throws -> Int {
        guard let n = Int(text), n >= 0 else {
            throw CLIError.usage("\(option) espera un número entero, no «\(text)»", command: "padron")
        }
        return n
    }

    /// 12,345,678 (es-PE groups thousands with commas).
    nonisolated static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

/// The import's progress on stderr: rewritten in place on a terminal (4 times a second), a line every
/// 5 seconds otherwise.
final class PadronProgressLine {
    let terminal: Bool
    private var shown = false

    init(terminal: Bool) { self.terminal = terminal }

    var interval: Double { terminal ? 0.25 : 5 }

    func show(_ p: PadronProgress) {
        var text = "padrón: \(PadronCommand.number(p.lines)) líneas · \(Int(p.fraction * 100)) % · "
            + "\(PadronCommand.number(Int(p.linesPerSecond))) líneas/s"
        if let left = p.secondsLeft { text += String(format: " · faltan %d:%02d", Int(left) / 60, Int(left) % 60) }
        FileHandle.standardError.write(Data((terminal ? "\r" + text + "\u{1B}[K" : text + "\n").utf8))
        shown = true
    }

    func finish() {
        if terminal && shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension PadronCommand {
    nonisolated static let help = """
    El padrón reducido de SUNAT (todos los RUC con su razón social, estado, condición y domicilio fiscal),
    en «padron.sqlite» junto a la base de datos. Es un dato de referencia que se reemplaza cada mes: no
    entra en los respaldos y se reconstruye desde el archivo de SUNAT.

      bytek padron import ARCHIVO    Importa el .zip que publica SUNAT (padron_reducido_ruc.zip) o el .txt
                                     que contiene (admin). Escribe un archivo nuevo y lo pone en lugar del
                                     anterior: si falla, el anterior queda intacto; quien lo tenga abierto
                                     sigue leyéndolo hasta volver a abrirlo. Muestra el avance (líneas/s,
                                     tiempo restante) y las líneas con errores por número, sin detenerse.
      bytek padron show RUC          Muestra el contribuyente: razón social, estado, condición, dirección y
                                     ubigeo (avisa si no está ACTIVO y HABIDO).
      bytek padron generate ARCHIVO  Escribe un padrón de prueba en el formato de SUNAT (.txt, o .zip si el
                                     nombre termina en .zip): --lines N (2000), --broken K líneas con errores.
    """
}
