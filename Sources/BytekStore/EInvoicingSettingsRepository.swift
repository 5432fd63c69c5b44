import BytekModel
import Foundation

/// Reads and writes `EInvoicingSettings` in the `setting` table (one JSON value).
public struct EInvoicingSettingsRepository: Sendable {
    public static let key = "einvoice.settings"
    public let db: Database
    public init(db: Database) { self.db = db }

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

    /// Saves `settings` after checking the issuer's RUC.
    public func save(_ settings: EInvoicingSettings) throws {
        if DocumentType.ruc.validate(settings.issuer.ruc) != nil {
            throw EInvoicingSettingsError.invalidRUC(settings.issuer.ruc)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(settings), as: UTF8.self)
        try SettingsRepository(db: db).set(Self.key, text)
    }
}
