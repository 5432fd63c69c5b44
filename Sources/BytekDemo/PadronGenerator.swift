import BytekModel
import BytekStore
import Foundation

/// A fake padrón reducido in SUNAT's format, for tests, the demo and the benchmark: a Latin-1 header
/// and lines of 15 pipe-separated fields ending in "|", RUCs in ascending order with valid check digits
/// (persons 10…, a few 15/17…, companies 20…), names with accents and Ñ, mostly ACTIVO/HABIDO with the
/// other states and conditions SUNAT uses, real ubigeo codes. `broken` of the lines are malformed in
/// turn: too few fields, a wrong check digit, a control byte in the name.
public struct PadronGenerator {
    public var lines: Int
    public var broken: Int
    public var seed: UInt64
    /// Entries written first, as they are (the demo's customers).
    public var fixed: [PadronEntry]

    public init(lines: Int, broken: Int = 0, seed: UInt64 = 0x5041_4452_4F4E, fixed: [PadronEntry] = []) {
        self.lines = lines; self.broken = min(broken, lines); self.seed = seed; self.fixed = fixed
    }

    static let header = "RUC|NOMBRE O RAZÓN SOCIAL|ESTADO DEL CONTRIBUYENTE|CONDICIÓN DE DOMICILIO|UBIGEO|TIPO DE VÍA|"
        + "NOMBRE DE VÍA|CÓDIGO DE ZONA|TIPO DE ZONA|NÚMERO|INTERIOR|LOTE|DEPARTAMENTO|MANZANA|KILÓMETRO|"

    /// Writes the file (a `.zip` holding `padron_reducido_ruc.txt` when `path` ends in .zip).
    public func write(to path: String) throws {
        if path.lowercased().hasSuffix(".zip") {
            let text = path + ".txt.tmp"
            defer { unlink(text) }
            try writeText(to: text)
            try PadronArchive.zip(textFile: text, entryName: "padron_reducido_ruc.txt", into: path)
        } else {
            try writeText(to: path)
        }
    }

    private func writeText(to path: String) throws {
        guard let out = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
        }() else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { try? out.close() }
        try out.truncate(atOffset: 0)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 22)
        buffer.append(contentsOf: Self.latin1(Self.header))
        buffer.append(0x0A)
        for entry in fixed { Self.append(entry, to: &buffer) }
        var rng = DemoRandom(seed: seed)
        let pools = PadronWordPools.shared
        let plan = RUCPlan(lines: lines)
        let brokenEvery = broken > 0 ? max(1, lines / broken) : 0
        var brokenWritten = 0
        var line = 0
        for (prefix, count) in plan.blocks {
            var body = 0
            let gap = max(1, 50_000_000 / max(count, 1))
            for _ in 0..<count {
                body += 1 + (gap > 1 ? rng.int(0...(2 * gap - 2)) : 0)
                let isBroken = brokenEvery > 0 && line % brokenEvery == brokenEvery / 2 && brokenWritten < broken
                line += 1
                let person = prefix == 10
                var ruc = Self.ruc(prefix: prefix, body: min(body, 99_999_999))
                if isBroken && brokenWritten % 3 == 1 { ruc[10] = 0x30 + (ruc[10] - 0x30 + 1) % 10 }
                buffer.append(contentsOf: ruc)
                buffer.append(0x7C)
                pools.name(person: person, rng: &rng, into: &buffer)
                if isBroken && brokenWritten % 3 == 2 { buffer.append(contentsOf: [0x20, 0x00, 0x85]) }
                buffer.append(0x7C)
                if isBroken && brokenWritten % 3 == 0 {
                    buffer.append(contentsOf: Self.latin1("ACTIVO|HABIDO|"))  // the rest of the line is missing
                    buffer.append(0x0A)
                    brokenWritten += 1
                    continue
                }
                if isBroken { brokenWritten += 1 }
                pools.status(rng: &rng, into: &buffer)
                pools.address(rng: &rng, into: &buffer)
                buffer.append(0x0A)
                if buffer.count >= 1 << 22 {
                    try out.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try out.write(contentsOf: buffer)
    }

    /// The 11 ASCII digits of a valid RUC.
    static func ruc(prefix: Int, body: Int) -> [UInt8] {
        let ten = prefix * 100_000_000 + body
        var digits = [UInt8](repeating: 0x30, count: 11)
        var v = ten
        for i in stride(from: 9, through: 0, by: -1) { digits[i] = UInt8(0x30 + v % 10); v /= 10 }
        digits[10] = UInt8(0x30 + RUC.checkDigit(firstTen: Int64(ten)))
        return digits
    }

    static func append(_ e: PadronEntry, to buffer: inout [UInt8]) {
        let a = e.address
        let fields: [String?] = [e.ruc, e.razonSocial, e.estado, e.condicion, e.ubigeo, a.tipoVia, a.nombreVia, a.codigoZona,
                                 a.tipoZona, a.numero, a.interior, a.lote, a.departamento, a.manzana, a.kilometro]
        for f in fields {
            buffer.append(contentsOf: latin1(f ?? "-"))
            buffer.append(0x7C)
        }
        buffer.append(0x0A)
    }

    /// Latin-1 bytes of `text` ("?" for what Latin-1 cannot hold).
    static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : 0x3F }
    }
}

/// How many RUCs of each prefix, in ascending order of prefix: about 72% persons (10), 1% each of 15
/// and 17, the rest companies (20).
struct RUCPlan {
    let blocks: [(Int, Int)]
    init(lines: Int) {
        let persons = lines * 72 / 100
        let fifteen = lines / 100
        let seventeen = lines / 100
        blocks = [(10, persons), (15, fifteen), (17, seventeen), (20, lines - persons - fifteen - seventeen)]
    }
}
