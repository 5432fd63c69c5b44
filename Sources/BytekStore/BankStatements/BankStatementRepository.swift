import BytekModel
import Foundation

/// The bank statements: each bank's column mapping and the imported lines, each write audited in its
/// transaction.
public struct BankStatementRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let auditEntity = "bank_statement"

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }

    /// The key a bank's mapping is remembered under: its folded name ("BCP", "bcp " are one bank).
    public static func bankKey(_ bank: String) -> String { TextFold.fold(bank.trimmingCharacters(in: .whitespaces)) }

    public func mapping(bank: String) throws -> BankStatementMapping? {
        guard let row = try db.queryOne("SELECT mapping_json FROM bank_statement_mapping WHERE bank = ?",
                                        [.text(Self.bankKey(bank))]) else { return nil }
        return try? JSONDecoder().decode(BankStatementMapping.self, from: Data(row.string("mapping_json").utf8))
    }

    /// Remembers `mapping` for `bank` (replacing the earlier one).
    public func saveMapping(bank: String, _ mapping: BankStatementMapping) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(mapping), as: UTF8.self)
        try db.write {
            let before = try self.mapping(bank: bank)
            if before == mapping { return }
            try db.execute("""
                INSERT INTO bank_statement_mapping(bank, mapping_json, user_login, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(bank) DO UPDATE SET mapping_json = excluded.mapping_json, user_login = excluded.user_login,
                    updated_at = excluded.updated_at
                """, [.text(Self.bankKey(bank)), .text(json), .text(user), .text(ISOTimestamp.format(now()))])
            try audit.append(entity: Self.auditEntity, entityId: nil, action: before == nil ? .create : .update,
                             summary: "Columnas del extracto de \(bank)", before: before, after: mapping)
        }
    }

    /// What an import stored.
    public struct ImportOutcome: Sendable, Hashable {
        public var added = 0
        /// Lines already stored from an earlier import (same key).
        public var repeated = 0
    }

    /// Stores the lines of a statement of `accountId`; lines whose key is already stored are left alone.
    public func importLines(accountId: Int64, accountLabel: String, _ lines: [BankStatementLine]) throws -> ImportOutcome {
        try db.write {
            var outcome = ImportOutcome()
            let at = ISOTimestamp.format(now())
            for l in lines {
                try db.execute("""
                    INSERT OR IGNORE INTO bank_statement_line(bank_account_id, line_key, date, description, amount_minor,
                        currency, operation_number, balance_minor, imported_by, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.int(accountId), .text(l.key), .text(l.date.description), .text(l.description),
                          .int(l.amount.minorUnits), .text(l.amount.currency.rawValue), .text(l.operationNumber),
                          l.balance.map { .int($0.minorUnits) } ?? .null, .text(user), .text(at)])
                if db.changes > 0 { outcome.added += 1 } else { outcome.repeated += 1 }
            }
            if outcome.added > 0 {
                try audit.append(entity: Self.auditEntity, entityId: accountId, action: .import,
                                 summary: "Extracto de \(accountLabel): \(outcome.added) línea(s) nuevas, \(outcome.repeated) ya importadas")
            }
            return outcome
        }
    }

    /// The lines waiting to be matched (of one account, or all), by date.
    public func pending(accountId: Int64? = nil, limit: Int = 10_000) throws -> [StoredStatementLine] {
        try db.query("""
            SELECT * FROM bank_statement_line WHERE status = 'pendiente' AND (? IS NULL OR bank_account_id = ?)
            ORDER BY date, id LIMIT ?
            """, [accountId.map { .int($0) } ?? .null, accountId.map { .int($0) } ?? .null, .int(Int64(limit))]).map(Self.line)
    }

    public func line(id: Int64) throws -> StoredStatementLine? {
        try db.queryOne("SELECT * FROM bank_statement_line WHERE id = ?", [.int(id)]).map(Self.line)
    }

    /// Marks a pending line reconciled (with the payment recorded for it, nil when it was already
    /// recorded) or discarded; call inside the transaction that recorded the payment.
    public func resolve(id: Int64, status: StoredStatementLine.Status, paymentId: Int64?, summary: String) throws {
        try db.write {
            guard let before = try line(id: id), before.status == .pendiente else { throw BankStatementError.notPending(id) }
            try db.execute("""
                UPDATE bank_statement_line SET status = ?, payment_id = ?, resolved_by = ?, resolved_at = ? WHERE id = ?
                """, [.text(status.rawValue), paymentId.map { .int($0) } ?? .null, .text(user),
                      .text(ISOTimestamp.format(now())), .int(id)])
            try audit.append(entity: Self.auditEntity, entityId: before.bankAccountId, action: .update, summary: summary)
        }
    }

    static func line(_ row: Row) -> StoredStatementLine {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        let l = BankStatementLine(fileLine: 0, date: LocalDate(row.string("date")) ?? LocalDate(daysSinceEpoch: 0),
                                  description: row.string("description"),
                                  amount: Money(minorUnits: row.int("amount_minor"), currency),
                                  operationNumber: row.string("operation_number"),
                                  balance: row["balance_minor"].intValue.map { Money(minorUnits: $0, currency) },
                                  key: row.string("line_key"))
        return StoredStatementLine(id: row.int("id"), bankAccountId: row.int("bank_account_id"), line: l,
                                   status: StoredStatementLine.Status(rawValue: row.string("status")) ?? .pendiente,
                                   paymentId: row["payment_id"].intValue)
    }
}

extension BankStatementRepository {
    /// The operation numbers already recorded as (unreversed) payments into `accountId`.
    public func recordedOperations(accountId: Int64) throws -> Set<String> {
        Set(try db.query("""
            SELECT operation_number FROM payment WHERE bank_account_id = ? AND reversed_at IS NULL AND operation_number <> ''
            """, [.int(accountId)]).map { $0.string("operation_number") })
    }

    /// The unreversed payment of `accountId` with `operation`, if any.
    public func recordedPayment(accountId: Int64, operation: String) throws -> Int64? {
        guard !operation.isEmpty else { return nil }
        return try db.scalar("""
            SELECT id FROM payment WHERE bank_account_id = ? AND operation_number = ? AND reversed_at IS NULL
            """, [.int(accountId), .text(operation)]).intValue
    }
}
