import BytekModel
import Foundation

/// The project made when a quote is accepted (inside `QuoteRepository.accept`'s transaction).
///
/// What it takes from the quote:
/// - unit, customer, currency and exchange rate of the quote; its contract when one is already recorded;
/// - sold = the one-time lines' total WITHOUT IGV (the base of products and services, after discounts;
///   subscription lines are billed apart and not counted);
/// - a role per line charged by the hour: the catalog item's name (else the line's description), its
///   quantity × 60 minutes, its unit price as bill rate (converted to the quote's currency when priced in
///   the other one); lines of one role add up;
/// - start = the acceptance day; promised = that many working days after it (the acceptance day not
///   counted): the template's total for U1, else the first number of the quote's delivery time ("5 días
///   hábiles" → 5, "2 semanas" → 10, "3 meses" → 60), else 30;
/// - manager = the quote's owner (the seller who wrote it) when an active user, else the deal's owner,
///   else the user accepting (else the owner as written: the manager is changed later with `update`);
/// - U2 with milestone terms → kind hitos: one milestone per quote milestone, with its accepted amount,
///   planned on the working day its cumulative percent reaches between start and promised;
/// - U1 → kanban from the template the package matches (`matchTemplate`: a template's name found in a
///   line's description or catalog item name; else "Landing page 7 días"): its steps become cards with
///   their checklists, due dates counted back from the promised date over the holiday table.
/// A quote without a customer (a lead not yet converted) makes no project.
extension ProjectRepository {
    static let defaultDeliveryDays = 30

    func createFromQuote(_ quote: Quote, customerId: Int64, totals: QuoteTotals, on day: LocalDate,
                         choice: ProjectChoice) throws -> Project? {
        guard let quoteId = quote.id else { return nil }
        if case .none = choice { return nil }
        let itemNames = try catalogNames(quote.lines.compactMap(\.catalogItemId))
        var sold = Money.zero(quote.currency)
        for (i, f) in totals.lines.enumerated() where !quote.lines[i].isRecurring {
            sold = sold + f.tax.base
        }
        let roles = roles(of: quote, itemNames: itemNames)
        let texts = quote.lines.flatMap { line in [line.description] + (line.catalogItemId.flatMap { itemNames[$0] }.map { [$0] } ?? []) }
        let template = quote.unit == .digital ? try matchTemplate(texts: texts, unit: quote.unit) : nil
        let calendar = try holidayTable
            .calendar(years: day.year...min(PeruHolidays.years.upperBound, day.year + 2))
        let days = template?.template.totalWorkingDays ?? Self.deliveryDays(quote.deliveryTime) ?? Self.defaultDeliveryDays
        let promised = try calendar.add(workingDays: days, to: day)
        let quoteMilestones = try db.query("SELECT * FROM quote_milestone WHERE quote_id = ? ORDER BY position", [.int(quoteId)])
        let kind: ProjectKind = quote.unit == .software && !quoteMilestones.isEmpty ? .milestones : .kanban

        if case .existing(let projectId) = choice {
            return try addQuote(quote, to: projectId, customerId: customerId, sold: sold, roles: roles, template: template,
                                milestoneRows: kind == .milestones ? quoteMilestones : [], day: day, promised: promised,
                                calendar: calendar)
        }
        let manager = try managerFor(quote)
        let contractId = try ContractRepository(db: db, user: user, now: now).forQuote(quoteId)?.id
        let firstLine = quote.lines.first(where: { !$0.isRecurring })?.description ?? quote.lines.first?.description ?? ""
        let name = String(((firstLine.isEmpty ? "Proyecto" : firstLine) + " — " + quote.number).prefix(ProjectLimits.maxName))
        let draft = Project(name: name, unit: quote.unit, kind: kind, customerId: customerId, quoteId: quoteId,
                            contractId: contractId, templateId: template?.id, manager: manager, sold: sold,
                            exchangeRate: quote.currency == .usd ? quote.exchangeRate : nil, startDate: day, promisedDate: promised)
        let milestones = try plannedMilestones(quoteMilestones, projectId: 0, firstPosition: 1, currency: quote.currency,
                                               start: day, promised: promised, calendar: calendar, include: kind == .milestones)
        let p = try insert(draft, roles: roles, milestones: milestones, checkManager: false)
        let tasks = try template.map { try addTemplateTasks($0.template, projectId: p.id, promised: promised) } ?? []
        try audit.append(entity: Self.projectEntity, entityId: p.id, action: .create,
                         summary: "\(p.code) «\(p.name)» creado al aceptar \(quote.number) v\(quote.version)"
                            + (template.map { " con la plantilla «\($0.template.name)» (\(tasks.count) tareas)" } ?? "")
                            + (milestones.isEmpty ? "" : " con \(milestones.count) hitos"),
                         after: AuditProject(p, roles: roles))
        return p
    }

