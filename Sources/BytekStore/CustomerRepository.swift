import BytekModel
import Foundation

/// Customers and their contacts. Every change is one transaction with its audit entry;
/// customers are archived, never deleted.
public struct CustomerRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    /// A search with more matches than this is listed newest first (or by document number)
    /// instead of sorted by the query's column: see `FullTextFilter`.
    public var sortedSearchLimit = 5_000

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    private var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }

    // MARK: writing

    /// Saves a new customer (normalized, validated, document unique) with its contacts.
    /// Returns it with its id and timestamps.
    @discardableResult
    public func create(_ customer: Customer) throws -> Customer {
        var c = try checked(customer)
        return try db.write {
            try refuseDuplicate(c, except: nil)
            let stamp = now()
            c.createdAt = CustomerRepository.truncated(stamp); c.updatedAt = c.createdAt
            c.archived = customer.archived
            let at = ISOTimestamp.format(stamp)
            try db.execute(
                "INSERT INTO customer(\(CustomerRepository.dataColumns.joined(separator: ", ")), created_at, updated_at) "
                    + "VALUES (\(Array(repeating: "?", count: CustomerRepository.dataColumns.count + 2).joined(separator: ", ")))",
                CustomerRepository.values(c) + [.text(at), .text(at)])
            c.id = db.lastInsertRowID
            try writeContacts(c)
            try audit.append(entity: AuditEntity.customer, entityId: c.id, action: .create,
                             summary: CustomerRepository.summary(c), after: c, at: stamp)
            return c
        }
    }

    /// Saves changes to an existing customer, contacts included (they replace the stored ones).
    /// When `customer.updatedAt` is set and the stored record changed since, refuses with
    /// `modifiedElsewhere`. The archived flag is not changed here: use `archive`/`restore`.
    @discardableResult
    public func update(_ customer: Customer) throws -> Customer {
        guard let id = customer.id else { throw CustomerRepositoryError.notFound(0) }
        var c = try checked(customer)
        return try db.write {
            guard let before = try get(id) else { throw CustomerRepositoryError.notFound(id) }
            if let seen = customer.updatedAt, let stored = before.updatedAt,
               ISOTimestamp.format(seen) != ISOTimestamp.format(stored) {
                throw CustomerRepositoryError.modifiedElsewhere(id)
            }
            try refuseDuplicate(c, except: id)
            c.archived = before.archived
            c.createdAt = before.createdAt
            c.updatedAt = before.updatedAt
            if c == before { return before }
            let stamp = now()
            c.updatedAt = CustomerRepository.truncated(stamp)
            try db.execute(
                "UPDATE customer SET " + CustomerRepository.dataColumns.map { "\($0) = ?" }.joined(separator: ", ")
                    + ", updated_at = ? WHERE id = ?",
                CustomerRepository.values(c) + [.text(ISOTimestamp.format(stamp)), .int(id)])
            try db.execute("DELETE FROM customer_contact WHERE customer_id = ?", [.int(id)])
            try writeContacts(c)
            try audit.append(entity: AuditEntity.customer, entityId: id, action: .update,
                             summary: CustomerRepository.summary(c), before: before, after: c, at: stamp)
            return c
        }
    }

    /// Archives a customer: it leaves the default list but keeps its history.
    @discardableResult
    public func archive(_ id: Int64) throws -> Customer { try setArchived(id, true) }

    /// Brings an archived customer back.
    @discardableResult
    public func restore(_ id: Int64) throws -> Customer { try setArchived(id, false) }

    private func setArchived(_ id: Int64, _ archived: Bool) throws -> Customer {
        try db.write {
            guard let before = try get(id) else { throw CustomerRepositoryError.notFound(id) }
            guard before.archived != archived else { return before }
            let stamp = now()
            var after = before
            after.archived = archived
            after.updatedAt = CustomerRepository.truncated(stamp)
            try db.execute("UPDATE customer SET archived = ?, updated_at = ? WHERE id = ?",
                           [.int(archived ? 1 : 0), .text(ISOTimestamp.format(stamp)), .int(id)])
            try audit.append(entity: AuditEntity.customer, entityId: id, action: archived ? .archive : .restore,
                             summary: CustomerRepository.summary(after), before: before, after: after, at: stamp)
            return after
        }
    }

    private func checked(_ customer: Customer) throws -> Customer {
        let c = customer.normalized()
        let errors = c.validate()
        guard errors.isEmpty else { throw CustomerRepositoryError.invalid(errors) }
        return c
    }

    private func refuseDuplicate(_ c: Customer, except id: Int64?) throws {
        let existing = try db.scalar("SELECT id FROM customer WHERE doc_type = ? AND doc_number = ?",
                                     [.text(c.docType.rawValue), .text(c.docNumber)]).intValue
        if let existing, existing != id {
            throw CustomerRepositoryError.duplicateDocument(c.docType, c.docNumber, existingId: existing)
        }
    }

    private func writeContacts(_ c: Customer) throws {
        guard let id = c.id else { return }
        for contact in c.contacts {
            try db.execute(
                "INSERT INTO customer_contact(customer_id, name, role, email, phone, whatsapp) VALUES (?, ?, ?, ?, ?, ?)",
                [.int(id), .text(contact.name), .text(contact.role), .text(contact.email), .text(contact.phone),
                 .text(contact.whatsapp)])
        }
    }

    // MARK: reading

    /// The customer with its contacts, archived or not.
    public func get(_ id: Int64) throws -> Customer? {
        try db.read {
            guard var c = try db.queryOne("SELECT \(CustomerRepository.selectColumns) FROM customer WHERE id = ?",
                                          [.int(id)]).map(CustomerRepository.decode) else { return nil }
            c.contacts = try contacts(id)
            return c
        }
    }

    /// The customer with this document (normalized before the lookup), with its contacts.
    public func find(docType: DocumentType, docNumber: String) throws -> Customer? {
        let id = try db.scalar("SELECT id FROM customer WHERE doc_type = ? AND doc_number = ?",
                               [.text(docType.rawValue), .text(docType.normalize(docNumber))]).intValue
        return try id.flatMap(get)
    }

    private func contacts(_ id: Int64) throws -> [Contact] {
        try db.query("SELECT name, role, email, phone, whatsapp FROM customer_contact WHERE customer_id = ? ORDER BY id",
                     [.int(id)]).map {
            Contact(name: $0.string("name"), role: $0.string("role"), email: $0.string("email"),
                    phone: $0.string("phone"), whatsapp: $0.string("whatsapp"))
        }
    }

    /// The customer list as a keyset pager. Items have no contacts (use `get` for the detail).
    public func pager(_ query: CustomerQuery = CustomerQuery()) -> KeysetPager<Customer> { listing(query).pager }

    /// The customer list and the order it is really in: a search with more than
    /// `sortedSearchLimit` matches is not sorted by the query's column (see `CustomerListOrder`).
    public func listing(_ query: CustomerQuery = CustomerQuery()) -> CustomerListing {
        var conditions: [String] = []
        var args: [SQLValue] = []
        var from = "customer"
        var order = query.sort.keys.map { SortKey($0, ascending: query.ascending) }
        var listOrder = CustomerListOrder.requested
        var countQuery: (sql: String, arguments: [SQLValue])?
        let words = TextSearch.words(query.search)
        let documentSearch = words.count == 1 && words[0].allSatisfy { $0.isASCII && $0.isNumber }
        if documentSearch {
            let doc = DocumentPrefixFilter(digits: words[0], limit: sortedSearchLimit)
            conditions.append(doc.condition)
            args += doc.bounds
            if !doc.isSelective(db) { order = doc.documentOrder; listOrder = .documentNumber }
            countQuery = doc.countQuery(excludingArchived: !query.includeArchived)
        } else if words.count == 1, words[0].count == 1, let c = words[0].unicodeScalars.first,
                  let next = Unicode.Scalar(c.value + 1) {
            // One letter: names that start with it, read from the name index. An FTS prefix this
            // short matches most rows and would read all of them on a single keystroke.
            conditions.append("customer.legal_name COLLATE NOCASE >= ? AND customer.legal_name COLLATE NOCASE < ?")
            args += [.text(String(c)), .text(String(next))]
            listOrder = .nameStartsWith
        } else if let match = TextSearch.ftsPrefixQuery(query.search) {
            let fts = FullTextFilter(table: "customer", ftsTable: "customer_fts", match: match, limit: sortedSearchLimit)
            from = fts.from
            conditions.append(fts.condition)
            args.append(.text(match))
            if !fts.isSelective(db) { order = fts.newestFirst; listOrder = .newestFirst }
            countQuery = fts.countQuery(excluding: query.includeArchived ? nil : "customer.archived = 1")
        }
        if !query.includeArchived {
            // Only the name order has an index that starts with `archived`; for the others the
            // unary plus keeps SQLite on the index of the order (archived rows are few) instead
            // of sorting every customer.
            let useIndex = query.sort == .legalName && from == "customer" && !documentSearch
            conditions.append(useIndex ? "customer.archived = 0" : "+customer.archived = 0")
        }
        let pager = KeysetPager(
            db: db, from: from, where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "),
            arguments: args, columns: CustomerRepository.allColumns.map { "customer.\($0) AS \($0)" },
            order: order, countQuery: countQuery, decode: CustomerRepository.decode)
        return CustomerListing(pager: pager, order: listOrder)
    }

    // MARK: mapping

    static let dataColumns = [
        "doc_type", "doc_number", "legal_name", "trade_name", "address", "department", "province", "district",
        "email", "phone", "units", "credit_days", "credit_limit_cents", "credit_currency", "notes", "archived",
        "retention_agent",
    ]
    static let allColumns = ["id"] + dataColumns + ["created_at", "updated_at"]
    static let selectColumns = allColumns.joined(separator: ", ")

    static func values(_ c: Customer) -> [SQLValue] {
        [.text(c.docType.rawValue), .text(c.docNumber), .text(c.legalName), .text(c.tradeName), .text(c.address),
         .text(c.department), .text(c.province), .text(c.district), .text(c.email), .text(c.phone),
         .text(BusinessUnit.encode(c.units)), .int(Int64(c.creditDays)), .int(c.creditLimit.minorUnits),
         .text(c.creditLimit.currency.rawValue), .text(c.notes), .int(c.archived ? 1 : 0), .int(c.retentionAgent ? 1 : 0)]
    }

    @Sendable static func decode(_ row: Row) -> Customer {
        let currency = Currency(rawValue: row.string("credit_currency")) ?? .pen
        var customer = Customer(
            id: row.int("id"), docType: DocumentType(rawValue: row.string("doc_type")) ?? .ruc,
            docNumber: row.string("doc_number"), legalName: row.string("legal_name"),
            tradeName: row.string("trade_name"), address: row.string("address"), department: row.string("department"),
            province: row.string("province"), district: row.string("district"), email: row.string("email"),
            phone: row.string("phone"), units: BusinessUnit.decode(row.string("units")),
            creditDays: Int(row.int("credit_days")), creditLimit: Money(minorUnits: row.int("credit_limit_cents"), currency),
            notes: row.string("notes"), archived: row.bool("archived"), contacts: [],
            createdAt: ISOTimestamp.parse(row.string("created_at")), updatedAt: ISOTimestamp.parse(row.string("updated_at")))
        customer.retentionAgent = row.bool("retention_agent")
        return customer
    }

    static func summary(_ c: Customer) -> String {
        "\(c.docType.rawValue) \(c.docNumber) \(c.legalName)"
    }

    /// The date as stored (millisecond precision), so a saved value equals a re-read one.
    static func truncated(_ date: Date) -> Date? { ISOTimestamp.parse(ISOTimestamp.format(date)) }
}
