import Foundation

/// Writes CSV that Excel opens with accents intact: a UTF-8 BOM, CRLF line ends, and quotes only where a
/// field needs them (separator, quote, line break, or leading/trailing space), and formulas defused
/// (`CSVFormulaGuard`). `CSVReader` reads back exactly the fields written.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var includeBOM: Bool

    public init(delimiter: Character = ",", includeBOM: Bool = true) {
        self.delimiter = delimiter
        self.includeBOM = includeBOM
    }

    /// The whole file: header line then one line per row.
    public func encode(header: [String], rows: [[String]]) -> [UInt8] {
        var out: [UInt8] = includeBOM ? [0xEF, 0xBB, 0xBF] : []
        out.reserveCapacity(64 * (rows.count + 1))
        for record in [header] + rows {
            out.append(contentsOf: line(record).utf8)
        }
        return out
    }

    /// One record with its CRLF; a cell a spreadsheet would run as a formula is written as text
    /// (`CSVFormulaGuard`).
    public func line(_ fields: [String]) -> String {
        fields.map { quoted(CSVFormulaGuard.protect($0)) }.joined(separator: String(delimiter)) + "\r\n"
    }

    func quoted(_ field: String) -> String {
        let needs = field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needs else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
