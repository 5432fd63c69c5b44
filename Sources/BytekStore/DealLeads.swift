import BytekModel
import Foundation

extension DealRepository {
    /// Saves a new lead.
    @discardableResult
    public func createLead(_ lead: Lead) throws -> Lead {
        do { try lead.validate() } catch { throw SalesRepositoryError.pipeline(error) }
        return try db.write {
            let stamp = now()
            let at = ISOTimestamp.format(stamp)
            var l = lead
            try db.execute(
                "INSERT INTO lead(\(DealRepository.leadColumns.joined(separator: ", ")), created_at, updated_at) VALUES ("
                    + Array(repeating: "?", count: DealRepository.leadColumns.count + 2).joined(separator: ", ") + ")",
                DealRepository.leadValues(l) + [.text(at), .text(at)])
            l.id = db.lastInsertRowID
            try audit.append(entity: SalesAuditEntity.lead, entityId: l.id, action: .create, summary: l.name, after: l,
                             at: stamp)
            return l
        }
    }

    /// Saves changes to a lead (including the customer it became).
    @discardableResult
    public func updateLead(_ lead: Lead) throws -> Lead {
        guard let id = lead.id else { throw SalesRepositoryError.notFound(SalesAuditEntity.lead, 0) }
        do { try lead.validate() } catch { throw SalesRepositoryError.pipeline(error) }
        return try db.write {
            guard let before = try self.lead(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.lead, id) }
            if before == lead { return before }
            let stamp = now()
            try db.execute(
                "UPDATE lead SET " + DealRepository.leadColumns.map { "\($0) = ?" }.joined(separator: ", ")
                    + ", updated_at = ? WHERE id = ?",
                DealRepository.leadValues(lead) + [.text(ISOTimestamp.format(stamp)), .int(id)])
            try audit.append(entity: SalesAuditEntity.lead, entityId: id, action: .update, summary: lead.name,
                             before: before, after: lead, at: stamp)
            return lead
        }
    }

    public func lead(_ id: Int64) throws -> Lead? {
        try db.queryOne("SELECT id, \(DealRepository.leadColumns.joined(separator: ", ")) FROM lead WHERE id = ?",
                        [.int(id)]).map(DealRepository.decodeLead)
    }

    /// Leads by name (case-insensitive), as a keyset pager.
    public func leadPager() -> KeysetPager<Lead> {
        KeysetPager(db: db, from: "lead", columns: ["id"] + DealRepository.leadColumns,
                    order: [SortKey("lead.name COLLATE NOCASE"), SortKey("lead.id")], decode: DealRepository.decodeLead)
    }

    static let leadColumns = ["name", "doc_type", "doc_number", "contact_name", "phone", "email", "notes", "customer_id"]

    static func leadValues(_ l: Lead) -> [SQLValue] {
        [.text(l.name), .text(l.docType?.rawValue ?? ""), .text(l.docNumber), .text(l.contactName), .text(l.phone),
         .text(l.email), .text(l.notes), SalesColumns.id(l.customerId)]
    }

    @Sendable static func decodeLead(_ row: Row) -> Lead {
        Lead(id: row.int("id"), name: row.string("name"), docType: DocumentType(rawValue: row.string("doc_type")),
             docNumber: row.string("doc_number"), contactName: row.string("contact_name"), phone: row.string("phone"),
             email: row.string("email"), notes: row.string("notes"),
             customerId: SalesColumns.optionalInt(row["customer_id"]))
    }
}
