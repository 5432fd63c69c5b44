import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

extension MilestoneService {
    /// The approved milestones waiting for finanzas (setting `hitos.facturacion` = finanzas).
    public func queuedForFinance() throws -> [MilestoneRecord] {
        try actor.authorize(.milestoneInvoiceQueue)
        return try repository.queuedForFinance()
    }

    /// The document of approved milestone `id` (see `MilestoneInvoicing`), for the question before issuing.
    public func invoiceDocument(milestoneId id: Int64) throws -> EDocument {
        try actor.authorize(.milestoneInvoice)
        let m = try scoped(id, .milestoneInvoice)
        guard m.milestone.documentId == nil else { throw MilestoneServiceError.store(.alreadyInvoiced) }
        guard m.milestone.state == .approved else { throw MilestoneServiceError.store(.wrongState(m.milestone.state, action: "facturarlo")) }
        guard let quoteId = m.quoteId, var quote = try QuoteRepository(db: services.db, user: actor.auditName).get(quoteId) else {
            throw MilestoneServiceError.invoicing("El proyecto \(m.projectCode) no viene de una cotización: emita la factura del hito a mano en Facturación.")
        }
        guard let customer = try CustomerRepository(db: services.db, user: actor.auditName).get(m.customerId) else {
            throw BillingError.customerNotFound
        }
        let settings = try EInvoicingSettingsRepository(db: services.db).require()
        let buyer = DocumentCustomer(customer: customer)
        let kind: DocumentKind = buyer.documentType == .ruc ? .factura : .boleta
        let series = try InvoiceService.series(for: kind, family: kind == .factura ? .factura : .boleta, settings: settings)
        if quote.currency == .usd, quote.exchangeRate == nil {
            var content = quote.content
            content.exchangeRate = try services.exchangeRates.defaultRate(for: LimaTime.date(services.now())).rate
            quote = Quote(id: quote.id, number: quote.number, version: quote.version, state: quote.state, content: content)
        }
        let all = try repository.milestones(projectId: m.milestone.projectId)
        do {
            return try MilestoneInvoicing.document(
                quote: quote, milestones: all.map { .init(name: $0.milestone.name, amount: $0.milestone.amount) },
                position: m.milestone.position, customer: buyer, creditDays: customer.creditDays, issuer: settings.issuer,
                series: series, issuedAt: services.now(), detraccionAccount: settings.detraccionAccount)
        } catch {
            throw MilestoneServiceError.invoicing(error.message)
        }
    }

    /// Issues the invoice of approved milestone `id` through the billing issuer (numbering, receivable, SUNAT
    /// queue as any invoice), linking it to the milestone in the same transaction. Exactly once: a milestone
    /// already invoiced is refused, and two runs at once roll the second document back whole (no number taken).
    @discardableResult
    public func issueInvoice(milestoneId id: Int64) throws -> EDocumentRecord {
        let doc = try invoiceDocument(milestoneId: id)
        let m = try scoped(id, .milestoneInvoice)
        let repo = repository
        let credit = try services.credit.gate(document: doc, override: actor.kind == .worker ? nil : "Factura del hito \(m.milestone.position) de \(m.projectCode)")
        do {
            return try services.invoices.issuer().issue(doc, quoteNumber: nil, alongside: { docId in
                try repo.linkInvoice(milestoneId: id, documentId: docId)
                try credit?(docId)
            })
        } catch let e as MilestoneStoreError { throw MilestoneServiceError.store(e) }
    }
}

/// The worker's job `hitos.facturar` (payload `{"hito": <id>}`), queued with the approval when the setting is
/// automatic: issues the milestone's invoice as `Actor.worker`. Run twice, the second run finds the milestone
/// invoiced and issues nothing.
public enum MilestoneInvoiceJob {
    public static let kind = MilestoneRepository.jobKind

    public static func run(db: Database, nowMs: @escaping MillisecondClock, environment: [String: String],
                           payload: [String: Any]) throws -> String {
        let services = Services.worker(db: db, nowMs: nowMs, environment: environment)
        guard let id = (payload["hito"] as? NSNumber)?.int64Value ?? (payload["hito"] as? Int).map(Int64.init) else {
            throw MilestoneServiceError.invalid("Trabajo hitos.facturar sin hito.")
        }
        let record: EDocumentRecord
        do { record = try services.milestones.issueInvoice(milestoneId: id) } catch MilestoneServiceError.store(.alreadyInvoiced) {
            return "{\"hito\":\(id),\"ya_facturado\":true}"
        }
        return "{\"hito\":\(id),\"comprobante\":\"\(record.documentID)\"}"
    }
}
