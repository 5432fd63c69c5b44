import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The Cobranzas screens' calls, each one operation of `services.receivables` as the session's user.
@MainActor
final class ServicesCobranzasDesk: CobranzasDesk {
    let services: Services
    let strings: Strings

    init(services: Services, strings: Strings) { self.services = services; self.strings = strings }

    var receivables: ReceivableService { services.receivables }
    var today: LocalDate { receivables.today }

    func query(_ f: ReceivablesFilter) -> ReceivableQuery {
        ReceivableQuery(unit: f.unit, customerId: f.customerId, bucket: f.bucket, currency: f.currency, text: f.search, asOf: today)
    }

    func openPager(_ filter: ReceivablesFilter) throws -> KeysetPager<Receivable> { try receivables.pager(query(filter)) }
    func aging(_ filter: ReceivablesFilter) throws -> AgingTotals { try receivables.agingTotals(query(filter)) }
    func openReceivables(customerId: Int64) throws -> [Receivable] { try receivables.receivables(customerId: customerId) }
    func bankAccounts() throws -> [BankAccount] { try receivables.bankAccounts() }
    func defaultRate(on day: LocalDate) -> Decimal? { try? services.exchangeRates.defaultRate(for: day).rate }
    func recordPayment(_ input: PaymentInput) throws -> Payment { try receivables.recordPayment(input) }

    func recordDetraccionDeposit(_ input: SettlementInput) throws {
        _ = try receivables.recordDetraccionDeposit(documentID: input.documentID, constancia: input.number, date: input.date,
                                                    amount: input.amount)
    }

    func recordRetention(_ input: SettlementInput) throws {
        _ = try receivables.recordRetentionReceipt(documentID: input.documentID, number: input.number, date: input.date,
                                                   amount: input.amount)
    }

    func statement(customerId: Int64, from: LocalDate, to: LocalDate) throws -> AccountStatement {
        try receivables.statement(customerId: customerId, from: from, to: to)
    }

    func statementPDF(customerId: Int64, from: LocalDate, to: LocalDate, path: String) throws -> Int {
        try receivables.statementPDF(customerId: customerId, from: from, to: to, path: path)
    }

    func documentsFolder() -> String { DocumentFolders.documents(of: services.store) }

    func describe(_ error: Error) -> String {
        if let e = error as? ReceivableError { return e.message }
        if let e = error as? QuotePrintingError { return QuotePrinting.message(e) }
        return ErrorText(strings).describe(error)
    }
}
