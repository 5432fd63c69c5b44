import BytekModel
import Foundation

/// Reads what a project's profitability is computed from, in a few queries: one project, or every project
/// at once (each query grouped by project, so 2,000 projects cost the same handful of queries).
///
/// - invoices: the documents issued from the project's quote (`e_document.quote_number`) and its milestones'
///   invoices, neither rejected, voided nor failed; base = total − IGV; collected = what the document's
///   receivables have settled; the document's rate is its receivables'.
/// - cost of hours: entries of approved weeks at their frozen cost rate; used hours: every entry.
/// - progress: U1 done ÷ tasks (cancelled left out); U2 the percent of approved or invoiced milestones.
public struct ProfitabilityQuery: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// One project, or nil when there is none with `projectId`.
    public func source(projectId: Int64) throws -> ProfitabilitySource? {
        try sources(only: projectId).first
    }

    /// Every project not archived (or every project, `includeArchived`).
    public func sources(includeArchived: Bool = false) throws -> [ProfitabilitySource] {
        try sources(only: nil, includeArchived: includeArchived)
    }

    func sources(only: Int64?, includeArchived: Bool = true) throws -> [ProfitabilitySource] {
        let filter = only == nil ? "" : " AND p.id = ?"
        let arg: [SQLValue] = only.map { [.int($0)] } ?? []
        var out: [Int64: ProfitabilitySource] = [:]
        var order: [Int64] = []
        var milestoneProject = Set<Int64>()
        for row in try db.query("""
            SELECT p.id, p.code, p.name, p.manager, p.status, p.kind, p.currency, p.sold_cents, p.exchange_rate,
                   c.legal_name FROM project p JOIN customer c ON c.id = p.customer_id
            WHERE (\(includeArchived ? 1 : 0) OR p.status <> 'archivado')\(filter) ORDER BY p.id
            """, arg) {
            let id = row.int("id")
            let kind = ProjectKind(rawValue: row.string("kind")) ?? .kanban
            if kind == .milestones { milestoneProject.insert(id) }
            let header = ProfitabilityHeader(projectId: id, code: row.string("code"), name: row.string("name"),
                                             customerName: row.string("legal_name"), manager: row.string("manager"),
                                             status: ProjectStatus(rawValue: row.string("status")) ?? .active, kind: kind)
            let inputs = ProfitabilityInputs(currency: Currency(rawValue: row.string("currency")) ?? .pen,
                                             soldCents: row.int("sold_cents"),
                                             projectRate: row.optionalString("exchange_rate").flatMap { Decimal(string: $0) },
                                             progress: kind == .milestones ? .milestones(approvedPercent: 0) : .tasks(done: 0, total: 0))
            out[id] = ProfitabilitySource(header: header, inputs: inputs)
            order.append(id)
        }
        guard !out.isEmpty else { return [] }
        let pf = only == nil ? "" : " WHERE project_id = ?"
        let pfAnd = only == nil ? "" : " AND project_id = ?"

        for row in try db.query("SELECT project_id, sum(quoted_minutes) AS m FROM project_role\(pf) GROUP BY project_id", arg) {
            out[row.int("project_id")]?.inputs.quotedMinutes = row.int("m")
        }
        for row in try db.query("SELECT project_id, sum(minutes) AS m FROM timesheet_entry\(pf) GROUP BY project_id", arg) {
            out[row.int("project_id")]?.inputs.usedMinutes = row.int("m")
        }
        for row in try db.query("""
            SELECT e.project_id, ifnull(e.cost_rate_cents, 0) AS rate, sum(e.minutes) AS m FROM timesheet_entry e
            JOIN timesheet_week w ON w.login = e.login AND w.week = e.week AND w.state = 'aprobada'
            \(only == nil ? "" : "WHERE e.project_id = ?") GROUP BY e.project_id, rate
            """, arg) {
            out[row.int("project_id")]?.inputs.approvedHours.append(CostedMinutes(minutes: row.int("m"), rateCents: row.int("rate")))
        }
        for row in try db.query("""
            SELECT project_id, currency, amount_cents, exchange_rate FROM project_cost
            WHERE reversed_at IS NULL\(pfAnd) ORDER BY id
            """, arg) {
            out[row.int("project_id")]?.inputs.otherCosts.append(OtherCost(
                currency: Currency(rawValue: row.string("currency")) ?? .pen, amountCents: row.int("amount_cents"),
                exchangeRate: row.optionalString("exchange_rate").flatMap { Decimal(string: $0) }))
        }
        for row in try db.query("""
            SELECT project_id, sum(state = 'hecho') AS done, sum(state <> 'cancelada') AS total FROM project_task\(pf)
            GROUP BY project_id
            """, arg) {
            let id = row.int("project_id")
            guard !milestoneProject.contains(id) else { continue }
            out[id]?.inputs.progress = .tasks(done: row.int("done"), total: row.int("total"))
        }
        var percents: [Int64: Decimal] = [:]
        for row in try db.query("""
            SELECT project_id, percent FROM project_milestone WHERE state IN ('aprobado','facturado')\(pfAnd)
            """, arg) {
            percents[row.int("project_id"), default: 0] += Decimal(string: row.string("percent")) ?? 0
        }
        for (id, p) in percents where milestoneProject.contains(id) { out[id]?.inputs.progress = .milestones(approvedPercent: p) }

        let docArgs = only.map { [SQLValue.int($0), .int($0)] } ?? []
        for row in try db.query("""
            WITH docs(project_id, document_id) AS (
                SELECT p.id, d.id FROM project p JOIN quote q ON q.id = p.quote_id
                JOIN e_document d ON d.quote_number = q.number AND d.kind IN ('01','03')
                \(only == nil ? "" : "WHERE p.id = ?")
                UNION
                SELECT project_id, document_id FROM project_milestone WHERE document_id IS NOT NULL\(pfAnd))
            SELECT docs.project_id, d.currency, d.total_cents - d.igv_cents AS base, d.total_cents,
                   (SELECT max(r.exchange_rate) FROM receivable r WHERE r.document_id = d.id) AS rate,
                   (SELECT ifnull(sum(r.settled_cents), 0) FROM receivable r WHERE r.document_id = d.id AND r.cancelled = 0) AS collected
            FROM docs JOIN e_document d ON d.id = docs.document_id
            WHERE d.status NOT IN ('rechazado','anulado','error')
            ORDER BY docs.project_id, d.id
            """, docArgs) {
            out[row.int("project_id")]?.inputs.invoices.append(InvoicedDocument(
                currency: Currency(rawValue: row.string("currency")) ?? .pen,
                exchangeRate: row.optionalString("rate").flatMap { Decimal(string: $0) },
                baseCents: row.int("base"), totalCents: row.int("total_cents"), collectedCents: row.int("collected")))
        }
        return order.compactMap { out[$0] }
    }
}
