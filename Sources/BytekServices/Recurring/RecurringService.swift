import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// Recurring billing for an actor (issue 11 §2): the preview of a run, the run itself (the worker's daily
/// job `recurrentes.facturar`, or finanzas by hand), the history, and the edits of a subscription's billing.
///
/// Exactly once: each document is issued through `EDocumentIssuer` with its (subscription, period) keys
/// written by `alongside` in the same transaction; the keys are UNIQUE, so when another worker billed a
/// period first the whole document rolls back (no number taken) and the group is planned again.
public struct RecurringService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: RecurringRepository {
        services.acting(RecurringRepository.self)
    }

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LimaTime.date(services.now()) }

    // MARK: reading

    /// The subscriptions with their billing fields (every one, or the active ones).
    public func subscriptions(activeOnly: Bool = false) throws -> [RecurringSubscription] {
        try actor.authorize(.recurringView)
        return try repository.all(activeOnly: activeOnly)
    }

    /// What a run on `date` (today by default) would bill, without writing anything.
    public func preview(on date: LocalDate? = nil) throws -> RecurringPlan {
        try actor.authorize(.recurringView)
        return try plan(on: date ?? today)
    }

    /// The latest runs, newest first.
    public func history(limit: Int = 20) throws -> [RecurringRun] {
        try actor.authorize(.recurringView)
        return try repository.runs(limit: limit)
    }

    // MARK: the run

    /// Bills every period due on or before `date` (today by default) and not billed yet: one document per
    /// group, each in its own transaction with its keys. A customer that cannot be billed (no rate of the
    /// day for dollars, a SUNAT rule) is recorded as a failure with its reason and the others go on.
    /// `afterDocument` is called after each issued document with the count so far (a test stops the
    /// worker there).
    /// The reason recorded when a run started by hand bills a customer beyond its credit limit.
    static let manualRunOverride = "Facturación recurrente: corrida manual"

    @discardableResult
    public func run(on date: LocalDate? = nil, describe: ((any Error) -> String)? = nil,
                    afterDocument: ((Int) -> Void)? = nil) throws -> RecurringRunReport {
        try actor.authorize(.recurringRun)
        let day = date ?? today
        let repo = repository
        let runId = try repo.startRun(date: day)
        var report = RecurringRunReport(runId: runId, date: day)
        let issuer = try services.invoices.issuer()
        let planned = try plan(on: day)
        for f in planned.failures {
            report.failures.append(f)
            try repo.recordFailure(runId: runId, customerId: f.customerId, reason: f.reason)
        }
        for doc in planned.documents {
            var current = doc
            for attempt in 0..<2 {
                do {
                    let items = Array(zip(current.items, current.amounts))
                    // Over the customer's credit limit the document is issued anyway and the override recorded:
                    // flagged to finanzas when the worker issues it, with this reason when finanzas runs it by hand.
                    let credit = try services.credit.gate(document: current.document,
                                                          override: actor.kind == .worker ? nil : Self.manualRunOverride)
                    let record = try issuer.issue(current.document, alongside: { id in
                        try repo.recordCharges(documentId: id, runId: runId, items: items.map { (item: $0.0, billed: $0.1) })
                        try credit?(id)
                    })
                    report.issued.append(record.documentID)
                    report.lines += current.items.count
                    afterDocument?(report.issued.count)
                    break
                } catch let e as DatabaseError where e.isConstraintViolation {
                    // Another worker billed some of these periods first: nothing of this document was
                    // written. Plan the group again from what is billed now (once).
                    guard attempt == 0, let again = try plan(on: day).documents.first(where: { $0.key == doc.key }) else {
                        report.alreadyBilled += 1
                        break
                    }
                    current = again
                } catch {
                    let reason = describe?(error) ?? Self.reason(error)
                    let failure = RecurringPlan.Failure(customerId: doc.key.customerId, customerName: doc.customerName, reason: reason)
                    report.failures.append(failure)
                    try repo.recordFailure(runId: runId, customerId: failure.customerId, reason: reason)
                    break
                }
            }
        }
        try repo.finishRun(runId, documents: report.issued.count, lines: report.lines, failures: report.failures.count)
        return report
    }

    /// Spanish text of an error met while billing.
    static func reason(_ error: any Error) -> String {
        switch error {
        case let e as RecurringError: return e.message
        case let e as ExchangeRateError: return e.message
        case let e as EDocumentError: return e.message
        case let e as EInvoicingSettingsError: return e.message
        case let e as BillingError: return "\(e)"
        default: return String(describing: error)
        }
    }

    /// The plan of a run on `day`: the items due grouped into documents; customers without the day's
    /// rate (or whose document breaks a rule) become failures.
    func plan(on day: LocalDate) throws -> RecurringPlan {
        let repo = repository
        let subs = try repo.all(activeOnly: true)
        let billed = try repo.billedPeriods()
        var items: [RecurringItem] = []
        for s in subs {
            do { items += try s.dueItems(upTo: day, billed: billed[s.id] ?? []) } catch {
                throw RecurringError.amount(error)
            }
        }
        var result = RecurringPlan(date: day, documents: [], failures: [])
        guard !items.isEmpty else { return result }
        let settings = try EInvoicingSettingsRepository(db: services.db).require()
        let customers = CustomerRepository(db: services.db, user: actor.auditName)
        var buyers: [Int64: (customer: DocumentCustomer?, name: String)] = [:]
        for id in Set(items.map(\.customerId)) {
            let c = try customers.get(id)
            buyers[id] = (c.map { DocumentCustomer(customer: $0) }, c?.legalName ?? "cliente \(id)")
        }
        var seriesByKind: [DocumentKind: String] = [:]
        for kind in [DocumentKind.factura, .boleta] {
            seriesByKind[kind] = try? InvoiceService.series(for: kind, family: kind == .factura ? .factura : .boleta,
                                                            settings: settings).code
        }
        let groups = RecurringInvoicing.group(items) { id in
            let kind: DocumentKind = buyers[id]?.customer?.documentType == .ruc ? .factura : .boleta
            return (kind, seriesByKind[kind] ?? "")
        }
        let needsRate = items.contains { $0.needsRate }
        var rate: Decimal?
        var rateError: (any Error)?
        if needsRate {
            do { rate = try services.exchangeRates.defaultRate(for: day).rate } catch { rateError = error }
        }
        let issuedAt = services.now()
        var failed: Set<Int64> = []
        for g in groups {
            let buyer = buyers[g.key.customerId]
            func fail(_ reason: String) {
                guard !failed.contains(g.key.customerId) else { return }
                failed.insert(g.key.customerId)
                result.failures.append(RecurringPlan.Failure(customerId: g.key.customerId, customerName: buyer?.name ?? "",
                                                             reason: reason))
            }
            guard let customer = buyer?.customer else { fail("El cliente \(g.key.customerId) no existe."); continue }
            if g.items.contains(where: { $0.needsRate }), let rateError {
                fail(Self.reason(rateError) + " No se facturó a este cliente; los demás siguen.")
                continue
            }
            do {
                guard !g.key.series.isEmpty else { throw BillingError.seriesMissing(g.key.kind) }
                let series = try Series(g.key.series, for: g.key.kind)
                let amounts = try g.items.map { try $0.billedAmount(rate: rate) }
                let doc = try RecurringInvoicing.document(items: g.items, currency: g.key.currency, customer: customer,
                                                          issuer: settings.issuer, series: series, issuedAt: issuedAt, rate: rate,
                                                          detraccionAccount: settings.detraccionAccount)
                let total = try doc.amounts().total
                result.documents.append(RecurringPlan.Document(key: g.key, customerName: buyer?.name ?? "", items: g.items,
                                                               amounts: amounts, document: doc, total: total))
            } catch {
                fail(Self.reason(error))
            }
        }
        // A customer that failed in one group is not billed in its other groups either (the run stops for it).
        result.documents.removeAll { failed.contains($0.key.customerId) }
        return result
    }

    // MARK: edits

    /// Pauses subscription `id` from `date` (today by default): nothing from then on is billed until resumed.
    public func pause(_ id: Int64, from date: LocalDate? = nil) throws {
        try actor.authorize(.recurringEdit)
        let s = try existing(id)
        guard !s.terms.isPaused else { throw RecurringServiceError.alreadyPaused }
        try repository.pause(id, from: date ?? today)
    }

    /// Resumes it on `date` (today by default): billed from that day, prorated.
    public func resume(_ id: Int64, on date: LocalDate? = nil) throws {
        try actor.authorize(.recurringEdit)
        let s = try existing(id)
        guard let open = s.pauses.last(where: { $0.resumedOn == nil }) else { throw RecurringServiceError.notPaused }
        let day = date ?? today
        guard day >= open.from else { throw RecurringServiceError.resumeBeforePause(open.from) }
        try repository.resume(id, on: day)
    }

    /// Cancels it at the end of the current period (the period holding today is still billed whole).
    /// Returns the last day billed.
    @discardableResult
    public func cancelAtPeriodEnd(_ id: Int64, on date: LocalDate? = nil) throws -> LocalDate {
        try actor.authorize(.recurringEdit)
        let s = try existing(id)
        let end = s.terms.nextPeriodStart(after: date ?? today)
        try repository.end(id, on: end)
        return end.adding(days: -1)
    }

    /// Stops it on `lastDay` (the last day billed, prorated).
    public func stop(_ id: Int64, lastDay: LocalDate) throws {
        try actor.authorize(.recurringEdit)
        let s = try existing(id)
        guard lastDay >= s.subscription.startDate else { throw RecurringServiceError.endBeforeStart(s.subscription.startDate) }
        try repository.end(id, on: lastDay.adding(days: 1))
    }

    /// A new price (typed, in the subscription's currency, without IGV) from the next period. Returns the
    /// day it counts from.
    @discardableResult
    public func changePrice(_ id: Int64, to text: String, on date: LocalDate? = nil) throws -> LocalDate {
        try actor.authorize(.recurringEdit)
        let s = try existing(id)
        let currency = s.subscription.pricePerPeriod.currency
        let price: Money
        do { price = try Money.parse(text, currency: currency) } catch { throw RecurringServiceError.invalidPrice(text, error) }
        guard price.amount > 0 else { throw RecurringServiceError.invalidPrice(text, .outOfRange) }
        let from = s.terms.nextPeriodStart(after: date ?? today)
        try repository.changePrice(id, to: price, from: from)
        return from
    }

    /// The billing day (1–28), timing and document currency (soles, or the price's).
    public func setBilling(_ id: Int64, billingDay: Int, timing: BillingTiming? = nil, billCurrency: Currency? = nil) throws {
        try actor.authorize(.recurringEdit)
        let s = try existing(id)
        guard RecurringTerms.billingDays.contains(billingDay) else { throw RecurringServiceError.invalidBillingDay(billingDay) }
        let cur = billCurrency ?? s.billCurrency
        guard cur == .pen || cur == s.subscription.pricePerPeriod.currency else { throw RecurringServiceError.invalidBillCurrency }
        try repository.setBilling(id, billingDay: billingDay, timing: timing ?? s.timing, billCurrency: cur)
    }

    private func existing(_ id: Int64) throws -> RecurringSubscription {
        guard let s = try repository.get(id) else { throw RecurringServiceError.subscriptionNotFound(id) }
        return s
    }
}

