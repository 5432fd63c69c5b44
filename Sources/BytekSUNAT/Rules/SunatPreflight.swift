import BytekModel
import BytekStore
import Foundation

/// The pre-flight of issuing: a document built and signed with its series' next number as a candidate
/// goes through SUNAT's rules (`SunatRules`) before the number is taken, outside the write transaction.
/// A rejecting error becomes `EDocumentError.rejectedBySunatRules` with SUNAT's code and text, so the
/// CLI and the TUI say it the same way; the counter is never touched.
public struct SunatPreflight: Sendable {
    public let rules: SunatRules

    public init(rules: SunatRules) { self.rules = rules }

    /// The pre-flight the settings ask for: nil when no rules folder is configured (issuing works as
    /// before); throws when the folder is configured but unusable, so nothing is issued unchecked.
    public static func configured(in db: Database) throws -> SunatPreflight? {
        guard let settings = try EInvoicingSettingsRepository(db: db).load(), let folder = settings.rulesFolder else {
            return nil
        }
        do { return SunatPreflight(rules: try SunatRules(folder: folder)) } catch {
            throw EDocumentError.sunatRulesUnavailable(error.message)
        }
    }

    /// Runs the rules on a prepared document (signed XML and its file name); throws on the first rejecting
    /// error. Returns the report (with the observations) when SUNAT would accept it.
    @discardableResult
    public func check(_ prepared: PreparedEDocument, documentID: String, ruleSet: SunatRuleSet? = nil) throws -> SunatRulesReport {
        try check(signedXML: prepared.signedXML, fileName: prepared.fileName, documentID: documentID, ruleSet: ruleSet)
    }

    /// The same for a resumen diario or comunicación de baja (`fileName` RUC-RC-YYYYMMDD-N, no extension).
    @discardableResult
    public func check(_ batch: PreparedBatch) throws -> SunatRulesReport {
        try check(signedXML: batch.signedXML, fileName: batch.fileName, documentID: batch.identifier,
                  ruleSet: batch.kind == .resumen ? .summary : .voided)
    }

    func check(signedXML: [UInt8], fileName: String, documentID: String, ruleSet: SunatRuleSet?) throws -> SunatRulesReport {
        let report: SunatRulesReport
        do {
            report = try rules.check(signedXML, fileName: fileName + ".xml", ruleSet: ruleSet, stopAtFirst: true)
        } catch {
            throw EDocumentError.sunatRulesUnavailable(error.message)
        }
        if let first = report.errors.first {
            throw EDocumentError.rejectedBySunatRules(document: documentID, code: first.code,
                                                      message: Self.text(of: first, rules: rules))
        }
        return report
    }

    /// SUNAT's sentence for the code (CatalogoErrores.xml) with what the rule pointed at (node and value).
    public static func text(of finding: SunatRuleFinding, rules: SunatRules) -> String {
        var text = rules.catalogText(code: finding.code) ?? finding.message
        if let open = finding.message.range(of: "(nodo: ") {
            let detail = finding.message[open.lowerBound...]
            text += " " + (detail.count > 160 ? detail.prefix(158) + "…)" : detail)
        }
        if let last = text.last, !".!?)".contains(last) { text += "." }
        return text
    }
}
