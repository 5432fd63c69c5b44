import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// Facturación for an actor: electronic documents read, issued (by hand, from a quote, notes), voided,
/// re-sent and printed, behind permission and scope. A customer's contact reads only its own customer's
/// documents; any other id reads as `ServiceError.notFound`, exactly as one that does not exist.
///
/// Issuing always goes through `EDocumentIssuer`: numbered, signed, stored and queued in one
/// transaction with its audit entry (actor and door), so a refused document leaves nothing behind and
/// consumes no number.
public struct InvoiceService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    /// The document repository acting as this actor, through its door.
    var repository: EDocumentRepository {
        services.throughDoor(EDocumentRepository(db: services.db, user: actor.auditName, now: services.now))
    }

    /// The batch repository (RC/RA) acting as this actor, on the services' clock.
    var batches: EBatchRepository {
        let now = services.now
        return services.throughDoor(EBatchRepository(db: services.db, user: actor.auditName,
                                                     clock: { Int64((now().timeIntervalSince1970 * 1000).rounded()) }))
    }

    /// The services' clock (documents are dated by it).
    public func now() -> Date { services.now() }

    /// The default exchange rate of a document in dollars dated `day` (the venta rate of that day or of
    /// the 7 before) and its label ("TC 3.752 del 28/11 (2 días antes)"); throws `ExchangeRateError`
    /// when there is none, so the user types one and an unattended job fails instead of guessing.
    public func defaultExchangeRate(for day: LocalDate) throws -> (rate: Decimal, label: String) {
        try services.exchangeRates.defaultRateLabel(for: day)
    }

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { services.exchangeRates.today }

    // MARK: reading

    /// The documents, newest first, as a keyset pager; a contact's holds only its own customer's (the
    /// scope is in the query).
    public func pager(_ query: EDocumentQuery = EDocumentQuery()) throws -> KeysetPager<EDocumentRecord> {
        try actor.authorize(.invoiceList)
        var scoped = query
        if let scope = actor.customerScope {
            let buyer = try CustomerRepository(db: services.db, user: actor.auditName).get(scope).map(DocumentCustomer.init(customer:))
            scoped.buyerDocType = buyer?.documentType.rawValue ?? ""
            scoped.buyerDocNumber = buyer?.number ?? ""
        }
        return repository.pager(scoped)
    }

    /// The newest `limit` documents, optionally in one status.
    public func list(status: EDocumentStatus? = nil, limit: Int = 100) throws -> [EDocumentRecord] {
        try actor.authorize(.invoiceOverview)
        return try repository.list(status: status, limit: limit)
    }

    /// How many documents are in each SUNAT status.
    public func countsByStatus() throws -> [EDocumentStatus: Int] {
        try actor.authorize(.invoiceOverview)
        return try repository.countsByStatus()
    }

    /// The RC/RA batches, newest first.
    public func batchList(limit: Int = 200) throws -> [EBatchRecord] {
        try actor.authorize(.invoiceOverview)
        return try batches.list(limit: limit)
    }

    /// Document `id` as stored.
    public func record(id: Int64) throws -> EDocumentRecord { try visible(.invoiceView, id: id) }

    /// Document "F001-12" as stored.
    public func record(documentID: String) throws -> EDocumentRecord {
        try actor.authorize(.invoiceView)
        guard let r = try repository.record(documentID: documentID.uppercased()) else { throw ServiceError.notFound }
        return try scoped(.invoiceView, r)
    }

    /// Everything the detail of document `id` shows (record, head, lines, amounts when it has a detracción).
    public func detail(id: Int64) throws -> InvoiceDetail {
        let record = try visible(.invoiceView, id: id)
        let head = InvoiceHead.load(id, db: services.db)
        // The totals are stored with the record; the whole document is decoded and the tax engine run
        // again only for the detracción figure.
        let amounts = head?.detraccion == nil ? nil : try? repository.document(id: id)?.amounts()
        return InvoiceDetail(record: record, head: head, amounts: amounts, lines: try repository.lines(id: id))
    }

    /// The document `id` exactly as issued (decoded from its stored JSON).
    public func document(id: Int64) throws -> EDocument {
        _ = try visible(.invoiceView, id: id)
        guard let doc = try repository.document(id: id) else { throw BillingError.documentUnreadable }
        return doc
    }

    /// The signed XML of `id`, byte for byte as sent.
    public func signedXML(id: Int64) throws -> [UInt8] {
        _ = try visible(.invoiceXML, id: id)
        guard let bytes = try repository.signedXML(id: id) else { throw BillingError.documentUnreadable }
        return bytes
    }

    /// SUNAT's CDR (the ZIP it answered with) of `id`; nil while SUNAT has not answered.
    public func cdrZip(id: Int64) throws -> Data? {
        _ = try visible(.invoiceXML, id: id)
        return try repository.cdrZip(id: id)
    }

    /// The number `document` would take if issued now ("F001-13"), for the question before issuing; the
    /// number actually taken is decided in the issuing transaction.
    public func nextDocumentID(_ document: EDocument) -> String {
        let last = (try? Numbering.last(document.series.code, in: services.db)) ?? 0
        return document.series.code + "-" + String(last + 1)
    }

    // MARK: scope

    /// Document `id` if `operation` is allowed on it; `notFound` when missing or outside the scope.
    func visible(_ operation: Operation, id: Int64) throws -> EDocumentRecord {
        try actor.authorize(operation)
        guard let r = try repository.record(id: id) else { throw ServiceError.notFound }
        return try scoped(operation, r)
    }

    /// `record` when the actor sees it (staff: always; a contact: when its customer is the buyer).
    func scoped(_ operation: Operation, _ record: EDocumentRecord) throws -> EDocumentRecord {
        try actor.authorize(operation, customer: try owner(of: record))
        return record
    }

    /// The contact's customer when it is the document's buyer (same document type and number); nil
    /// otherwise and for everyone but a contact.
    func owner(of record: EDocumentRecord) throws -> Int64? {
        guard let scope = actor.customerScope,
              let customer = try CustomerRepository(db: services.db, user: actor.auditName).get(scope) else { return nil }
        let buyer = DocumentCustomer(customer: customer)
        return buyer.documentType.rawValue == record.customerDocType && buyer.number == record.customerDocNumber ? scope : nil
    }
}

extension Services {
    /// Electronic documents (facturas, boletas, notes), their batches and their printing.
    public var invoices: InvoiceService { InvoiceService(services: self) }
}
