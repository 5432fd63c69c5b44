import BytekModel
import Foundation

/// Writes SUNAT's XML for electronic documents, unsigned, as UTF-8 bytes.
///
/// Facturas and boletas are UBL 2.1 `Invoice`, notes `CreditNote`/`DebitNote` (CustomizationID 2.0);
/// the resumen diario and the comunicación de baja are UBL 2.0 `SummaryDocuments`/`VoidedDocuments`
/// with SUNAT's `sac:` extensions (CustomizationID 1.1). Every document starts with one empty
/// `ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent` where the signer puts the signature,
/// whose `Id` must be `signatureID` (`cac:Signature` points at `#SignatureSP`).
///
/// The writer validates first (`EDocument.validate()`), so a document that breaks a rule never
/// becomes XML. Elements follow the order of the XSD; every text is XML-escaped.
public enum UBLWriter {
    /// The `Id` of the `ds:Signature` the signer inserts; `cac:Signature` refers to `#SignatureSP`.
    public static let signatureID = "SignatureSP"

    /// A factura (01) or boleta (03).
    public static func invoice(_ document: EDocument) throws(EDocumentError) -> Data {
        precondition(document.kind == .factura || document.kind == .boleta, "UBLWriter.invoice: \(document.kind)")
        return try write(document, flavor: .invoice)
    }

    /// A nota de crédito (07).
    public static func creditNote(_ document: EDocument) throws(EDocumentError) -> Data {
        precondition(document.kind == .notaCredito, "UBLWriter.creditNote: \(document.kind)")
        return try write(document, flavor: .creditNote)
    }

    /// A nota de débito (08).
    public static func debitNote(_ document: EDocument) throws(EDocumentError) -> Data {
        precondition(document.kind == .notaDebito, "UBLWriter.debitNote: \(document.kind)")
        return try write(document, flavor: .debitNote)
    }

    /// Whichever of `invoice`, `creditNote` or `debitNote` suits the document's kind.
    public static func document(_ document: EDocument) throws(EDocumentError) -> Data {
        switch document.kind {
        case .factura, .boleta: return try invoice(document)
        case .notaCredito: return try creditNote(document)
        case .notaDebito: return try debitNote(document)
        }
    }

    /// "RUC-TT-SERIE-NUMERO" (without extension) for the XML and its ZIP.
    public static func fileName(for document: EDocument) -> String { document.fileName }

    // MARK: - Shared vocabulary

    enum NS {
        static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
        static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
        static let ext = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
        static let ds = "http://www.w3.org/2000/09/xmldsig#"
        static let sac = "urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1"
    }

    static func catalog(_ n: String) -> String { "urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo" + n }
    static let sunat = "PE:SUNAT"
    static let unece = "United Nations Economic Commission for Europe"

    enum Flavor {
        case invoice, creditNote, debitNote

        var root: String {
            switch self {
            case .invoice: return "Invoice"
            case .creditNote: return "CreditNote"
            case .debitNote: return "DebitNote"
            }
        }
        var line: String {
            switch self {
            case .invoice: return "cac:InvoiceLine"
            case .creditNote: return "cac:CreditNoteLine"
            case .debitNote: return "cac:DebitNoteLine"
            }
        }
        var quantity: String {
            switch self {
            case .invoice: return "cbc:InvoicedQuantity"
            case .creditNote: return "cbc:CreditedQuantity"
            case .debitNote: return "cbc:DebitedQuantity"
            }
        }
        var monetaryTotal: String { self == .debitNote ? "cac:RequestedMonetaryTotal" : "cac:LegalMonetaryTotal" }
    }

    /// The tax scheme (catálogo 05) and UN/ECE 5305 category of a line or subtotal.
    struct Scheme {
        let id: String, name: String, typeCode: String, category: String

        static let igv = Scheme(id: "1000", name: "IGV", typeCode: "VAT", category: "S")
        static let exonerado = Scheme(id: "9997", name: "EXO", typeCode: "VAT", category: "E")
        static let inafecto = Scheme(id: "9998", name: "INA", typeCode: "FRE", category: "O")
        static let gratuito = Scheme(id: "9996", name: "GRA", typeCode: "FRE", category: "Z")
        static let exportacion = Scheme(id: "9995", name: "EXP", typeCode: "FRE", category: "G")

        static func of(_ a: LineAffectation) -> Scheme {
            switch a {
            case .onerous(.gravado): return .igv
            case .onerous(.exonerado): return .exonerado
            case .onerous(.inafecto): return .inafecto
            case .free: return .gratuito
            case .export: return .exportacion
            }
        }
    }

