import Foundation

/// A table read from CSV: the header's fields and the data records, each with the line it starts on.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var records: [CSVRecord]
    /// The separator detected from the header line: "," or ";".
    public var delimiter: Character
}

/// One data record. `line` is the file's line number where it starts (the header is line 1), so a field
/// with an embedded newline does not shift the numbers of later records.
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
}

/// Why a CSV file cannot be read at all.
public enum CSVError: Error, Equatable, Sendable {
    /// The file has no header line.
    case empty
    /// The bytes of this line are not UTF-8.
    case invalidUTF8(line: Int)
    /// A quoted field opened on this line never closes.
    case unterminatedQuote(line: Int)
    /// This line holds a control character (NUL, ESC, DEL, U+0080…U+009F…) that no field may contain:
    /// `code` is its Unicode value. Tabs, and line ends inside quotes, are allowed.
    case controlCharacter(line: Int, code: UInt32)
}

/// Reads CSV the way spreadsheets write it: UTF-8 with or without BOM, comma or semicolon (whichever the
/// header line uses more of, outside quotes), fields quoted with `"` and `""` for a quote, newlines inside
/// quoted fields, and LF, CRLF or CR line ends. Lines with only empty fields are skipped. The apostrophe
/// `CSVWriter` puts before a formula-like cell is taken away again (`CSVFormulaGuard.unprotect`).
/// Pure: works on bytes, no I/O.
public enum CSVReader {
    public static func parse(_ bytes: [UInt8]) throws(CSVError) -> CSVTable {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let delimiter = detectDelimiter(bytes, from: start)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var i = start
        let n = bytes.count
        var fieldStart = true
        var quotedLine = 0

        func endField() throws(CSVError) {
            guard let text = String(validating: field, as: UTF8.self) else { throw .invalidUTF8(line: line) }
            // C0 and DEL were refused byte by byte; the C1 controls are two-byte characters.
            if let c1 = text.unicodeScalars.first(where: { (0x80...0x9F).contains($0.value) }) {
                throw .controlCharacter(line: line, code: c1.value)
            }
            fields.append(CSVFormulaGuard.unprotect(text))
            field.removeAll(keepingCapacity: true)
            fieldStart = true
        }
        func endRecord() {
            if !fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while i < n {
            let b = bytes[i]
            if fieldStart && b == UInt8(ascii: "\"") {
                // Quoted field: read to the closing quote; "" is one quote; newlines are kept.
                quotedLine = line
                i += 1
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == UInt8(ascii: "\"") {
                        if i + 1 < n && bytes[i + 1] == UInt8(ascii: "\"") { field.append(c); i += 2; continue }
                        i += 1; closed = true; break
                    }
                    if c == 0x0A || (c == 0x0D && (i + 1 >= n || bytes[i + 1] != 0x0A)) { line += 1 }
                    else if c != 0x0D, isControl(c) { throw .controlCharacter(line: line, code: UInt32(c)) }
                    field.append(c)
                    i += 1
                }
                if !closed { throw .unterminatedQuote(line: quotedLine) }
                fieldStart = false
                continue
            }
            fieldStart = false
            if b == delimiter {
                try endField()
                i += 1
            } else if b == 0x0A || b == 0x0D {
                try endField()
                endRecord()
                i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                line += 1
                recordLine = line
            } else {
                if isControl(b) { throw .controlCharacter(line: line, code: UInt32(b)) }
                field.append(b)
                i += 1
            }
        }
        if !field.isEmpty || !fields.isEmpty || !fieldStart {
            try endField()
            endRecord()
        }
        guard !records.isEmpty else { throw .empty }
        let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
        return CSVTable(header: header, records: records, delimiter: Character(Unicode.Scalar(delimiter)))
    }

    /// A C0 control byte other than tab (line ends are handled by the caller), or DEL.
    static func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09) || b == 0x7F }

    /// Reads CSV from text (a BOM, if any, is ignored).
    public static func parse(text: String) throws(CSVError) -> CSVTable {
        try parse(Array(text.utf8))
    }

    /// ";" when the first line has more semicolons than commas outside quotes, else ",".
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if b == UInt8(ascii: ",") { commas += 1 }
                if b == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}