    private func addQuote(_ quote: Quote, to projectId: Int64, customerId: Int64, sold: Money, roles: [ProjectRoleHours],
                          template: StoredTemplate?, milestoneRows: [Row], day: LocalDate, promised: LocalDate,
                          calendar: WorkingCalendar) throws -> Project {
        guard let before = try get(projectId) else { throw ProjectError.notFound("el proyecto \(projectId)") }
        guard before.status != .archived else { throw ProjectError.archived(before.code) }
        guard before.customerId == customerId else { throw ProjectError.otherCustomer(project: before.code) }
        guard before.sold.currency == quote.currency else {
            throw ProjectError.invalid(field: "proyecto", reason: "\(before.code) está en \(before.sold.currency.rawValue) y la cotización en \(quote.currency.rawValue)")
        }
        try validate(roles: roles, currency: quote.currency)
        let total = before.sold + sold
        guard total.amount <= Money.maximumInput else { throw ProjectError.invalid(field: "monto vendido", reason: "demasiado grande") }
        let newPromised = max(before.promisedDate, promised)
        try db.execute("UPDATE project SET sold_cents = ?, promised_date = ?, updated_at = ? WHERE id = ?",
                       [.int(total.minorUnits), .text(newPromised.description), .text(stamp), .int(projectId)])
        for r in roles { try upsertRole(projectId, r) }
        let next = Int(try db.scalar("SELECT ifnull(max(position), 0) + 1 FROM project_milestone WHERE project_id = ?",
                                     [.int(projectId)]).intValue ?? 1)
        let milestones = try plannedMilestones(milestoneRows, projectId: projectId, firstPosition: next, currency: quote.currency,
                                               start: day, promised: promised, calendar: calendar, include: true)
        for m in milestones {
            try db.execute("""
                INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state,
                    quote_milestone_id) VALUES (?, ?, ?, ?, ?, ?, 'pendiente', ?)
                """, [.int(projectId), .int(Int64(m.position)), .text(m.name), .text(m.percent.description),
                      .int(m.amount.minorUnits), .text(m.plannedDate.description), SalesColumns.id(m.quoteMilestoneId)])
        }
        let tasks = try template.map { try addTemplateTasks($0.template, projectId: projectId, promised: promised) } ?? []
        let after = try get(projectId) ?? before
        try audit.append(entity: Self.projectEntity, entityId: projectId, action: .update,
                         summary: "\(before.code): agregada \(quote.number) v\(quote.version) (\(sold.formatted) vendido"
                            + (tasks.isEmpty ? "" : ", \(tasks.count) tareas") + (milestones.isEmpty ? "" : ", \(milestones.count) hitos") + ")",
                         before: AuditProject(before), after: AuditProject(after, roles: roles))
        return after
    }

    /// The quote's milestones planned between start and promised by cumulative percent (working days).
    private func plannedMilestones(_ rows: [Row], projectId: Int64, firstPosition: Int, currency: Currency, start: LocalDate,
                                   promised: LocalDate, calendar: WorkingCalendar, include: Bool) throws -> [ProjectMilestone] {
        guard include, !rows.isEmpty else { return [] }
        let span = start < promised ? try calendar.workingDays(between: start.adding(days: 1), and: promised) : 0
        var cumulative = Decimal(0)
        return try rows.enumerated().map { i, row in
            let percent = SalesColumns.decimal(row.string("percent"))
            cumulative += percent
            let planned: LocalDate
            if i == rows.count - 1 { planned = promised } else {
                var share = Decimal(span) * cumulative / 100
                var rounded = Decimal()
                NSDecimalRound(&rounded, &share, 0, .plain)
                planned = try calendar.add(workingDays: min(span, max(0, NSDecimalNumber(decimal: rounded).intValue)), to: start)
            }
            return ProjectMilestone(projectId: projectId, position: firstPosition + i, name: row.string("name"), percent: percent,
                                    amount: Money(minorUnits: SalesColumns.optionalInt(row["amount_cents"]) ?? 0, currency),
                                    plannedDate: planned, quoteMilestoneId: row.int("id"))
        }
    }