    // MARK: - Invoice, credit note, debit note

    static func write(_ d: EDocument, flavor: Flavor) throws(EDocumentError) -> Data {
        var a = try d.validate()
        if flavor != .invoice {
            // SUNAT's rules for notes add no global discount (code 02) to their bases (3277/3280): a note states
            // each line after its share, and no document-level AllowanceCharge.
            a.lines = a.netLines
            a.globalDiscountShares = []
        }
        let cur = [("currencyID", d.currency.rawValue)]
        var x = XMLBuilder(capacity: 4096 + d.lines.count * 2600)
        x.open(flavor.root, [("xmlns", "urn:oasis:names:specification:ubl:schema:xsd:\(flavor.root)-2"),
                             ("xmlns:cac", NS.cac), ("xmlns:cbc", NS.cbc), ("xmlns:ds", NS.ds), ("xmlns:ext", NS.ext)])
        signaturePlaceholder(&x)
        x.leaf("cbc:UBLVersionID", "2.1")
        x.leaf("cbc:CustomizationID", "2.0", [("schemeAgencyName", sunat)])
        if flavor == .invoice {
            x.leaf("cbc:ProfileID", d.operationType.code,
                   [("schemeName", "Tipo de Operacion"), ("schemeAgencyName", sunat), ("schemeURI", catalog("51"))])
        }
        x.leaf("cbc:ID", d.id)
        x.leaf("cbc:IssueDate", d.issueDate.description)
        x.leaf("cbc:IssueTime", d.issueTime)
        if flavor == .invoice {
            x.leaf("cbc:InvoiceTypeCode", d.kind.code,
                   [("listAgencyName", sunat), ("listName", "Tipo de Documento"), ("listURI", catalog("01")),
                    ("listID", d.operationType.code), ("name", "Tipo de Operacion"), ("listSchemeURI", catalog("51"))])
        }
        x.leaf("cbc:Note", a.words, [("languageLocaleID", "1000")])
        if !a.gratuitas.isZero {
            x.leaf("cbc:Note", "TRANSFERENCIA GRATUITA DE UN BIEN Y/O SERVICIO PRESTADO GRATUITAMENTE",
                   [("languageLocaleID", "1002")])
        }
        if d.detraccion != nil { x.leaf("cbc:Note", Detraccion.legend, [("languageLocaleID", "2006")]) }
        x.leaf("cbc:DocumentCurrencyCode", d.currency.rawValue,
               [("listID", "ISO 4217 Alpha"), ("listName", "Currency"), ("listAgencyName", unece)])
        if let n = d.note {
            x.element("cac:DiscrepancyResponse") { x in
                x.leaf("cbc:ReferenceID", n.reference.id)
                x.leaf("cbc:ResponseCode", n.reason.code,
                       [("listAgencyName", sunat),
                        ("listName", flavor == .creditNote ? "Tipo de nota de credito" : "Tipo de nota de debito"),
                        ("listURI", catalog(flavor == .creditNote ? "09" : "10"))])
                x.leaf("cbc:Description", n.description)
            }
        }
        if let order = d.orderReference, !order.isEmpty {
            x.element("cac:OrderReference") { $0.leaf("cbc:ID", order) }
        }
        if let n = d.note {
            x.element("cac:BillingReference") { x in
                x.element("cac:InvoiceDocumentReference") { x in
                    x.leaf("cbc:ID", n.reference.id)
                    x.leaf("cbc:DocumentTypeCode", n.reference.kind.code,
                           [("listAgencyName", sunat), ("listName", "Tipo de Documento"), ("listURI", catalog("01"))])
                }
            }
        }
        signatureReference(&x, issuer: d.issuer)
        supplier(&x, d.issuer)
        customer(&x, d.customer)
        if flavor == .debitNote { globalDiscount(&x, a, cur) }
        if flavor == .invoice { detraccion(&x, d, a) }
        if flavor == .invoice || (d.note?.reason == .credit(.ajusteMontosFechas)) { paymentTerms(&x, d, a, cur) }
        if flavor != .debitNote { globalDiscount(&x, a, cur) }
        taxTotal(&x, d, a, cur)
        let g = GlobalDiscountXML(a)
        x.element(flavor.monetaryTotal) { x in
            x.leaf("cbc:LineExtensionAmount", UBLFormat.amount(a.lineExtension + g.otherBases), cur)
            x.leaf("cbc:TaxInclusiveAmount", UBLFormat.amount(a.total + g.otherBases), cur)
            if !g.otherBases.isZero { x.leaf("cbc:AllowanceTotalAmount", UBLFormat.amount(g.otherBases), cur) }
            x.leaf("cbc:PayableAmount", UBLFormat.amount(a.total), cur)
        }
        for (i, line) in d.lines.enumerated() {
            documentLine(&x, flavor, i + 1, line, a.lines[i], cur)
        }
        x.close(flavor.root)
        return x.data
    }

