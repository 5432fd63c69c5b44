import Foundation

/// One amount a customer owes: a cuota (or the whole) of an accepted factura, boleta or debit note, split
/// into its parts (`ReceivablePart`). `settled` is what payments, credit notes, detracción deposits and
/// retention receipts applied to it so far; `balance` what is still open.
public struct Receivable: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// The e_document row and its "F001-123".
    public var documentId: Int64
    public var documentID: String
    public var documentKind: DocumentKind
    public var customerId: Int64?
    public var customerName: String
    public var customerDocNumber: String
    /// The business unit the sale belongs to (from the quote or the subscription), nil when unknown.
    public var unit: BusinessUnit?
    public var part: ReceivablePart
    /// The cuota number (1…), 0 for a document paid at once.
    public var installment: Int
    public var amount: Money
    public var settled: Money
    public var issueDate: LocalDate
    public var dueDate: LocalDate
    /// Issued by the worker (recurring billing, milestones) without anyone looking: finanzas checks it.
    public var unattended: Bool
    /// The document was rejected by SUNAT or voided: nothing is owed and what it had received went back
    /// to the customer as credit.
    public var cancelled: Bool = false
    /// Soles per dollar of the document (its own rate, else the issue day's venta rate) for a USD
    /// receivable; the base of the exchange difference of its payments.
    public var exchangeRate: Decimal? = nil

    public init(id: Int64, documentId: Int64, documentID: String, documentKind: DocumentKind, customerId: Int64?,
                customerName: String, customerDocNumber: String, unit: BusinessUnit?, part: ReceivablePart,
                installment: Int, amount: Money, settled: Money, issueDate: LocalDate, dueDate: LocalDate,
                unattended: Bool = false) {
        self.id = id; self.documentId = documentId; self.documentID = documentID; self.documentKind = documentKind
        self.customerId = customerId; self.customerName = customerName; self.customerDocNumber = customerDocNumber
        self.unit = unit; self.part = part; self.installment = installment; self.amount = amount
        self.settled = settled; self.issueDate = issueDate; self.dueDate = dueDate; self.unattended = unattended
    }

    public var currency: Currency { amount.currency }
    public var balance: Money { cancelled ? .zero(amount.currency) : amount - settled }
    public var isSettled: Bool { !(settled < amount) }
    /// Still owed: not settled and not cancelled.
    public var isOpen: Bool { !cancelled && settled < amount }

    /// Days past the due date on `today` (negative before it).
    public func daysOverdue(on today: LocalDate) -> Int { dueDate.days(until: today) }
}
