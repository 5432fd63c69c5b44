import BytekModel
import BytekStore
import Foundation

extension CreditOverrideRepository: ActingRepository {}

/// The credit limit (issue 11 §1): quoting (accepting) or invoicing beyond a customer's limit — open
/// receivables in soles (dollars at the day's venta rate) plus the new amount above `creditLimit`, when the
/// limit is above zero — is refused with the figures unless finanzas overrides it with a reason; the override
/// is recorded in the same transaction as the issue or acceptance. The worker issues anyway, flagged.
public struct CreditLimitService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: CreditOverrideRepository { services.acting(CreditOverrideRepository.self) }

    /// What the customer would owe with `newAmount`, in soles (nil: the customer is not on file).
    public func exposure(customerId: Int64, newAmount: Money) throws -> CreditExposure? {
        guard let c = try repository.customer(id: customerId) else { return nil }
        return try exposure(c, newAmount: newAmount)
    }

    /// `documentRate`: the new document's own rate, used when no rate of the day was entered.
    func exposure(_ c: CreditOverrideRepository.CustomerLimit, newAmount: Money, documentRate: Decimal? = nil) throws -> CreditExposure {
        let balances = try repository.openBalances(customerId: c.id)
        let needsRate = ([c.limit, newAmount] + balances).contains { $0.currency != .pen && !$0.isZero }
        var rate: Decimal?
        if needsRate {
            let today = LocalDate(services.now(), in: ExchangeRateService.lima)
            rate = (try? ExchangeRateRule.rateFor(today, latest: services.acting(ExchangeRateRepository.self).latest(onOrBefore: today)).sell)
                ?? documentRate
        }
        var open = Money.zero(.pen)
        for b in balances { open += try CreditExposure.soles(b, rate: rate) }
        return CreditExposure(customerName: c.name, limit: try CreditExposure.soles(c.limit, rate: rate), open: open,
                              newAmount: try CreditExposure.soles(newAmount, rate: rate))
    }

    /// The check before issuing or accepting: nil when within the limit (or no limit, or no customer on
    /// file); the override to record when over and either finanzas gave a reason or the worker is issuing
    /// (flagged unattended); otherwise `CreditLimitError.exceeded` (or `forbidden` for a reason given by
    /// someone who may not override).
    func gate(customer: CreditOverrideRepository.CustomerLimit?, newAmount: Money, documentRate: Decimal? = nil, what: String,
              override reason: String?) throws -> (exposure: CreditExposure, reason: String, unattended: Bool)? {
        guard let customer, customer.limit.minorUnits > 0 else { return nil }
        let e = try exposure(customer, newAmount: newAmount, documentRate: documentRate)
        guard e.isOver else { return nil }
        if actor.kind == .worker { return (e, "", true) }
        guard let reason else { throw CreditLimitError.exceeded(e, what: what) }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CreditLimitError.reasonRequired }
        try actor.authorize(.creditOverride)
        return (e, String(text.prefix(500)), false)
    }

    /// The gate for a document: facturas, boletas and debit notes add to what the customer owes.
    func gate(document: EDocument, override reason: String?) throws -> ((Int64) throws -> Void)? {
        guard [.factura, .boleta, .notaDebito].contains(document.kind) else { return nil }
        let repo = repository
        // A document whose figures cannot be computed is refused by the issuing itself, with its own message.
        guard let customer = try repo.customer(docNumber: document.customer.number), customer.limit.minorUnits > 0,
              let total = try? document.amounts().total,
              let g = try gate(customer: customer, newAmount: total, documentRate: document.exchangeRate,
                               what: "este comprobante", override: reason) else { return nil }
        return { id in
            let reference = try services.db.queryOne("SELECT series || '-' || number AS ref FROM e_document WHERE id = ?",
                                                     [.int(id)])?.string("ref") ?? "comprobante \(id)"
            try repo.record(.init(customerId: customer.id, documentId: id, quoteId: nil, reference: reference,
                                  exposure: g.exposure, reason: g.reason, unattended: g.unattended))
            if g.unattended { try CreditAlertJob.enqueue(db: services.db, now: services.now()) }
        }
    }

    /// Accepts a quote (`body`) after the gate, recording the override in the same transaction.
    func accepting<T>(_ quote: Quote, customerId: Int64, override reason: String?, _ body: () throws -> T) throws -> T {
        let repo = repository
        let customer = try repo.customer(id: customerId)
        let total = try quote.totals().tax.total
        guard let g = try gate(customer: customer, newAmount: total, documentRate: quote.exchangeRate, what: "esta cotización",
                               override: reason),
              let customer else { return try body() }
        return try services.db.write {
            let result = try body()
            try repo.record(.init(customerId: customer.id, documentId: nil, quoteId: quote.id,
                                  reference: "\(quote.number) v\(quote.version)", exposure: g.exposure, reason: g.reason,
                                  unattended: g.unattended))
            return result
        }
    }

    /// Unattended documents issued over the limit, not yet mailed (for the finanzas mail job).
    public func unmailedUnattended() throws -> [(id: Int64, line: String)] { try repository.unmailedUnattended() }

    public func markMailed(_ ids: [Int64]) throws { try repository.markMailed(ids) }
}

extension Services {
    public var credit: CreditLimitService { CreditLimitService(services: self) }
}

extension CreditLimitService {
    /// At most this many addresses receive the alert e-mail.
    public static let maxAlertRecipients = 10

    /// The addresses of the e-mail about documents the worker issued beyond a customer's credit limit.
    public func alertRecipients() throws -> [String] {
        try actor.authorize(.creditAlerts)
        return try repository.alertRecipients()
    }

    /// Sets them from "a@x.pe, b@x.pe" (empty: nobody); every address is checked before anything is saved.
    @discardableResult
    public func setAlertRecipients(_ text: String) throws -> [String] {
        try actor.authorize(.creditAlerts)
        var addresses: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let address = part.trimmingCharacters(in: .whitespaces)
            if address.isEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard EmailAddress.isValid(address) else { throw CreditLimitError.invalidRecipient(String(address.prefix(80))) }
            if !addresses.contains(address) { addresses.append(address) }
        }
        guard addresses.count <= Self.maxAlertRecipients else {
            throw CreditLimitError.invalidRecipient("\(addresses.count) direcciones (máximo \(Self.maxAlertRecipients))")
        }
        try repository.setAlertRecipients(addresses)
        return addresses
    }
}
