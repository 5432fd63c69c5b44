import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

extension InvoiceCommand {
    /// `bytek invoice check SERIE-NÚMERO [--rules CARPETA]`: SUNAT's rules on the stored signed XML of an
    /// issued document (the settings' rulesFolder unless --rules is given); one line per error (E) and
    /// observation (W) with SUNAT's text, then the verdict. Exit 1 when SUNAT would reject it.
    static func check(_ id: String, rulesFolder: String?, _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .billing)
        let repository = EDocumentRepository(db: store.db)
        guard let record = try repository.record(documentID: id), let xml = try repository.signedXML(id: record.id) else {
            throw CLIError.failure("no existe el comprobante \(id)")
        }
        guard let folder = try rulesFolder ?? EInvoicingSettingsRepository(db: store.db).load()?.rulesFolder else {
            throw CLIError.failure("indique la carpeta de reglas de SUNAT con --rules CARPETA o con rulesFolder en los ajustes "
                                   + "(bytek invoice settings)")
        }
        let report: SunatRulesReport
        let rules: SunatRules
        do {
            rules = try SunatRules(folder: folder)
            report = try rules.check(xml, fileName: record.fileName + ".xml")
        } catch {
            throw CLIError.failure(error.message)
        }
        for finding in report.findings where finding.severity != .other {
            Console.out("\(finding.severity.rawValue)\t\(finding.code)\t\(SunatPreflight.text(of: finding, rules: rules))")
        }
        if report.rejected {
            Console.out("SUNAT rechazaría \(record.documentID) (\(report.errors.count) error(es)).")
            return 1
        }
        let observations = report.warnings.isEmpty ? "" : " con \(report.warnings.count) observación(es)"
        Console.out("SUNAT aceptaría \(record.documentID)\(observations).")
        return 0
    }
}
