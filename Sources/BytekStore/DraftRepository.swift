import Foundation

/// A form's text as it was being typed, and when it was last saved.
public struct FormDraft: Sendable, Hashable {
    public var fields: [String: String]
    public var updatedAt: Date
}

/// Form drafts kept while a user types, so a dropped connection or a killed terminal loses
/// nothing. A draft is keyed by user, form and record (`"new"` for an unsaved record).
/// Drafts are not business data: they are not audited.
public struct DraftRepository: Sendable {
    public static let newRecord = "new"

    public let db: Database
    public let now: @Sendable () -> Date

    public init(db: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.now = now
    }

    /// Saves (replacing) the draft of `form` for `recordKey`.
    public func save(user: String, form: String, recordKey: String, fields: [String: String]) throws {
        let json = try AuditLog.json(fields)
        try db.write {
            try db.execute(
                """
                INSERT INTO form_draft(user_login, form, record_key, fields_json, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(user_login, form, record_key) DO UPDATE SET fields_json = excluded.fields_json,
                    updated_at = excluded.updated_at
                """,
                [.text(user), .text(form), .text(recordKey), .text(json), .text(ISOTimestamp.format(now()))])
        }
    }

    /// The saved draft, or nil when there is none (or it cannot be read).
    public func load(user: String, form: String, recordKey: String) throws -> FormDraft? {
        guard let row = try db.queryOne(
            "SELECT fields_json, updated_at FROM form_draft WHERE user_login = ? AND form = ? AND record_key = ?",
            [.text(user), .text(form), .text(recordKey)]) else { return nil }
        guard let fields = try? JSONDecoder().decode([String: String].self, from: Data(row.string("fields_json").utf8))
        else { return nil }
        return FormDraft(fields: fields, updatedAt: ISOTimestamp.parse(row.string("updated_at")) ?? Date(timeIntervalSince1970: 0))
    }

    /// Forgets the draft (after the form is saved or the user discards it).
    public func delete(user: String, form: String, recordKey: String) throws {
        try db.execute("DELETE FROM form_draft WHERE user_login = ? AND form = ? AND record_key = ?",
                       [.text(user), .text(form), .text(recordKey)])
    }

    /// The record keys of `form` that `user` has drafts for, newest first.
    public func recordKeys(user: String, form: String) throws -> [String] {
        try db.query("SELECT record_key FROM form_draft WHERE user_login = ? AND form = ? ORDER BY updated_at DESC",
                     [.text(user), .text(form)]).map { $0.string("record_key") }
    }
}
