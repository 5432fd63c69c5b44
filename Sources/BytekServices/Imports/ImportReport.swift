import BytekModel
import BytekStore

/// How a CSV import treats its file.
public struct ImportOptions: Sendable {
    /// Keep the good lines when some are refused (else nothing is saved).
    public var partial: Bool
    /// Lines whose key (document number, SKU) is already stored update that record, changing only the
    /// columns present in the file; the others are added.
    public var update: Bool
    /// Work out the report and save nothing (the TUI's preview).
    public var dryRun: Bool
    /// The file's name, for the audit entry.
    public var source: String

    public init(partial: Bool = false, update: Bool = false, dryRun: Bool = false, source: String) {
        self.partial = partial; self.update = update; self.dryRun = dryRun; self.source = source
    }
}

/// What became of one line.
public enum ImportLineOutcome: Sendable {
    case created(key: String)
    /// The columns whose value changed, in the file's order; a contact's columns as `contactoN`.
    case updated(key: String, columns: [String])
    case unchanged(key: String)
    case refused(ImportRefusal)
}

/// Why a line was not imported. Each door turns it into words naming the column.
public enum ImportRefusal: Error, Sendable {
    /// Cells that cannot be read or break the model's rules.
    case cells(CSVLineError)
    /// The key appears on an earlier line of the same file.
    case repeated(column: String, key: String, firstLine: Int)
    /// The store refused the record.
    case store(any Error)
}

public struct ImportLine: Sendable {
    public let line: Int
    public let outcome: ImportLineOutcome
}

/// Every line's outcome, and whether the import was saved.
public struct ImportReport: Sendable {
    public internal(set) var lines: [ImportLine] = []
    /// False when a refused line cancelled the whole file, or for a dry run.
    public internal(set) var committed = false

    public var created: Int { lines.filter { if case .created = $0.outcome { true } else { false } }.count }
    public var updated: Int { lines.filter { if case .updated = $0.outcome { true } else { false } }.count }
    public var unchanged: Int { lines.filter { if case .unchanged = $0.outcome { true } else { false } }.count }
    public var refused: [(line: Int, reason: ImportRefusal)] {
        lines.compactMap { if case .refused(let r) = $0.outcome { ($0.line, r) } else { nil } }
    }
}
