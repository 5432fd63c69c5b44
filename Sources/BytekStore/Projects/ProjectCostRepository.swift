import BytekModel
import Foundation

/// The other costs of projects (`project_cost`): added and reversed, never deleted; each change is one
/// transaction with its audit entry.
public struct ProjectCostRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let auditEntity = "costo_proyecto"

    /// Adds a cost checked by `ProjectCostInput.validated` to an existing project.
    @discardableResult
    public func add(_ input: ProjectCostInput, projectId: Int64) throws -> ProjectCost {
        var cost = try input.validated(projectId: projectId)
        return try db.write {
            guard let project = try db.queryOne("SELECT code FROM project WHERE id = ?", [.int(projectId)]) else {
                throw ProjectCostStoreError.projectNotFound(projectId)
            }
            try db.execute("""
                INSERT INTO project_cost(project_id, day, description, currency, amount_cents, exchange_rate, entered_by,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int(projectId), .text(cost.day.description), .text(cost.description),
                      .text(cost.amount.currency.rawValue), .int(cost.amount.minorUnits),
                      cost.exchangeRate.map { .text("\($0)") } ?? .null, .text(user), .text(ISOTimestamp.format(now()))])
            cost.id = db.lastInsertRowID
            cost.enteredBy = user
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: cost.id, action: .create,
                summary: "Costo de \(project.string("code")): \(cost.description) \(cost.amount.formatted)",
                after: ProjectCostSnapshot(cost))
            return cost
        }
    }

    /// Reverses a cost that stands, with a reason (required).
    @discardableResult
    public func reverse(id: Int64, reason: String) throws -> ProjectCost {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ProjectCostError.required("motivo") }
        guard reason.count <= ProjectCostInput.maxReason else { throw ProjectCostError.tooLong("motivo", max: ProjectCostInput.maxReason) }
        return try db.write {
            guard var cost = try get(id) else { throw ProjectCostError.notFound(id) }
            guard cost.stands else { throw ProjectCostError.alreadyReversed(id) }
            let at = now()
            try db.execute("UPDATE project_cost SET reversed_at = ?, reversed_by = ?, reversal_reason = ? WHERE id = ?",
                           [.text(ISOTimestamp.format(at)), .text(user), .text(reason), .int(id)])
            let before = ProjectCostSnapshot(cost)
            cost.reversal = ProjectCostReversal(by: user, at: at, reason: reason)
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: id, action: .update,
                summary: "Costo anulado: \(cost.description) \(cost.amount.formatted) — \(reason)",
                before: before, after: ProjectCostSnapshot(cost))
            return cost
        }
    }

    public func get(_ id: Int64) throws -> ProjectCost? {
        try db.queryOne("SELECT * FROM project_cost WHERE id = ?", [.int(id)]).map(Self.cost)
    }

    /// The costs of a project (reversed ones included), by day.
    public func list(projectId: Int64) throws -> [ProjectCost] {
        try db.query("SELECT * FROM project_cost WHERE project_id = ? ORDER BY day, id", [.int(projectId)]).map(Self.cost)
    }

    static func cost(_ row: Row) -> ProjectCost {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        var reversal: ProjectCostReversal? = nil
        if let at = row.optionalString("reversed_at") {
            reversal = ProjectCostReversal(by: row.string("reversed_by"), at: ISOTimestamp.parse(at) ?? Date(timeIntervalSince1970: 0),
                                           reason: row.string("reversal_reason"))
        }
        return ProjectCost(id: row.int("id"), projectId: row.int("project_id"),
                           day: LocalDate(row.string("day")) ?? LocalDate(year: 2000, month: 1, day: 1)!,
                           description: row.string("description"),
                           amount: Money(minorUnits: row.int("amount_cents"), currency),
                           exchangeRate: row.optionalString("exchange_rate").flatMap { Decimal(string: $0) },
                           enteredBy: row.string("entered_by"), reversal: reversal)
    }
}

/// A project that is not there.
public enum ProjectCostStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case projectNotFound(Int64)
    public var description: String {
        switch self {
        case .projectNotFound(let id): return "proyecto: no existe el proyecto \(id)"
        }
    }
}

/// What the audit log keeps of a cost.
struct ProjectCostSnapshot: Encodable {
    var id: Int64
    var projectId: Int64
    var day: String
    var description: String
    var currency: String
    var amount: String
    var exchangeRate: String?
    var reversedBy: String?
    var reason: String?

    init(_ c: ProjectCost) {
        id = c.id; projectId = c.projectId; day = c.day.description; description = c.description
        currency = c.amount.currency.rawValue; amount = c.amount.plainAmount; exchangeRate = c.exchangeRate.map { "\($0)" }
        reversedBy = c.reversal?.by; reason = c.reversal?.reason
    }
}
