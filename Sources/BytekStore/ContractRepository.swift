import BytekModel
import Foundation

/// Why a contract was not recorded.
public enum ContractRepositoryError: Error, Sendable, Hashable {
    /// Only an accepted quote version locks a scope; the stored version is in this state.
    case quoteNotAccepted(QuoteState)
    case quoteNotFound(Int64)
}

/// The contracts generated from accepted quote versions. Recording is idempotent per version: the
/// first call numbers the contract (`CTR-2026-00001`, gapless per year) and later calls for the
/// same version return that same row untouched. Rows are never updated or deleted, so a contract
/// stays as it was when the quote gets a new version (which gets its own contract).
public struct ContractRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log and `created_by`).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    /// Records `draft` (its number, id and creation fields are ignored) unless its quote version
    /// already has a contract, which is then returned as stored with `created == false`. The stored
    /// quote version must be accepted. One transaction with its audit entry.
    @discardableResult
    public func record(_ draft: Contract) throws -> (contract: Contract, created: Bool) {
        try db.write {
            if let existing = try forQuote(draft.quoteId) { return (existing, false) }
            guard let state = try db.queryOne("SELECT state FROM quote WHERE id = ?", [.int(draft.quoteId)]) else {
                throw ContractRepositoryError.quoteNotFound(draft.quoteId)
            }
            let quoteState = QuoteState(rawValue: state.string("state")) ?? .draft
            guard quoteState == .accepted else { throw ContractRepositoryError.quoteNotAccepted(quoteState) }
            let stamp = SalesColumns.truncated(now())
            let sequence = try Numbering.next(Contract.series(year: draft.date.year), in: db)
            var c = draft
            c.number = Contract.number(year: draft.date.year, sequence: sequence)
            c.createdBy = user
            c.createdAt = stamp
            try db.execute(
                """
                INSERT INTO contract(number, quote_id, quote_number, quote_version, customer_id, unit, scope_sha256,
                    template_name, template_sha256, total_cents, currency, contract_date, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(c.number), .int(c.quoteId), .text(c.quoteNumber), .int(Int64(c.quoteVersion)),
                 SalesColumns.id(c.customerId), .text(c.unit.rawValue), .text(c.scopeHash), .text(c.templateName),
                 .text(c.templateHash), .int(c.total.minorUnits), .text(c.total.currency.rawValue),
                 .text(c.date.description), .text(user), .text(ISOTimestamp.format(stamp))])
            c.id = db.lastInsertRowID
            // The project made when the quote was accepted points at its contract from now on.
            try db.execute("UPDATE project SET contract_id = ? WHERE quote_id = ? AND contract_id IS NULL",
                           [SalesColumns.id(c.id), .int(c.quoteId)])
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: SalesAuditEntity.contract, entityId: c.id, action: .create,
                summary: "\(c.number) de \(c.quoteNumber) v\(c.quoteVersion)", after: c, at: stamp)
            return (c, true)
        }
    }

    /// The contract of quote version `quoteId`, if one was generated.
    public func forQuote(_ quoteId: Int64) throws -> Contract? {
        try db.queryOne("SELECT * FROM contract WHERE quote_id = ?", [.int(quoteId)]).map(ContractRepository.decode)
    }

    public func get(number: String) throws -> Contract? {
        try db.queryOne("SELECT * FROM contract WHERE number = ?", [.text(number)]).map(ContractRepository.decode)
    }

    /// Contracts oldest first, optionally only those of one quote number (every version).
    public func list(quoteNumber: String? = nil) throws -> [Contract] {
        if let quoteNumber {
            return try db.query("SELECT * FROM contract WHERE quote_number = ? ORDER BY quote_version, id",
                                [.text(quoteNumber)]).map(ContractRepository.decode)
        }
        return try db.query("SELECT * FROM contract ORDER BY id").map(ContractRepository.decode)
    }

    static func decode(_ row: Row) -> Contract {
        Contract(id: row.int("id"), number: row.string("number"), quoteId: row.int("quote_id"),
                 quoteNumber: row.string("quote_number"), quoteVersion: Int(row.int("quote_version")),
                 customerId: SalesColumns.optionalInt(row["customer_id"]), unit: SalesColumns.unit(row.string("unit")),
                 scopeHash: row.string("scope_sha256"), templateName: row.string("template_name"),
                 templateHash: row.string("template_sha256"),
                 total: Money(minorUnits: row.int("total_cents"), SalesColumns.currency(row.string("currency"))),
                 date: SalesColumns.date(row["contract_date"]) ?? LocalDate(daysSinceEpoch: 0),
                 createdBy: row.string("created_by"),
                 createdAt: ISOTimestamp.parse(row.string("created_at")) ?? Date(timeIntervalSince1970: 0))
    }
}
