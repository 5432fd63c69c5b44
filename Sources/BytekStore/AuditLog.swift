import BytekModel
import Foundation

/// The append-only log of every change of business data.
///
/// Repositories call `append` inside the same `db.write { }` transaction as the change, so a
/// change and its audit entry are committed together or not at all.
public struct AuditLog: Sendable {
    public let db: Database
    /// The login of the user acting.
    public let user: String
    /// The door the user came through (tui, cli, web, ssh, worker); nil when not known.
    public let door: Door?
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, door: Door? = nil, now: @escaping @Sendable () -> Date = { ProcessClock.now() }) {
        self.db = db; self.user = user; self.door = door; self.now = now
    }

    /// Appends one entry. `before`/`after` are encoded as JSON objects with sorted keys (so equal
    /// values give equal text); pass nil when there is no such state. `at` defaults to the clock;
    /// repositories pass the time they stamped on the record. Returns the entry's id.
    @discardableResult
    public func append(entity: String, entityId: Int64?, action: AuditAction, summary: String,
                       before: (any Encodable)? = nil, after: (any Encodable)? = nil, at: Date? = nil) throws -> Int64 {
        let beforeJSON = try before.map(AuditLog.json)
        let afterJSON = try after.map(AuditLog.json)
        var values: [SQLValue] = [
            .text(ISOTimestamp.format(at ?? now())), .text(user), .text(entity), entityId.map { .int($0) } ?? .null,
            .text(action.rawValue), .text(summary), beforeJSON.map { .text($0) } ?? .null,
            afterJSON.map { .text($0) } ?? .null]
        // The door column is named only when there is a door to write, so code running on a database
        // that predates the column (the migration tests seed old versions) keeps working.
        var columns = "at, user_login, entity, entity_id, action, summary, before_json, after_json"
        if let door { columns += ", door"; values.append(.text(door.rawValue)) }
        try db.execute("INSERT INTO audit_log(\(columns)) VALUES (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))",
                       values)
        return db.lastInsertRowID
    }

    /// JSON text of a value: sorted keys, ISO-8601 dates, no escaped slashes.
    public static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: reading

    static let columns = ["id", "at", "user_login", "entity", "entity_id", "action", "summary", "before_json", "after_json", "door"]
    static let selectColumns = columns.joined(separator: ", ")

    /// The entries that match `filter`, newest first, as a keyset pager (one index seek per page
    /// for each single filter; the free text goes through the `audit_fts` index).
    public func pager(_ filter: AuditFilter = AuditFilter()) -> KeysetPager<AuditEntry> {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let e = filter.entity, !e.isEmpty { conditions.append("audit_log.entity = ?"); args.append(.text(e)) }
        if let id = filter.entityId { conditions.append("audit_log.entity_id = ?"); args.append(.int(id)) }
        if let u = filter.user, !u.isEmpty { conditions.append("audit_log.user_login = ?"); args.append(.text(u)) }
        if let a = filter.action { conditions.append("audit_log.action = ?"); args.append(.text(a.rawValue)) }
        if let f = filter.from { conditions.append("audit_log.at >= ?"); args.append(.text(ISOTimestamp.format(f))) }
        if let t = filter.to { conditions.append("audit_log.at < ?"); args.append(.text(ISOTimestamp.format(t))) }
        var from = "audit_log"
        var order = [SortKey("audit_log.at", ascending: false), SortKey("audit_log.id", ascending: false)]
        if let text = filter.text, let match = TextSearch.ftsPrefixQuery(text) {
            // Walk the FTS index in rowid order (newest first, as ids follow time): FTS5 seeks on
            // a rowid bound, so a page costs the same for a rare word and for one in every entry,
            // where sorting by time would first collect every match.
            from = "audit_fts CROSS JOIN audit_log ON audit_log.id = audit_fts.rowid"
            conditions.insert("audit_fts MATCH ?", at: 0)
            args.insert(.text(match), at: 0)
            order = [SortKey("audit_fts.rowid", ascending: false)]
        }
        return KeysetPager(
            db: db, from: from, where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "),
            arguments: args, columns: AuditLog.columns.map { "audit_log.\($0) AS \($0)" },
            order: order, decode: AuditLog.decode)
    }

    /// The history of one record, oldest first.
    public func history(entity: String, entityId: Int64) throws -> [AuditEntry] {
        try db.query(
            "SELECT \(AuditLog.selectColumns) FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id",
            [.text(entity), .int(entityId)]
        ).map(AuditLog.decode)
    }

    /// The entry with this id.
    public func entry(_ id: Int64) throws -> AuditEntry? {
        try db.queryOne("SELECT \(AuditLog.selectColumns) FROM audit_log WHERE id = ?", [.int(id)])
            .map(AuditLog.decode)
    }

    @Sendable static func decode(_ row: Row) -> AuditEntry {
        AuditEntry(
            id: row.int("id"), at: ISOTimestamp.parse(row.string("at")) ?? Date(timeIntervalSince1970: 0),
            user: row.string("user_login"), entity: row.string("entity"), entityId: row["entity_id"].intValue,
            action: AuditAction(rawValue: row.string("action")) ?? .update, summary: row.string("summary"),
            before: row.optionalString("before_json"), after: row.optionalString("after_json"),
            door: row.optionalString("door").flatMap(Door.init(rawValue:)))
    }
}
