/// One issued document of the period as the register reads it: the document exactly as issued (its stored
/// JSON), whether SUNAT has it voided, and for a note the issue date of the document it modifies.
public struct SalesRegisterDocument: Sendable, Hashable {
    public var document: EDocument
    public var voided: Bool
    /// The modified document's issue date (notes only; nil when it is not in our books).
    public var referenceDate: LocalDate?
    /// Where the document stands with SUNAT ("aceptado", "anulado", "pendiente" …), for the CSV and the screen.
    public var status: String

    public init(document: EDocument, voided: Bool = false, referenceDate: LocalDate? = nil, status: String = "aceptado") {
        self.document = document; self.voided = voided; self.referenceDate = referenceDate; self.status = status
    }
}

extension RVIELine {
    /// The register line of one of our documents, for `period`.
    ///
    /// Amounts are in the document's currency with its rate (a USD factura states dollars and "3.750"); an export
    /// (operation 0200) states its value in field 14 and nothing as inafecto; a credit note states every amount
    /// negative; a voided document keeps its identity and states zero amounts. The due date (field 6) is left
    /// empty: SUNAT asks for it only for public-service receipts (type 14), which BYTEK does not issue.
    public init(_ source: SalesRegisterDocument, ruc: String, legalName: String, period: YearMonth) throws(EDocumentError) {
        let doc = source.document
        let t = try doc.amounts().taxes
        var a = RVIEAmounts.zero(doc.currency)
        if doc.operationType == .exportacion {
            a.export = t.inafectas
        } else {
            a.inafecto = t.inafectas
        }
        a.taxable = t.gravadas
        a.exonerado = t.exoneradas
        a.igv = t.igv
        a.total = t.total
        if doc.kind == .notaCredito { a = a.negated }
        if source.voided { a = .zero(doc.currency) }
        let modified = doc.note.map {
            RVIEModifiedDocument(issueDate: source.referenceDate, type: $0.reference.kind.code,
                                 series: $0.reference.series.code, number: String($0.reference.number))
        }
        self.init(ruc: ruc, legalName: legalName, period: period,
                  car: RVIELine.car(ruc: ruc, type: doc.kind.code, series: doc.series.code, number: doc.number),
                  issueDate: doc.issueDate, type: doc.kind.code, series: doc.series.code, number: doc.number,
                  customerDocType: doc.customer.documentType.code, customerDocNumber: doc.customer.number,
                  customerName: doc.customer.name, amounts: a, currency: doc.currency,
                  exchangeRate: doc.currency == .pen ? nil : doc.exchangeRate, modified: modified, voided: source.voided)
    }
}
