import BytekModel
import BytekStore
import Foundation

/// What `bytek sunat emulator` (a developer's tool, run without a user) reads from an existing database
/// and the one setting it keeps: the company's RUC (e-invoicing settings, else the company profile) and
/// the path of the emulator script saved for a binary copied away from the checkout.
public enum SunatEmulatorSetup {
    /// The setting (table `setting`) that names the emulator script.
    public static let scriptSettingKey = "sunat.emulator.script"

    /// The saved emulator script path, nil when none was saved.
    public static func scriptPath(db: Database) -> String? {
        try? SettingsRepository(db: db).value(scriptSettingKey)
    }

    /// Saves where the emulator script is (`--guardar-script`).
    public static func saveScriptPath(_ path: String, db: Database) throws {
        try SettingsRepository(db: db).set(scriptSettingKey, path)
    }

    /// The company's RUC: the e-invoicing settings' issuer, else the company profile's; nil when neither has one.
    public static func companyRUC(db: Database) -> String? {
        if let issuer = (try? EInvoicingSettingsRepository(db: db).load())?.issuer, !issuer.ruc.isEmpty { return issuer.ruc }
        if let profile = try? CompanyProfileRepository(db: db, user: "sistema").load(), !profile.ruc.isEmpty { return profile.ruc }
        return nil
    }
}
