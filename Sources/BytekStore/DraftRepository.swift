import Foundation

/// A form's text as it was being typed, and when it was last saved.
public struct FormDraft: Sendable, Hashable {
    public var fields: [String: String]
    public var updatedAt: Date
    /// The record's values when the draft started (the version it was typed over); nil for a draft kept
    /// by an older program. Restoring it over a record changed since shows what changed and merges field
    /// by field instead of overwriting the other user's change.
    public var base: [String: String]?
}

/// A draft that is stored but cannot be read back (damaged JSON): the form offers to delete it.
public struct UnreadableDraft: Error, Equatable, Sendable {
    public var form: String
    public var recordKey: String
}

/// How a draft is kept in `form_draft.fields_json`. Older drafts are a bare `{"field": "value"}` object.
private struct StoredDraft: Codable {
    var fields: [String: String]
    var base: [String: String]?
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

    /// Saves (replacing) the draft of `form` for `recordKey`, with `base`, the record's values it started from.
    public func save(user: String, form: String, recordKey: String, fields: [String: String],
                     base: [String: String]? = nil) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(StoredDraft(fields: fields, base: base)), as: UTF8.self)
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

    /// The saved draft, or nil when there is none. Throws `UnreadableDraft` when one is stored but
    /// cannot be read, so the caller can offer to delete it rather than ignore it forever.
    public func load(user: String, form: String, recordKey: String) throws -> FormDraft? {
        guard let row = try db.queryOne(
            "SELECT fields_json, updated_at FROM form_draft WHERE user_login = ? AND form = ? AND record_key = ?",
            [.text(user), .text(form), .text(recordKey)]) else { return nil }
        let data = Data(row.string("fields_json").utf8)
        let updated = ISOTimestamp.parse(row.string("updated_at")) ?? Date(timeIntervalSince1970: 0)
        if let stored = try? JSONDecoder().decode(StoredDraft.self, from: data) {
            return FormDraft(fields: stored.fields, updatedAt: updated, base: stored.base)
        }
        if let fields = try? JSONDecoder().decode([String: String].self, from: data) {
            return FormDraft(fields: fields, updatedAt: updated, base: nil)
        }
        throw UnreadableDraft(form: form, recordKey: recordKey)
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
