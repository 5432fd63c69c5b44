/// A line of the padrón file that was not imported, by its number in the file (the header is line 1).
public struct PadronLineProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The line has this many fields instead of 15.
        case fieldCount(Int)
        /// The RUC is not 11 digits with a valid prefix and check digit.
        case badRUC(String)
        /// A control byte (C0, DEL or C1: not text in Latin-1) in field `field` (1-based).
        case badByte(UInt8, field: Int)
        /// The razón social is empty.
        case emptyName
        /// The RUC was already on an earlier line (that one is kept).
        case duplicate(String)
        case tooLong
    }

    public let line: Int
    public let reason: Reason

    public var description: String {
        switch reason {
        case .fieldCount(let n): return "línea \(line): tiene \(n) campos; se esperan 15 separados por «|»"
        case .badRUC(let text): return "línea \(line): RUC no válido «\(text)» (11 dígitos con dígito verificador)"
        case .badByte(let byte, let field):
            return "línea \(line): carácter no válido (byte 0x\(String(byte, radix: 16, uppercase: true))) en el campo \(field)"
        case .emptyName: return "línea \(line): falta la razón social"
        case .duplicate(let ruc): return "línea \(line): el RUC \(ruc) ya apareció antes; se conserva el primero"
        case .tooLong: return "línea \(line): es demasiado larga (más de 64 KB)"
        }
    }
}

/// How an import went.
public struct PadronImportReport: Sendable {
    /// Data lines read (the header and empty lines not counted).
    public var lines = 0
    public var imported = 0
    public var malformed = 0
    /// The first problems, in order (at most the importer's `shownProblems`).
    public var problems: [PadronLineProblem] = []
    public var bytes: Int64 = 0
    public var seconds = 0.0

    public var linesPerSecond: Double { seconds > 0 ? Double(lines) / seconds : 0 }
}

/// Where an import is, for its progress line.
public struct PadronProgress: Sendable {
    public var lines: Int
    public var bytesRead: Int64
    public var totalBytes: Int64
    public var seconds: Double

    public var linesPerSecond: Double { seconds > 0 ? Double(lines) / seconds : 0 }
    /// Seconds left, estimated from the byte position; nil at the start.
    public var secondsLeft: Double? {
        guard bytesRead > 0, totalBytes > bytesRead, seconds > 0 else { return bytesRead >= totalBytes ? 0 : nil }
        return seconds * Double(totalBytes - bytesRead) / Double(bytesRead)
    }
    public var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 0 }
}
