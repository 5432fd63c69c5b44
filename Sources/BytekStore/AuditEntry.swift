import Foundation

/// What was done to a record (the `action` column of the audit log).
public enum AuditAction: String, CaseIterable, Sendable, Codable {
    case create, update, archive, restore, delete, `import`, login
}

/// The entity names the repositories write in the audit log.
public enum AuditEntity {
    public static let customer = "customer"
    public static let catalogItem = "catalog_item"
    public static let user = "user"
}

/// One line of the audit log: who did what to which record, when, with the record's state
/// before and after as JSON objects (nil for a creation's before or a deletion's after).
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var user: String
    public var entity: String
    public var entityId: Int64?
    public var action: AuditAction
    public var summary: String
    public var before: String?
    public var after: String?
}

/// Filters for browsing the audit log; nil or empty means "any".
public struct AuditFilter: Sendable, Hashable {
    public var entity: String?
    public var entityId: Int64?
    public var user: String?
    public var action: AuditAction?
    /// Inclusive lower bound.
    public var from: Date?
    /// Exclusive upper bound.
    public var to: Date?
    /// Words looked for in the summary, case- and accent-insensitively.
    public var text: String?

    public init(entity: String? = nil, entityId: Int64? = nil, user: String? = nil, action: AuditAction? = nil,
                from: Date? = nil, to: Date? = nil, text: String? = nil) {
        self.entity = entity; self.entityId = entityId; self.user = user; self.action = action
        self.from = from; self.to = to; self.text = text
    }
}
