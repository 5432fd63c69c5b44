import Foundation

/// An electronic document (factura, boleta, nota de crédito or débito) as it will be sent to SUNAT.
///
/// A value: it holds what the user chose; the figures come from `amounts()` (through `TaxEngine`)
/// and `validate()` checks every rule SUNAT would reject it for before anything is built or sent.
public struct EDocument: Sendable, Hashable, Codable {
    public var kind: DocumentKind
    public var series: Series
    /// The correlative, 1…99,999,999 (printed without leading zeros).
    public var number: Int
    /// When it was issued; date and time are stated in Lima (`LimaTime`).
    public var issuedAt: Date
    public var issuer: Issuer
    public var customer: DocumentCustomer
    public var currency: Currency
    public var lines: [EDocumentLine]
    /// Taken off the bases before IGV (see `TaxEngine`), stated as AllowanceCharge code 02.
    public var globalDiscount: Discount
    public var operationType: OperationType
    public var paymentForm: PaymentForm
    public var detraccion: Detraccion?
    /// Soles per dollar (3.75), needed for a USD document when a limit in soles is checked
    /// (boleta over S/ 700, detracción).
    public var exchangeRate: Decimal?
    /// The customer's order or BYTEK's quote number (OrderReference); omitted when nil or empty.
    public var orderReference: String?
    /// For notes: the modified document, the reason and its description.
    public var note: NoteDetails?

    /// `operationType` defaults to 1001 when there is a detracción, 0200 when the lines are exports, else 0101.
    public init(kind: DocumentKind, series: Series, number: Int, issuedAt: Date, issuer: Issuer,
                customer: DocumentCustomer, currency: Currency = .pen, lines: [EDocumentLine],
                globalDiscount: Discount = .none, operationType: OperationType? = nil,
                paymentForm: PaymentForm = .contado, detraccion: Detraccion? = nil, exchangeRate: Decimal? = nil,
                orderReference: String? = nil, note: NoteDetails? = nil) {
        self.kind = kind; self.series = series; self.number = number; self.issuedAt = issuedAt
        self.issuer = issuer; self.customer = customer; self.currency = currency; self.lines = lines
        self.globalDiscount = globalDiscount
        self.operationType = operationType ?? (detraccion != nil ? .sujetaADetraccion
            : (!lines.isEmpty && lines.allSatisfy { $0.affectation == .export } ? .exportacion : .ventaInterna))
        self.paymentForm = paymentForm; self.detraccion = detraccion; self.exchangeRate = exchangeRate
        self.orderReference = orderReference; self.note = note
    }

    /// A boleta whose total (in soles) exceeds this must identify the buyer: S/ 700.
    /// A USD boleta is converted with `exchangeRate` (soles per dollar) to compare.
    public static let anonymousBoletaLimitPEN = Decimal(700)

    /// "F001-123": SERIE-NÚMERO without leading zeros (cbc:ID).
    public var id: String { series.code + "-" + String(number) }
    /// "20123456789-01-F001-123": the name of the XML and of its ZIP (without extension).
    public var fileName: String { issuer.ruc + "-" + kind.code + "-" + id }
    /// The issue date in Lima.
    public var issueDate: LocalDate { LimaTime.date(issuedAt) }
    /// The issue time in Lima, "HH:mm:ss".
    public var issueTime: String { LimaTime.time(issuedAt) }

