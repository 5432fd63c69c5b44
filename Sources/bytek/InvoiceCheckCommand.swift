import BytekModel
import BytekServices
import BytekStore
import BytekSUNAT
import Foundation

extension InvoiceCommand {
    /// `bytek invoice check SERIE-NÚMERO [--rules CARPETA]`: SUNAT's rules on the stored signed XML of an
    /// issued document (the settings' rulesFolder unless --rules is given); one line per error (E) and
    /// observation (W) with SUNAT's text, then the verdict. Exit 1 when SUNAT would reject it.
    static func check(_ id: String, rulesFolder: String?, _ context: CommandContext) throws -> Int32 {
        let invoices = try services(context).invoices
        let checked: InvoiceCheck
        do { checked = try existing(id) { try invoices.check(documentID: id, rulesFolder: rulesFolder) } }
        catch let e as BillingError { throw CLIError.failure(text(e)) }
        catch let e as SunatRulesError { throw CLIError.failure(e.message) }
        let (record, report, rules) = (checked.record, checked.report, checked.rules)
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
