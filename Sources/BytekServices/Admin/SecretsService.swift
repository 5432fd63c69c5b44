import BytekModel
import BytekStore
import Foundation

/// What the database says the secrets file must hold (admin): the files themselves are read by
/// `bytek secrets check`, which never prints a value.
public struct SecretsService: Sendable {
    let services: Services

    /// Whether this database has e-invoicing settings (then SUNAT's SOL user and certificate are needed).
    public func einvoicingConfigured() throws -> Bool {
        try services.actor.authorize(.secretsCheck)
        return try EInvoicingSettingsRepository(db: services.db).load() != nil
    }
}

extension Services {
    public var secrets: SecretsService { SecretsService(services: self) }
}
