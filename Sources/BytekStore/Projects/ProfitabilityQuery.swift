import BytekModel
import Foundation

/// Reads what a project's profitability is computed from, in a few queries: one project, or every project
/// at once (each query grouped by project, so 2,000 projects cost the same handful of queries).
///
/// - invoices: the documents issued from the project's quote (`e_document.quote_number`) and its milestones'
///   invoices, neither rejected, voided nor failed; base = total − IGV; collected = what the document's
///   receivables have settled, less what credit notes settled (a note is not money in); the document's rate
///   is its receivables'. A debit note (08) on one of those invoices is invoiced like them (its own
///   receivables, its own rate).
/// - credit notes: every 07 referencing one of those invoices (its `document_json` reference), neither
///   rejected, voided nor failed, nor a 13 (ajuste de fechas, no amount), with a negative base at its own
///   rate (its `exchangeRate`, else the day's rate).
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
                SELECT project_id, document_id FROM project_milestone WHERE document_id IS NOT NULL\(pfAnd)),
            billed(project_id, document_id) AS (
                SELECT project_id, document_id FROM docs
                UNION
                SELECT docs.project_id, n.id FROM e_document n
                JOIN e_document d ON d.series = json_extract(n.document_json, '$.note.reference.series')
                    AND d.number = json_extract(n.document_json, '$.note.reference.number')
                JOIN docs ON docs.document_id = d.id
                WHERE n.kind = '08'),
            notes(id, currency, total_cents, igv_cents, issue_date, document_json, ref_series, ref_number) AS (
                SELECT id, currency, total_cents, igv_cents, issue_date, document_json,
                       json_extract(document_json, '$.note.reference.series'),
                       json_extract(document_json, '$.note.reference.number')
                FROM e_document WHERE kind = '07' AND status NOT IN ('rechazado','anulado','error')
                    AND ifnull(json_extract(document_json, '$.note.reason.credit._0'), '') <> '13')
            SELECT billed.project_id, d.currency, d.total_cents - d.igv_cents AS base, d.total_cents,
                   (SELECT max(r.exchange_rate) FROM receivable r WHERE r.document_id = d.id) AS rate,
                   (SELECT ifnull(sum(r.settled_cents), 0) FROM receivable r WHERE r.document_id = d.id AND r.cancelled = 0)
                   - (SELECT ifnull(sum(a.amount_cents), 0) FROM receivable r
                      JOIN receivable_application a ON a.receivable_id = r.id AND a.source = 'nota_credito' AND a.undone_at IS NULL
                      WHERE r.document_id = d.id AND r.cancelled = 0) AS collected,
                   NULL AS rate_milli
            FROM billed JOIN e_document d ON d.id = billed.document_id
            WHERE d.status NOT IN ('rechazado','anulado','error')
            UNION ALL
            SELECT billed.project_id, n.currency, -(n.total_cents - n.igv_cents), -n.total_cents,
                   n.document_json -> '$.exchangeRate', 0,
                   (SELECT x.sell_milli FROM exchange_rate x WHERE x.date <= n.issue_date ORDER BY x.date DESC LIMIT 1)
            FROM notes n JOIN e_document d ON d.series = n.ref_series AND d.number = n.ref_number
            JOIN billed ON billed.document_id = d.id
            WHERE d.status NOT IN ('rechazado','anulado','error')
            ORDER BY 1, 2
            """, docArgs) {
            let currency = Currency(rawValue: row.string("currency")) ?? .pen
            var rate = row.optionalString("rate").flatMap { Decimal(string: $0) }
            if rate == nil, currency == .usd, let milli = row["rate_milli"].intValue { rate = Decimal(milli) / 1000 }
            out[row.int("project_id")]?.inputs.invoices.append(InvoicedDocument(
                currency: currency, exchangeRate: rate,
                baseCents: row.int("base"), totalCents: row.int("total_cents"), collectedCents: row.int("collected")))
        }
        return order.compactMap { out[$0] }
    }
}
