import BytekModel
import Foundation

/// The company profile, kept in the `setting` table as `company.*` keys (one per field), so no
/// schema change is needed. Unlike other settings it is business data: every save is validated
/// (RUC with its check digit) and audited, in one transaction.
public struct CompanyProfileRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    /// The audit-log entity name.
    public static let auditEntity = "company"

    /// Field name → setting key suffix (`company.ruc`...), in display order.
    public static var fields: [(key: String, path: WritableKeyPath<CompanyProfile, String>)] { [
        ("ruc", \.ruc), ("legal_name", \.legalName), ("trade_name", \.tradeName), ("address", \.address),
        ("ubigeo", \.ubigeo), ("district", \.district), ("province", \.province), ("department", \.department),
        ("phone", \.phone), ("email", \.email), ("website", \.website), ("logo_path", \.logoPath),
        ("representative", \.representative), ("representative_document", \.representativeDocument),
    ] }

    /// The stored profile; empty fields where nothing was saved (check `isEmpty`).
    public func load() throws -> CompanyProfile {
        var profile = CompanyProfile()
        try db.forEach("SELECT key, value FROM setting WHERE key LIKE 'company.%'") { row in
            let key = String(row.string("key").dropFirst("company.".count))
            if let field = CompanyProfileRepository.fields.first(where: { $0.key == key }) {
                profile[keyPath: field.path] = row.string("value")
            }
        }
        return profile
    }

    /// Validates and saves the whole profile (normalized); returns what was stored.
    /// Throws `CompanyProfileError` before writing anything.
    @discardableResult
    public func save(_ profile: CompanyProfile) throws -> CompanyProfile {
        let after = profile.normalized()
        try after.validate()
        return try db.write {
            let before = try load()
            if before == after { return after }
            for field in CompanyProfileRepository.fields {
                try db.execute(
                    "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [.text("company." + field.key), .text(after[keyPath: field.path])])
            }
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: CompanyProfileRepository.auditEntity, entityId: nil, action: before.isEmpty ? .create : .update,
                summary: "\(after.ruc) \(after.legalName)", before: before.isEmpty ? nil : before, after: after)
            return after
        }
    }
}