    static func signaturePlaceholder(_ x: inout XMLBuilder) {
        x.element("ext:UBLExtensions") { x in
            x.element("ext:UBLExtension") { $0.empty("ext:ExtensionContent") }
        }
    }

    static func signatureReference(_ x: inout XMLBuilder, issuer: Issuer) {
        x.element("cac:Signature") { x in
            x.leaf("cbc:ID", "IDSign" + issuer.ruc)
            x.element("cac:SignatoryParty") { x in
                x.element("cac:PartyIdentification") { $0.leaf("cbc:ID", issuer.ruc) }
                x.element("cac:PartyName") { $0.leaf("cbc:Name", issuer.legalName) }
            }
            x.element("cac:DigitalSignatureAttachment") { x in
                x.element("cac:ExternalReference") { $0.leaf("cbc:URI", "#" + signatureID) }
            }
        }
    }

    static func identity(_ type: String) -> [(String, String)] {
        [("schemeID", type), ("schemeName", "Documento de Identidad"), ("schemeAgencyName", sunat),
         ("schemeURI", catalog("06"))]
    }

    static func supplier(_ x: inout XMLBuilder, _ issuer: Issuer) {
        x.element("cac:AccountingSupplierParty") { x in
            x.element("cac:Party") { x in
                x.element("cac:PartyIdentification") { $0.leaf("cbc:ID", issuer.ruc, identity("6")) }
                if let trade = issuer.tradeName, !trade.isEmpty {
                    x.element("cac:PartyName") { $0.leaf("cbc:Name", trade) }
                }
                x.element("cac:PartyLegalEntity") { x in
                    x.leaf("cbc:RegistrationName", issuer.legalName)
                    x.element("cac:RegistrationAddress") { x in
                        let ad = issuer.address
                        x.leaf("cbc:ID", ad.ubigeo, [("schemeName", "Ubigeos"), ("schemeAgencyName", "PE:INEI")])
                        x.leaf("cbc:AddressTypeCode", issuer.establishmentCode,
                               [("listAgencyName", sunat), ("listName", "Establecimientos anexos")])
                        x.leaf("cbc:CityName", ad.province)
                        x.leaf("cbc:CountrySubentity", ad.department)
                        x.leaf("cbc:District", ad.district)
                        x.element("cac:AddressLine") { $0.leaf("cbc:Line", ad.line) }
                        x.element("cac:Country") { x in
                            x.leaf("cbc:IdentificationCode", ad.countryCode,
                                   [("listID", "ISO 3166-1"), ("listAgencyName", unece), ("listName", "Country")])
                        }
                    }
                }
            }
        }
    }

    static func customer(_ x: inout XMLBuilder, _ c: DocumentCustomer) {
        x.element("cac:AccountingCustomerParty") { x in
            x.element("cac:Party") { x in
                x.element("cac:PartyIdentification") { $0.leaf("cbc:ID", c.number, identity(c.documentType.code)) }
                x.element("cac:PartyLegalEntity") { x in
                    x.leaf("cbc:RegistrationName", c.name)
                    if let address = c.address, !address.isEmpty {
                        x.element("cac:RegistrationAddress") { x in
                            x.element("cac:AddressLine") { $0.leaf("cbc:Line", address) }
                        }
                    }
                }
            }
        }
    }

    static func detraccion(_ x: inout XMLBuilder, _ d: EDocument, _ a: EDocumentAmounts) {
        guard let det = d.detraccion, let amount = a.detraccionPEN else { return }
        x.element("cac:PaymentMeans") { x in
            x.leaf("cbc:ID", "Detraccion")
            x.leaf("cbc:PaymentMeansCode", det.paymentMeansCode,
                   [("listName", "Medio de pago"), ("listAgencyName", sunat), ("listURI", catalog("59"))])
            x.element("cac:PayeeFinancialAccount") { $0.leaf("cbc:ID", det.account) }
        }
        x.element("cac:PaymentTerms") { x in
            x.leaf("cbc:ID", "Detraccion")
            x.leaf("cbc:PaymentMeansID", det.code,
                   [("schemeName", "Codigo de detraccion"), ("schemeAgencyName", sunat), ("schemeURI", catalog("54"))])
            x.leaf("cbc:PaymentPercent", UBLFormat.percent(det.ratePercent))
            x.leaf("cbc:Amount", UBLFormat.amount(amount), [("currencyID", "PEN")])
        }
    }

