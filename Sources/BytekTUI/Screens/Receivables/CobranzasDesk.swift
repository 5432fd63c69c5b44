import BytekModel
import BytekStore
import Foundation

/// What Cobranzas narrows the open receivables to: unit, customer, age bucket, currency and the `/` text.
struct ReceivablesFilter: Sendable, Hashable {
    var unit: BusinessUnit?
    var customerId: Int64?
    var customerName: String?
    var bucket: AgingBucket?
    var currency: Currency?
    var search = ""
}

/// A detracción deposit or a retention receipt as typed: the constancia (or comprobante de retención)
/// number, its date and amount, on one receivable part.
struct SettlementInput: Sendable, Hashable {
    var receivableId: Int64
    /// "F001-12": the document whose part it settles.
    var documentID: String
    var number: String
    var date: LocalDate
    var amount: Money
}

/// What the Cobranzas screens read and do, each call one operation of `services.receivables` (the
/// operation authorizes, validates and writes with its audit entry); `ServicesCobranzasDesk` is the
/// real one. The screens hold no repository.
@MainActor
protocol CobranzasDesk: AnyObject {
    /// Today by the injected clock.
    var today: LocalDate { get }
    /// Open receivables under `filter`, oldest due first: a keyset pager (only the visible rows are read).
    func openPager(_ filter: ReceivablesFilter) throws -> KeysetPager<Receivable>
    /// Open balances per currency and age bucket under `filter`.
    func aging(_ filter: ReceivablesFilter) throws -> AgingTotals
    /// Every open receivable of one customer (the payment form's candidates).
    func openReceivables(customerId: Int64) throws -> [Receivable]
    func bankAccounts() throws -> [BankAccount]
    /// The day's rate documents use (soles per dollar), nil when none is known.
    func defaultRate(on day: LocalDate) -> Decimal?
    func recordPayment(_ input: PaymentInput) throws -> Payment
    func recordDetraccionDeposit(_ input: SettlementInput) throws
    func recordRetention(_ input: SettlementInput) throws
    func statement(customerId: Int64, from: LocalDate, to: LocalDate) throws -> AccountStatement
    /// Writes the statement's PDF to `path`; returns the page count.
    func statementPDF(customerId: Int64, from: LocalDate, to: LocalDate, path: String) throws -> Int
    /// Where printed documents go (the documentos folder beside the database).
    func documentsFolder() -> String
    /// Turns an error of these calls into one Spanish sentence.
    func describe(_ error: Error) -> String
}