    /// Checks every rule and returns the figures. The first broken rule is thrown.
    @discardableResult
    public func validate() throws(EDocumentError) -> EDocumentAmounts {
        do { _ = try Series(series.code, for: kind) } catch { throw .series(error) }
        guard (1...99_999_999).contains(number) else { throw .numberOutOfRange(number) }
        if let e = DocumentType.ruc.validate(issuer.ruc) { throw .invalidIssuerRUC(e) }
        guard !lines.isEmpty else { throw .noLines }
        do throws(AmountLimitError) { try AmountLimits.checkLineCount(lines.count) } catch { throw .limit(error) }
        if let rate = exchangeRate {
            // Positive with at most 3 decimals; the 2.5–6 band is confirmed where the rate is typed.
            do throws(AmountLimitError) { try AmountLimits.checkExchangeRate(rate, confirmed: true) } catch { throw .limit(error) }
        }
        for (i, l) in lines.enumerated() {
            do throws(AmountLimitError) {
                try AmountLimits.checkQuantity(l.quantity)
                try AmountLimits.checkUnitPrice(l.unitPrice)
            } catch { throw .lineLimit(line: i + 1, error) }
            guard l.quantity * l.unitPrice <= AmountLimits.maxAmount else {
                throw .lineLimit(line: i + 1, .tooLarge(.lineAmount, max: AmountLimits.maxAmount))
            }
            guard l.quantity > 0 else { throw .nonPositiveQuantity(line: i + 1) }
            guard !l.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .emptyDescription(line: i + 1)
            }
            if l.affectation.isFree && !l.discount.isNone { throw .discountOnFreeLine(line: i + 1) }
        }
        try validateExport()
        let a = try amounts()
        if !kind.isNote {
            for (i, l) in a.lines.enumerated() where !l.affectation.isFree && l.lineValue.isZero {
                throw .lineWithoutValue(line: i + 1)
            }
        }
        try validateCustomer(a)
        try validateNote()
        try validateDetraccion(a)
        if isPaymentAdjustment && !a.total.isZero { throw .adjustmentNoteMustBeZero }
        try validatePayment(a)
        return a
    }

    private func validateCustomer(_ a: EDocumentAmounts) throws(EDocumentError) {
        guard !customer.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyCustomerName }
        if operationType == .exportacion && customer.documentType == .nonDomiciled {
            return  // a buyer abroad: SUNAT's catálogo 06 code 0, no RUC
        }
        if series.family == .factura {
            guard customer.documentType == .ruc else { throw .facturaRequiresRUC }
            if let e = DocumentType.ruc.validate(customer.number) { throw .invalidCustomerRUC(e) }
            return
        }
        if let type = customer.documentType.documentType, let e = type.validate(customer.number) {
            throw type == .ruc ? .invalidCustomerRUC(e) : .invalidCustomerDocument(e)
        }
        if customer.documentType.documentType == nil {
            guard let pen = a.totalPEN else { throw .exchangeRateRequired }
            if pen > Self.anonymousBoletaLimitPEN { throw .boletaRequiresCustomerDocument(totalPEN: pen) }
        }
    }

    private func validateNote() throws(EDocumentError) {
        guard kind.isNote else {
            if note != nil { throw .noteDetailsNotAllowed }
            return
        }
        guard let n = note else { throw .noteDetailsMissing }
        guard n.reference.kind == .factura || n.reference.kind == .boleta else { throw .referenceMustBeFacturaOrBoleta }
        let referencedFamily: DocumentFamily = n.reference.kind == .factura ? .factura : .boleta
        guard n.reference.series.family == referencedFamily, series.family == referencedFamily else {
            throw .referenceFamilyMismatch
        }
        switch (kind, n.reason) {
        case (.notaCredito, .credit), (.notaDebito, .debit): break
        default: throw .reasonDoesNotMatchKind
        }
        guard !n.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyNoteDescription }
        if n.reason == .credit(.descuentoGlobal) && n.reference.kind == .boleta {
            throw .noteReasonNotForBoletas(n.reason.code)
        }
        if n.reason == .credit(.ajusteMontosFechas) {
            guard n.reference.kind == .factura else { throw .adjustmentNoteOnlyOnFacturas }
            guard case .credito = paymentForm else { throw .adjustmentNoteNeedsInstallments }
        }
    }

    /// A credit note 13 restates the cuotas of the factura it modifies.
    var isPaymentAdjustment: Bool { note?.reason == .credit(.ajusteMontosFechas) }

    /// An export (operation 0200) is a factura whose lines are all affectation 40, and 40 is only used there
    /// (SUNAT's rules 3107 and the catálogo 51/07 pairing).
    private func validateExport() throws(EDocumentError) {
        let exports = lines.filter { $0.affectation == .export }.count
        guard operationType == .exportacion || exports > 0 else { return }
        guard kind == .factura, operationType == .exportacion, exports == lines.count else { throw .exportMismatch }
    }

    private func validateDetraccion(_ a: EDocumentAmounts) throws(EDocumentError) {
        guard let d = detraccion else {
            if operationType == .sujetaADetraccion { throw .operationTypeMismatch }
            return
        }
        guard kind == .factura else { throw .detraccionOnlyOnFacturas }
        guard operationType == .sujetaADetraccion else { throw .operationTypeMismatch }
        guard d.ratePercent > 0, d.ratePercent <= 100 else { throw .detraccionRateOutOfRange(d.ratePercent) }
        guard d.code.count == 3, d.code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .detraccionInvalidCode(d.code)
        }
        guard !d.account.trimmingCharacters(in: .whitespaces).isEmpty else { throw .detraccionAccountMissing }
        guard lines.contains(where: { $0.itemKind != .product }) else { throw .detraccionRequiresService }
        guard let pen = a.totalPEN else { throw .exchangeRateRequired }
        guard pen > Detraccion.thresholdPEN else { throw .detraccionBelowThreshold(totalPEN: pen) }
    }

    private func validatePayment(_ a: EDocumentAmounts) throws(EDocumentError) {
        guard case .credito(let cuotas) = paymentForm else { return }
        guard !cuotas.isEmpty else { throw .noInstallments }
        var sum = Decimal(0)
        let issue = issueDate
        for (i, c) in cuotas.enumerated() {
            guard c.amount > 0, Money(c.amount, currency).rounded().amount == c.amount else {
                throw .invalidInstallmentAmount(index: i + 1)
            }
            guard c.dueDate > issue else { throw .installmentDueNotAfterIssue(index: i + 1) }
            sum += c.amount
        }
        // A credit note 13 has no amount of its own: its cuotas are what remains due on the factura.
        guard sum == a.pending.amount || isPaymentAdjustment else {
            throw .installmentsDoNotMatchPending(expected: a.pending.amount, found: sum)
        }
    }
}