/// Why an edit of a subscription's billing was refused. `message` says it in Spanish.
public enum RecurringServiceError: Error, Sendable, Hashable {
    case subscriptionNotFound(Int64)
    case alreadyPaused
    case notPaused
    case resumeBeforePause(LocalDate)
    case endBeforeStart(LocalDate)
    case invalidPrice(String, MoneyError)
    case invalidBillingDay(Int)
    case invalidBillCurrency

    public var message: String {
        switch self {
        case .subscriptionNotFound(let id): return "No existe la suscripción \(id)."
        case .alreadyPaused: return "La suscripción ya está en pausa: reanúdela primero."
        case .notPaused: return "La suscripción no está en pausa."
        case .resumeBeforePause(let d): return "Fecha de reanudación: debe ser desde el \(d.description), cuando empezó la pausa."
        case .endBeforeStart(let d): return "Último día: debe ser desde el \(d.description), cuando empezó la suscripción."
        case .invalidPrice(let t, _):
            return "Precio: «\(t)» no es un importe válido; escriba un monto mayor que cero con hasta 2 decimales (p. ej. 120.50)."
        case .invalidBillingDay(let d): return "Día de facturación: \(d) no vale; use un día del 1 al 28."
        case .invalidBillCurrency: return "Moneda del comprobante: use soles o la moneda del precio."
        }
    }
}

extension RecurringRepository: ActingRepository {}

extension Services {
    public var recurring: RecurringService { RecurringService(services: self) }
}
