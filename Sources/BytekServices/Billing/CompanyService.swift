import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// The company profile printed on documents and the e-invoicing settings kept in the database (the
/// SOL user, its password and the certificate stay in the secrets file). Every member of staff reads the
/// profile; only an admin changes it or the settings.
public struct CompanyService: Sendable {
    let services: Services

    /// The profile's and the settings' repositories, acting as the actor through its door.
    var profiles: CompanyProfileRepository {
        services.throughDoor(CompanyProfileRepository(db: services.db, user: services.actor.auditName, now: services.now))
    }
    var settingsRepository: EInvoicingSettingsRepository {
        services.throughDoor(EInvoicingSettingsRepository(db: services.db, user: services.actor.auditName, now: services.now))
    }

    /// The stored profile (check `isEmpty`).
    public func profile() throws -> CompanyProfile {
        try services.actor.authorize(.companyView)
        return try profiles.load()
    }

    /// Validates and saves the whole profile with its audit entry; returns what was stored.
    /// Throws `CompanyProfileError` before writing anything.
    @discardableResult
    public func save(_ profile: CompanyProfile) throws -> CompanyProfile {
        try services.actor.authorize(.companyEdit)
        return try profiles.save(profile)
    }

    /// The e-invoicing settings; nil when never configured.
    public func settings() throws -> EInvoicingSettings? {
        try services.actor.authorize(.billingSettingsView)
        return try settingsRepository.load()
    }

    /// Saves the e-invoicing settings with their audit entry. A rules folder must hold SUNAT's rules
    /// compiled here (or every issue would stop on it later); the issuer's RUC must be the profile's
    /// (an empty profile is filled from the issuer). Throws `EInvoicingSettingsError` or SUNAT's rules'
    /// error before writing anything.
    public func save(_ settings: EInvoicingSettings) throws {
        try services.actor.authorize(.billingSettingsEdit)
        if let folder = settings.rulesFolder { try SunatRules(folder: folder).prepare() }
        try settingsRepository.save(settings)
    }
}

extension Services {
    /// The company profile and the e-invoicing settings.
    public var company: CompanyService { CompanyService(services: self) }
}
