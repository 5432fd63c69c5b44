import BytekModel
import Foundation

/// Reads and writes `EInvoicingSettings` in the `setting` table (one JSON value).
///
/// One company, one RUC: the company profile (`CompanyProfileRepository`, what quotes and contracts print)
/// is the source of truth for who the company is, and the settings' issuer must carry the same RUC.
/// `save` refuses an issuer whose RUC differs from a configured profile, and fills an empty profile from
/// the issuer (so a company that set up invoicing first also gets its quotes' header). Settings stored
/// before this rule are read unchanged.
public struct EInvoicingSettingsRepository: Sendable {
    public static let key = "einvoice.settings"
    public let db: Database
    /// Who saves (for the audit entries of the settings and of a profile filled from them).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String = "sistema", now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    /// The saved settings, nil when never configured.
    public func load() throws -> EInvoicingSettings? {
        guard let text = try SettingsRepository(db: db).value(Self.key) else { return nil }
        do { return try JSONDecoder().decode(EInvoicingSettings.self, from: Data(text.utf8)) } catch {
            throw EInvoicingSettingsError.unreadable(String(describing: error))
        }
    }

    /// The saved settings, or `.notConfigured`.
    public func require() throws -> EInvoicingSettings {
        guard let s = try load() else { throw EInvoicingSettingsError.notConfigured }
        return s
    }

    /// Saves `settings` after checking the issuer's RUC against its check digit and against the company
    /// profile (`issuerDiffersFromProfile`); fills an empty profile from the issuer when the issuer has
    /// what a profile needs (legal name and address). One transaction with its audit entry: all or nothing.
    public func save(_ settings: EInvoicingSettings) throws {
        if DocumentType.ruc.validate(settings.issuer.ruc) != nil {
            throw EInvoicingSettingsError.invalidRUC(settings.issuer.ruc)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(settings), as: UTF8.self)
        try db.write {
            let before = try? load()
            var profiles = CompanyProfileRepository(db: db, user: user, now: now)
            profiles.door = door
            let profile = try profiles.load()
            if profile.isEmpty {
                let filled = CompanyProfile(issuer: settings.issuer)
                if (try? filled.normalized().validate()) != nil { try profiles.save(filled) }
            } else if profile.ruc != settings.issuer.ruc {
                throw EInvoicingSettingsError.issuerDiffersFromProfile(profileRUC: profile.ruc, issuerRUC: settings.issuer.ruc)
            }
            try SettingsRepository(db: db).set(Self.key, text)
            // Audited as the company's: the settings are its e-invoicing identity (issuer, series, environment).
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: AuditEntity.company, entityId: nil, action: before == nil ? .create : .update,
                summary: "Ajustes de facturación: \(settings.issuer.ruc), \(settings.environment.rawValue)",
                before: before, after: settings)
        }
    }
}