    private func roles(of quote: Quote, itemNames: [Int64: String]) -> [ProjectRoleHours] {
        var order: [String] = []
        var byRole: [String: ProjectRoleHours] = [:]
        for line in quote.lines where line.rateBasis == .hour && !line.isRecurring {
            let raw = line.catalogItemId.flatMap { itemNames[$0] } ?? line.description
            var role = String(raw.trimmingCharacters(in: .whitespacesAndNewlines).prefix(ProjectLimits.maxRole))
            if role.isEmpty { role = "horas" }
            var minutes = line.quantity * 60
            var rounded = Decimal()
            NSDecimalRound(&rounded, &minutes, 0, .plain)
            let m = max(0, min(10_000_000, NSDecimalNumber(decimal: rounded).intValue))
            var rate = line.unitPrice
            if rate.currency != quote.currency, let fx = quote.exchangeRate, fx > 0 {
                rate = (rate.currency == .usd ? Money(rate.amount * fx, quote.currency) : Money(rate.amount / fx, quote.currency)).rounded()
            } else if rate.currency != quote.currency {
                rate = Money.zero(quote.currency)
            }
            let key = TextFold.fold(role)
            if var r = byRole[key] {
                r.quotedMinutes += m
                if !rate.isZero { r.billRate = rate }
                byRole[key] = r
            } else {
                order.append(key)
                byRole[key] = ProjectRoleHours(role: role, quotedMinutes: m, billRate: rate.rounded())
            }
        }
        return order.compactMap { byRole[$0] }
    }

    private func catalogNames(_ ids: [Int64]) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for id in Set(ids) {
            if let n = try db.scalar("SELECT name FROM catalog_item WHERE id = ?", [.int(id)]).stringValue { names[id] = n }
        }
        return names
    }

    private func managerFor(_ quote: Quote) throws -> String {
        var candidates = [quote.owner]
        if let dealId = quote.dealId, let owner = try db.scalar("SELECT owner FROM deal WHERE id = ?", [.int(dealId)]).stringValue {
            candidates.append(owner)
        }
        candidates.append(user)
        for login in candidates where !login.isEmpty {
            if try db.queryOne("SELECT 1 FROM app_user WHERE login = ? AND active = 1", [.text(login)]) != nil { return login }
        }
        return quote.owner.isEmpty ? user : quote.owner
    }

    /// Working days of a delivery time typed in a quote: "5 días hábiles" → 5, "2 semanas" → 10,
    /// "3 meses" → 60; nil when it has no number (or an absurd one).
    public static func deliveryDays(_ text: String) -> Int? {
        let folded = TextFold.fold(text)
        guard let range = folded.range(of: "[0-9]+", options: .regularExpression),
              let n = Int(folded[range]), n > 0, n <= 1000 else { return nil }
        let rest = folded[range.upperBound...]
        if rest.contains("semana") { return n * 5 }
        if rest.contains("mes") { return n * 20 }
        return n
    }

    // MARK: reopening the quote

    /// Whether the projects made from quote `quoteId` have work done (hours logged or cards moved):
    /// their codes, for `QuoteReopenBlocker.projectWork`.
    func projectsWithWork(quoteId: Int64) throws -> [String] {
        try db.query("""
            SELECT code FROM project WHERE quote_id = ?1 AND status <> 'archivado' AND (
                EXISTS (SELECT 1 FROM timesheet_entry WHERE timesheet_entry.project_id = project.id)
                OR EXISTS (SELECT 1 FROM project_task WHERE project_task.project_id = project.id
                           AND (state <> 'por_hacer' OR state_since <> created_at)))
            ORDER BY id
            """, [.int(quoteId)]).map { $0.string("code") }
    }

    /// Archives the projects made from quote `quoteId` when it is reopened (inside its transaction).
    func archiveForReopen(quoteId: Int64, quoteNumber: String) throws {
        for row in try db.query("SELECT id FROM project WHERE quote_id = ? AND status <> 'archivado'", [.int(quoteId)]) {
            try archive(row.int("id"), reason: "cotización \(quoteNumber) reabierta")
        }
    }
}
