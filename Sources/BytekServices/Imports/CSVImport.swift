import BytekModel
import BytekStore

/// The steps of an import that do not depend on what is imported: each line parsed, checked against
/// the earlier lines, matched to a stored record when updating, created or updated; all in one
/// IMMEDIATE transaction with one audit entry for the file, rolled back when a line is refused and
/// the import is not partial (or when it is a dry run).
struct CSVImport<Item> {
    /// The key's column, for messages ("numero_doc", "sku").
    let keyColumn: String
    let key: (Item) -> String
    /// The stored record a line names, when updating.
    let stored: (CSVRecord, CSVColumnMap) throws -> Item?
    /// A new record from the line's cells.
    let parse: (CSVRecord, CSVColumnMap) throws -> Item
    /// The stored record with the line's present columns over it, and the columns that changed.
    let merge: (Item, CSVRecord, CSVColumnMap) throws -> (item: Item, changed: [String])
    let create: (Item) throws -> Void
    let update: (_ stored: Item, _ new: Item) throws -> Void
    /// The audit entity of the file's entry ("customer") and the noun of its summary ("cliente(s)").
    let entity: String
    let noun: String

    private struct Cancel: Error {}

    func run(_ table: CSVTable, map: CSVColumnMap, services: Services, options: ImportOptions) throws -> ImportReport {
        let db = services.db, actor = services.actor
        var report = ImportReport()
        do {
            try db.write {
                var seen: [String: Int] = [:]
                for record in table.records {
                    report.lines.append(ImportLine(line: record.line, outcome: try line(record, map, options, &seen, db)))
                }
                if !report.refused.isEmpty && !options.partial { throw Cancel() }
                if report.created + report.updated > 0 {
                    try AuditLog(db: db, user: actor.auditName, door: actor.door, now: services.now).append(
                        entity: entity, entityId: nil, action: .import,
                        summary: ImportSummary.text(created: report.created, updated: report.updated, noun: noun,
                                                    source: options.source))
                }
                if options.dryRun { throw Cancel() }
            }
            report.committed = true
        } catch is Cancel {
            report.committed = false
        }
        return report
    }

    private func line(_ record: CSVRecord, _ map: CSVColumnMap, _ options: ImportOptions, _ seen: inout [String: Int],
                      _ db: Database) throws -> ImportLineOutcome {
        func firstTime(_ k: String) -> ImportLineOutcome? {
            if let first = seen[k] { return .refused(.repeated(column: keyColumn, key: k, firstLine: first)) }
            seen[k] = record.line
            return nil
        }
        do {
            if options.update, let existing = try stored(record, map) {
                if let extra = map.extraFieldsProblem(record) { return .refused(.cells(CSVLineError([extra]))) }
                let (item, changed) = try merge(existing, record, map)
                let k = key(item)
                if let repeated = firstTime(k) { return repeated }
                if changed.isEmpty { return .unchanged(key: k) }
                try db.write { try update(existing, item) }
                return .updated(key: k, columns: changed)
            }
            let item = try parse(record, map)
            let k = key(item)
            if let repeated = firstTime(k) { return repeated }
            try db.write { try create(item) }
            return .created(key: k)
        } catch let e as CSVLineError {
            return .refused(.cells(e))
        } catch let e as ImportRefusal {
            return .refused(e)
        } catch let e as DatabaseError {
            throw e
        } catch {
            return .refused(.store(error))
        }
    }

    /// The columns of `header` whose cells differ between two rows, a contact's as one `contactoN`.
    static func changedColumns(_ header: [String], _ before: [String], _ after: [String]) -> [String] {
        var changed: [String] = []
        for (i, column) in header.enumerated() where before[i] != after[i] {
            let name = column.hasPrefix("contacto") ? String(column.prefix { $0 != "_" }) : column
            if !changed.contains(name) { changed.append(name) }
        }
        return changed
    }
}