    static func paymentTerms(_ x: inout XMLBuilder, _ d: EDocument, _ a: EDocumentAmounts, _ cur: [(String, String)]) {
        switch d.paymentForm {
        case .contado:
            x.element("cac:PaymentTerms") { x in
                x.leaf("cbc:ID", "FormaPago")
                x.leaf("cbc:PaymentMeansID", "Contado")
            }
        case .credito(let cuotas):
            // A credit note 13 (total 0) restates what remains due on the factura: the sum of its cuotas.
            let pending = d.kind == .notaCredito ? Money(cuotas.reduce(Decimal(0)) { $0 + $1.amount }, d.currency) : a.pending
            x.element("cac:PaymentTerms") { x in
                x.leaf("cbc:ID", "FormaPago")
                x.leaf("cbc:PaymentMeansID", "Credito")
                x.leaf("cbc:Amount", UBLFormat.amount(pending), cur)
            }
            for (i, c) in cuotas.enumerated() {
                x.element("cac:PaymentTerms") { x in
                    x.leaf("cbc:ID", "FormaPago")
                    x.leaf("cbc:PaymentMeansID", "Cuota" + threeDigits(i + 1))
                    x.leaf("cbc:Amount", UBLFormat.amount(Money(c.amount, d.currency)), cur)
                    x.leaf("cbc:PaymentDueDate", c.dueDate.description)
                }
            }
        }
    }

    static func threeDigits(_ n: Int) -> String {
        n < 10 ? "00\(n)" : (n < 100 ? "0\(n)" : "\(n)")
    }

    static func globalDiscount(_ x: inout XMLBuilder, _ a: EDocumentAmounts, _ cur: [(String, String)]) {
        let g = GlobalDiscountXML(a)
        for (code, amount, base) in [("02", g.gravado, g.gravadoBase), ("03", g.otherBases, g.otherBasesBefore)]
        where !amount.isZero && !base.isZero {
            x.element("cac:AllowanceCharge") { x in
                x.leaf("cbc:ChargeIndicator", "false")
                x.leaf("cbc:AllowanceChargeReasonCode", code,
                       [("listAgencyName", sunat), ("listName", "Cargo/descuento"), ("listURI", catalog("53"))])
                x.leaf("cbc:MultiplierFactorNumeric", UBLFormat.factor(amount.amount / base.amount))
                x.leaf("cbc:Amount", UBLFormat.amount(amount), cur)
                x.leaf("cbc:BaseAmount", UBLFormat.amount(base), cur)
            }
        }
    }

    static func taxCategory(_ x: inout XMLBuilder, _ s: Scheme, percent: Decimal?, affectation: String?) {
        x.element("cac:TaxCategory") { x in
            x.leaf("cbc:ID", s.category,
                   [("schemeID", "UN/ECE 5305"), ("schemeName", "Tax Category Identifier"), ("schemeAgencyName", unece)])
            if let p = percent { x.leaf("cbc:Percent", UBLFormat.percent(p)) }
            if let code = affectation {
                x.leaf("cbc:TaxExemptionReasonCode", code,
                       [("listAgencyName", sunat), ("listName", "Afectacion del IGV"), ("listURI", catalog("07"))])
            }
            x.element("cac:TaxScheme") { x in
                // Catálogo 05 (SUNAT's rules observe 4255/4256/4257 on any other name, agency or URI).
                x.leaf("cbc:ID", s.id, [("schemeName", "Codigo de tributos"), ("schemeAgencyName", sunat),
                                        ("schemeURI", catalog("05"))])
                x.leaf("cbc:Name", s.name)
                x.leaf("cbc:TaxTypeCode", s.typeCode)
            }
        }
    }

