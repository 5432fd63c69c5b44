import Foundation

/// What is wrong with one cell of an imported line. The CLI and the TUI turn each case into Spanish text.
public enum CSVCellIssue: Equatable, Sendable {
    /// A required value is empty.
    case missing
    /// The text is not one of the words this column accepts (`accepted` lists them).
    case unknownValue(String, accepted: [String])
    case notAnInteger(String)
    case money(MoneyError)
    case customer(CustomerError)
    case catalog(CatalogError)
    /// The line has more fields than the header (often a comma inside an unquoted value).
    case extraFields(Int)
}

/// One problem on a line: the column (header name) and what is wrong.
public struct CSVCellProblem: Equatable, Sendable {
    public var column: String
    public var issue: CSVCellIssue
    public init(column: String, issue: CSVCellIssue) { self.column = column; self.issue = issue }
}

/// Every problem of one line; thrown by the record mappings.
public struct CSVLineError: Error, Equatable, Sendable {
    public var problems: [CSVCellProblem]
    public init(_ problems: [CSVCellProblem]) { self.problems = problems }
}

/// Why a header cannot be used. Names are the canonical column names.
public enum CSVHeaderError: Error, Hashable, Sendable {
    case missingColumns([String])
    /// Columns this import does not know (a typo would otherwise drop data silently).
    case unknownColumns([String])
    case repeatedColumns([String])
}

/// Finds columns by header name, ignoring case, accents, surrounding spaces, and spaces or hyphens
/// used instead of "_" ("Razón social" is `razon_social`).
public struct CSVColumnMap: Sendable {
    public let header: [String]
    private let index: [String: Int]

    public init(header: [String], known: [String], required: [String]) throws(CSVHeaderError) {
        let names = header.map(Self.canonical)
        var index: [String: Int] = [:]
        var repeated: [String] = []
        for (i, name) in names.enumerated() where !name.isEmpty {
            if index[name] != nil { repeated.append(name) } else { index[name] = i }
        }
        if !repeated.isEmpty { throw .repeatedColumns(repeated) }
        let unknown = names.filter { !$0.isEmpty && !known.contains($0) }
        if !unknown.isEmpty { throw .unknownColumns(unknown) }
        let missing = required.filter { index[$0] == nil }
        if !missing.isEmpty { throw .missingColumns(missing) }
        self.header = header
        self.index = index
    }

    /// Header text to column name: folded, trimmed, inner spaces and hyphens as "_".
    public static func canonical(_ text: String) -> String {
        TextFold.fold(text.trimmingCharacters(in: .whitespacesAndNewlines))
            .map { $0 == " " || $0 == "-" ? "_" : $0 }
            .reduce(into: "") { $0.append($1) }
    }

    public func has(_ column: String) -> Bool { index[column] != nil }

    /// The cell of `column` in `record`, trimmed; empty when the column or the cell is absent.
    public func value(_ column: String, in record: CSVRecord) -> String {
        guard let i = index[column], i < record.fields.count else { return "" }
        return record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A problem when the record has non-empty fields past the header's width.
    public func extraFieldsProblem(_ record: CSVRecord) -> CSVCellProblem? {
        guard record.fields.count > header.count else { return nil }
        let extra = record.fields[header.count...].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return extra.isEmpty ? nil : CSVCellProblem(column: "", issue: .extraFields(extra.count))
    }
}

/// Cell readers shared by the record mappings: each returns the value or records a problem.
struct CSVCellReader {
    let map: CSVColumnMap
    let record: CSVRecord
    var problems: [CSVCellProblem] = []

    init(map: CSVColumnMap, record: CSVRecord) {
        self.map = map
        self.record = record
        if let extra = map.extraFieldsProblem(record) { problems.append(extra) }
    }

    func text(_ column: String) -> String { map.value(column, in: record) }

    mutating func report(_ column: String, _ issue: CSVCellIssue) {
        problems.append(CSVCellProblem(column: column, issue: issue))
    }

    mutating func required(_ column: String) -> String? {
        let v = text(column)
        if v.isEmpty { report(column, .missing); return nil }
        return v
    }

    /// A word from `choices` (folded keys); `fallback` when empty (nil fallback = required).
    mutating func choice<T>(_ column: String, _ choices: [String: T], accepted: [String], fallback: T?) -> T? {
        let v = text(column)
        if v.isEmpty {
            if fallback == nil { report(column, .missing) }
            return fallback
        }
        if let found = choices[TextFold.fold(v)] { return found }
        report(column, .unknownValue(v, accepted: accepted))
        return nil
    }

    mutating func integer(_ column: String, fallback: Int) -> Int? {
        let v = text(column)
        if v.isEmpty { return fallback }
        if let n = Int(v) { return n }
        report(column, .notAnInteger(v))
        return nil
    }

    mutating func money(_ column: String, currency: Currency, required: Bool) -> Money? {
        let v = text(column)
        if v.isEmpty {
            if required { report(column, .missing); return nil }
            return .zero(currency)
        }
        do { return try Money.parse(Self.decimalCommaToPoint(v), currency: currency) } catch {
            report(column, .money(error))
            return nil
        }
    }

    /// "1.234,50" (thousands dot, decimal comma, as spreadsheets in many locales write it) → "1234.50".
    /// Other forms are left to `Money.parse`.
    static func decimalCommaToPoint(_ text: String) -> String {
        guard let comma = text.lastIndex(of: ","), let dot = text.firstIndex(of: "."), dot < comma else { return text }
        let integer = text[..<comma]
        let groups = integer.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return text }
        return groups.joined() + "." + text[text.index(after: comma)...]
    }

    mutating func flag(_ column: String, fallback: Bool) -> Bool? {
        choice(column, CSVWords.booleans, accepted: ["si", "no"], fallback: fallback)
    }
}

/// The words the CSV columns accept and write.
public enum CSVWords {
    static let booleans: [String: Bool] = [
        "si": true, "s": true, "1": true, "x": true, "true": true, "yes": true, "verdadero": true,
        "no": false, "n": false, "0": false, "false": false, "falso": false,
    ]

    public static func flag(_ value: Bool) -> String { value ? "si" : "no" }
}
