import Foundation

/// One receivable a document gives rise to, before it is stored.
public struct PlannedReceivable: Sendable, Hashable {
    public var part: ReceivablePart
    /// The cuota number (1…), 0 for a document due at once and for the detracción and retención parts.
    public var installment: Int
    public var amount: Money
    public var dueDate: LocalDate

    public init(part: ReceivablePart, installment: Int, amount: Money, dueDate: LocalDate) {
        self.part = part; self.installment = installment; self.amount = amount; self.dueDate = dueDate
    }
}

/// How an issued factura, boleta or debit note splits into what the customer owes.
///
/// - Credit (cuotas): one `neto` receivable per cuota, due on the cuota's date. Contado: one, due on the
///   issue date plus the customer's credit days (0 days: due at issue).
/// - Detracción: a `detraccion` part in SOLES (`EDocumentAmounts.detraccionPEN`), due with the first neto
///   receivable and settled only by deposits; the neto is the total minus the detracción in the document's
///   currency (what the cuotas already add up to).
/// - Retención: for a customer who is a retention agent, a factura over S/ 700 (its total in soles) without
///   detracción carries a `retencion` part of 3 % of the total (document currency), due with the last neto
///   receivable and settled by a comprobante de retención. Each cuota gives up its own 3 % (rounded), the
///   last one takes the céntimos of rounding, so the neto parts plus the retención are the total.
/// - Credit notes make no receivable (they settle the original's; see `ReceivableLedger`).
public enum ReceivableSplit {
    /// 3 %.
    public static let retentionRate = Decimal(3) / Decimal(100)
    /// A retention agent withholds on facturas whose total exceeds S/ 700.
    public static let retentionThresholdPEN = Decimal(700)

    public static func plan(document: EDocument, amounts: EDocumentAmounts, creditDays: Int,
                            retentionAgent: Bool) -> [PlannedReceivable] {
        guard document.kind != .notaCredito, amounts.total.amount > 0 else { return [] }
        let currency = amounts.total.currency
        let issue = document.issueDate
        let detraccionDoc = document.detraccion == nil ? nil : amounts.detraccionInDocumentCurrency
        let net = amounts.total - (detraccionDoc ?? .zero(currency))
        var retention = Money.zero(currency)
        if retentionAgent, document.kind == .factura, document.detraccion == nil,
           let pen = amounts.totalPEN, pen > retentionThresholdPEN {
            retention = (amounts.total * retentionRate).rounded()
        }
        var cuotas: [(amount: Money, due: LocalDate)] = []
        if case .credito(let list) = document.paymentForm, !list.isEmpty {
            cuotas = list.map { (Money($0.amount, currency), $0.dueDate) }
        } else {
            cuotas = [(net, issue.adding(days: max(0, creditDays)))]
        }
        var planned: [PlannedReceivable] = []
        var retentionLeft = retention
        for (i, c) in cuotas.enumerated() {
            let share = i == cuotas.count - 1 ? retentionLeft : min((c.amount * retentionRate).rounded(), retentionLeft)
            retentionLeft -= share
            let amount = c.amount - share
            guard amount.amount > 0 else { continue }
            planned.append(PlannedReceivable(part: .neto, installment: cuotas.count == 1 && !isCredit(document) ? 0 : i + 1,
                                             amount: amount, dueDate: c.due))
        }
        let firstDue = cuotas.first?.due ?? issue
        let lastDue = cuotas.last?.due ?? issue
        if let pen = amounts.detraccionPEN, document.detraccion != nil, pen.amount > 0 {
            planned.append(PlannedReceivable(part: .detraccion, installment: 0, amount: pen, dueDate: firstDue))
        }
        if retention.amount > 0 {
            planned.append(PlannedReceivable(part: .retencion, installment: 0, amount: retention, dueDate: lastDue))
        }
        return planned
    }

    private static func isCredit(_ document: EDocument) -> Bool {
        if case .credito(let list) = document.paymentForm { return !list.isEmpty }
        return false
    }
}
