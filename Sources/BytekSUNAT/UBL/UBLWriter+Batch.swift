import BytekModel
import Foundation

extension UBLWriter {
    /// The resumen diario (RC) as UBL 2.0 `SummaryDocuments`, CustomizationID 1.1.
    public static func summary(_ s: SummaryDocument) throws(BatchDocumentError) -> Data {
        try s.validate()
        var x = XMLBuilder(capacity: 2048 + s.lines.count * 1500)
        x.open("SummaryDocuments", [("xmlns", "urn:sunat:names:specification:ubl:peru:schema:xsd:SummaryDocuments-1"),
                                    ("xmlns:cac", NS.cac), ("xmlns:cbc", NS.cbc), ("xmlns:ds", NS.ds),
                                    ("xmlns:ext", NS.ext), ("xmlns:sac", NS.sac)])
        batchHeader(&x, id: s.id, customization: "1.1", referenceDate: s.referenceDate, issueDate: s.issueDate,
                    issuer: s.issuer)
        for (i, l) in s.lines.enumerated() {
            let cur = [("currencyID", l.currency.rawValue)]
            x.element("sac:SummaryDocumentsLine") { x in
                x.leaf("cbc:LineID", String(i + 1))
                x.leaf("cbc:DocumentTypeCode", l.kind.code)
                x.leaf("cbc:ID", l.id)
                x.element("cac:AccountingCustomerParty") { x in
                    x.leaf("cbc:CustomerAssignedAccountID", l.customerNumber)
                    x.leaf("cbc:AdditionalAccountID", l.customerDocumentType.code)
                }
                if let r = l.reference {
                    x.element("cac:BillingReference") { x in
                        x.element("cac:InvoiceDocumentReference") { x in
                            x.leaf("cbc:ID", r.id)
                            x.leaf("cbc:DocumentTypeCode", r.kind.code)
                        }
                    }
                }
                x.element("cac:Status") { $0.leaf("cbc:ConditionCode", l.status.code) }
                x.leaf("sac:TotalAmount", UBLFormat.amount(l.total), cur)
                // Catálogo 11 instruction codes: 01 gravado, 02 exonerado, 03 inafecto, 05 gratuitas.
                var payments: [(String, Money)] = [("01", l.gravadas), ("02", l.exoneradas), ("03", l.inafectas),
                                                   ("05", l.gratuitas)].filter { !$0.1.isZero }
                if payments.isEmpty { payments = [("01", l.gravadas)] }
                for (code, amount) in payments {
                    x.element("sac:BillingPayment") { x in
                        x.leaf("cbc:PaidAmount", UBLFormat.amount(amount), cur)
                        x.leaf("cbc:InstructionID", code)
                    }
                }
                x.element("cac:TaxTotal") { x in
                    x.leaf("cbc:TaxAmount", UBLFormat.amount(l.igv), cur)
                    x.element("cac:TaxSubtotal") { x in
                        x.leaf("cbc:TaxAmount", UBLFormat.amount(l.igv), cur)
                        x.element("cac:TaxCategory") { x in
                            x.element("cac:TaxScheme") { x in
                                x.leaf("cbc:ID", "1000")
                                x.leaf("cbc:Name", "IGV")
                                x.leaf("cbc:TaxTypeCode", "VAT")
                            }
                        }
                    }
                }
            }
        }
        x.close("SummaryDocuments")
        return x.data
    }

    /// The comunicación de baja (RA) as UBL 2.0 `VoidedDocuments`, CustomizationID 1.0 (SUNAT's rules
    /// reject any other with 2072; the resumen diario keeps 1.1).
    public static func voided(_ v: VoidedDocuments) throws(BatchDocumentError) -> Data {
        try v.validate()
        var x = XMLBuilder(capacity: 2048 + v.lines.count * 400)
        x.open("VoidedDocuments", [("xmlns", "urn:sunat:names:specification:ubl:peru:schema:xsd:VoidedDocuments-1"),
                                   ("xmlns:cac", NS.cac), ("xmlns:cbc", NS.cbc), ("xmlns:ds", NS.ds),
                                   ("xmlns:ext", NS.ext), ("xmlns:sac", NS.sac)])
        batchHeader(&x, id: v.id, customization: "1.0", referenceDate: v.referenceDate, issueDate: v.issueDate,
                    issuer: v.issuer)
        for (i, l) in v.lines.enumerated() {
            x.element("sac:VoidedDocumentsLine") { x in
                x.leaf("cbc:LineID", String(i + 1))
                x.leaf("cbc:DocumentTypeCode", l.kind.code)
                x.leaf("sac:DocumentSerialID", l.series.code)
                x.leaf("sac:DocumentNumberID", String(l.number))
                x.leaf("sac:VoidReasonDescription", l.reason)
            }
        }
        x.close("VoidedDocuments")
        return x.data
    }

    /// "RUC-RC-YYYYMMDD-N" / "RUC-RA-YYYYMMDD-N".
    public static func fileName(for s: SummaryDocument) -> String { s.fileName }
    public static func fileName(for v: VoidedDocuments) -> String { v.fileName }

    static func batchHeader(_ x: inout XMLBuilder, id: String, customization: String, referenceDate: LocalDate,
                            issueDate: LocalDate, issuer: Issuer) {
        signaturePlaceholder(&x)
        x.leaf("cbc:UBLVersionID", "2.0")
        x.leaf("cbc:CustomizationID", customization)
        x.leaf("cbc:ID", id)
        x.leaf("cbc:ReferenceDate", referenceDate.description)
        x.leaf("cbc:IssueDate", issueDate.description)
        signatureReference(&x, issuer: issuer)
        x.element("cac:AccountingSupplierParty") { x in
            x.leaf("cbc:CustomerAssignedAccountID", issuer.ruc)
            x.leaf("cbc:AdditionalAccountID", "6")
            x.element("cac:Party") { x in
                x.element("cac:PartyLegalEntity") { $0.leaf("cbc:RegistrationName", issuer.legalName) }
            }
        }
    }
}