    static func taxTotal(_ x: inout XMLBuilder, _ d: EDocument, _ a: EDocumentAmounts, _ cur: [(String, String)]) {
        var present = Set<String>()
        for l in d.lines { present.insert(Scheme.of(l.affectation).id) }
        x.element("cac:TaxTotal") { x in
            x.leaf("cbc:TaxAmount", UBLFormat.amount(a.taxes.igv), cur)
            // The bases without IGV are the sums of their lines (before a global discount, which comes off
            // them as code 03: see GlobalDiscountXML), as SUNAT's rules 3273/3274/3275 add them up.
            let zero = Money.zero(d.currency)
            func lines(_ s: Scheme) -> Money {
                a.lines.reduce(zero) { Scheme.of($1.affectation).id == s.id ? $0 + $1.lineValue : $0 }
            }
            let subtotals: [(Scheme, Money, Money)] = [
                (.igv, a.taxes.gravadas, a.taxes.igv), (.exportacion, lines(.exportacion), zero),
                (.exonerado, lines(.exonerado), zero), (.inafecto, lines(.inafecto), zero), (.gratuito, a.gratuitas, a.gratuitasIGV),
            ]
            for (scheme, taxable, tax) in subtotals where present.contains(scheme.id) {
                x.element("cac:TaxSubtotal") { x in
                    x.leaf("cbc:TaxableAmount", UBLFormat.amount(taxable), cur)
                    x.leaf("cbc:TaxAmount", UBLFormat.amount(tax), cur)
                    taxCategory(&x, scheme, percent: nil, affectation: nil)
                }
            }
        }
    }

    static func documentLine(_ x: inout XMLBuilder, _ flavor: Flavor, _ index: Int, _ line: EDocumentLine,
                             _ la: EDocumentLineAmounts, _ cur: [(String, String)]) {
        x.element(flavor.line) { x in
            x.leaf("cbc:ID", String(index))
            x.leaf(flavor.quantity, UBLFormat.quantity(line.quantity),
                   [("unitCode", line.unit.code), ("unitCodeListID", "UN/ECE rec 20"), ("unitCodeListAgencyName", unece)])
            x.leaf("cbc:LineExtensionAmount", UBLFormat.amount(la.lineValue), cur)
            x.element("cac:PricingReference") { x in
                x.element("cac:AlternativeConditionPrice") { x in
                    x.leaf("cbc:PriceAmount", UBLFormat.unitValue(la.referencePrice), cur)
                    x.leaf("cbc:PriceTypeCode", la.affectation.isFree ? "02" : "01",
                           [("listName", "Tipo de Precio"), ("listAgencyName", sunat), ("listURI", catalog("16"))])
                }
            }
            // InvoiceLine states the line discount (code 00) before TaxTotal. SUNAT's rules for notes
            // check LineExtensionAmount = Price × quantity with no discount (3271/4288), so a note's line
            // states its value after the discount as the unit value instead.
            if flavor == .invoice { lineDiscount(&x, la, cur) }
            x.element("cac:TaxTotal") { x in
                x.leaf("cbc:TaxAmount", UBLFormat.amount(la.igv), cur)
                x.element("cac:TaxSubtotal") { x in
                    x.leaf("cbc:TaxableAmount", UBLFormat.amount(la.lineValue), cur)
                    x.leaf("cbc:TaxAmount", UBLFormat.amount(la.igv), cur)
                    taxCategory(&x, Scheme.of(la.affectation), percent: la.percent, affectation: la.affectation.code)
                }
            }
            x.element("cac:Item") { x in
                x.leaf("cbc:Description", line.description)
                if let code = line.itemCode, !code.isEmpty {
                    x.element("cac:SellersItemIdentification") { $0.leaf("cbc:ID", code) }
                }
            }
            let unitValue = flavor == .invoice || la.lineValue == la.grossValue ? la.unitValue : netUnitValue(la)
            x.element("cac:Price") { $0.leaf("cbc:PriceAmount", UBLFormat.unitValue(unitValue), cur) }
        }
    }

    /// The line value after its discount ÷ quantity (UBLFormat rounds it to 10 decimals).
    static func netUnitValue(_ la: EDocumentLineAmounts) -> Money {
        la.quantity > 0 ? Money(la.lineValue.amount / la.quantity, la.lineValue.currency) : la.unitValue
    }

    static func lineDiscount(_ x: inout XMLBuilder, _ la: EDocumentLineAmounts, _ cur: [(String, String)]) {
        guard !la.lineDiscount.isZero, !la.grossValue.isZero else { return }
        x.element("cac:AllowanceCharge") { x in
            x.leaf("cbc:ChargeIndicator", "false")
            x.leaf("cbc:AllowanceChargeReasonCode", "00",
                   [("listAgencyName", sunat), ("listName", "Cargo/descuento"), ("listURI", catalog("53"))])
            x.leaf("cbc:MultiplierFactorNumeric", UBLFormat.factor(la.lineDiscount.amount / la.grossValue.amount))
            x.leaf("cbc:Amount", UBLFormat.amount(la.lineDiscount), cur)
            x.leaf("cbc:BaseAmount", UBLFormat.amount(la.grossValue), cur)
        }
    }
}
