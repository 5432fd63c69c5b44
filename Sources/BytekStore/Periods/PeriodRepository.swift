import BytekModel
import Foundation

/// The `period` table: closing a month (with the SIRE note) and reopening it (with the reason), each in one
/// transaction with its event and its audit entry.
public struct PeriodRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let auditEntity = "period"
    /// The longest SIRE note or reason kept.
    public static let maxText = 500

    /// Every month ever closed, newest first, with its history.
    public func list() throws -> [ClosedPeriod] {
        let events = try db.query("SELECT * FROM period_event ORDER BY id")
        var history: [String: [PeriodEvent]] = [:]
        for e in events {
            history[e.string("month"), default: []].append(PeriodEvent(
                action: PeriodEvent.Action(rawValue: e.string("action")) ?? .cerrar, user: e.string("user_login"),
                at: e.string("at"), text: e.string("text")))
        }
        return try db.query("SELECT * FROM period ORDER BY month DESC").compactMap { row in
            guard let month = PeriodMonth.parse(row.string("month")) else { return nil }
            return ClosedPeriod(month: month, closed: row.int("closed") == 1, closedBy: row.string("closed_by"),
                                closedAt: row.string("closed_at"), sireNote: row.string("sire_note"),
                                history: history[row.string("month")] ?? [])
        }
    }

    public func get(_ month: YearMonth) throws -> ClosedPeriod? {
        try list().first { $0.month == month }
    }

    /// Closes `month`; the caller checked that it ended and that the SIRE filing was confirmed.
    public func close(_ month: YearMonth, sireNote: String) throws {
        guard sireNote.count <= Self.maxText else { throw PeriodError.textTooLong(field: "nota", max: Self.maxText) }
        try db.write {
            let before = try get(month)
            if before?.closed == true { throw PeriodError.alreadyClosed(month) }
            let at = ISOTimestamp.format(now())
            try db.execute("""
                INSERT INTO period(month, closed, closed_by, closed_at, sire_note) VALUES (?, 1, ?, ?, ?)
                ON CONFLICT(month) DO UPDATE SET closed = 1, closed_by = excluded.closed_by,
                    closed_at = excluded.closed_at, sire_note = excluded.sire_note
                """, [.text(month.description), .text(user), .text(at), .text(sireNote)])
            try event(month, .cerrar, at: at, text: sireNote)
            let after = try get(month)
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: Self.entityId(month), action: before == nil ? .create : .update,
                summary: "Cierre de \(PeriodMonth.name(month))" + (sireNote.isEmpty ? "" : " (SIRE: \(sireNote))"),
                before: before, after: after)
        }
    }

    /// Reopens `month` with the reason (required).
    public func reopen(_ month: YearMonth, reason: String) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw PeriodError.reasonRequired }
        guard reason.count <= Self.maxText else { throw PeriodError.textTooLong(field: "motivo", max: Self.maxText) }
        try db.write {
            guard let before = try get(month), before.closed else { throw PeriodError.notClosed(month) }
            let at = ISOTimestamp.format(now())
            try db.execute("UPDATE period SET closed = 0 WHERE month = ?", [.text(month.description)])
            try event(month, .reabrir, at: at, text: reason)
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: Self.entityId(month), action: .update,
                summary: "Reapertura de \(PeriodMonth.name(month)): \(reason)", before: before, after: try get(month))
        }
    }

    /// The audit log's id of a month: 202611.
    public static func entityId(_ month: YearMonth) -> Int64 { Int64(month.year * 100 + month.month) }

    private func event(_ month: YearMonth, _ action: PeriodEvent.Action, at: String, text: String) throws {
        try db.execute("INSERT INTO period_event(month, action, user_login, at, text) VALUES (?, ?, ?, ?, ?)",
                       [.text(month.description), .text(action.rawValue), .text(user), .text(at), .text(text)])
    }
}
