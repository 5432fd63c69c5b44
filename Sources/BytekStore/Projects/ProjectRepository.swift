import BytekModel
import Foundation

/// Projects (issue 13 §1): created by hand or from an accepted quote, edited, archived (never deleted),
/// with their roles (hours sold, bill rates) and milestones. Tasks, boards, templates and the creation
/// from a quote are in the `ProjectRepository+…` files. Each change is one transaction with its audit entry.
public struct ProjectRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let projectEntity = "proyecto"
    public static let taskEntity = "tarea"
    public static let templateEntity = "plantilla_proyecto"

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }
    /// The holiday table, writing the law's days of a year first used with this actor and door.
    var holidayTable: HolidayRepository {
        var h = HolidayRepository(db: db, user: user, now: now)
        h.door = door
        return h
    }
    var stamp: String { ISOTimestamp.format(now()) }
    /// Today in Lima by the repository's clock.
    var today: LocalDate { LocalDate(now(), in: ProjectRepository.lima) }
    static let lima = TimeZone(identifier: "America/Lima")!

    // MARK: create

    /// Saves a new project made by hand (its code taken from the gapless yearly series), with its roles.
    /// Checked: name (≤ 200), customer exists, manager an active user, dates within range and promised
    /// on or after the start, roles named with minutes and rates not negative. With a `templateId` the
    /// template's steps become its cards, due dates counted back from the promised date.
    @discardableResult
    public func create(_ project: Project, roles: [ProjectRoleHours] = []) throws -> Project {
        let template = try project.templateId.map { id throws -> StoredTemplate in
            guard let t = try self.template(id) else { throw ProjectError.templateNotFound("#\(id)") }
            guard t.active else { throw ProjectError.templateInactive(t.template.name) }
            return t
        }
        return try db.write {
            let p = try insert(project, roles: roles, milestones: [])
            let tasks = try template.map { try addTemplateTasks($0.template, projectId: p.id, promised: p.promisedDate) } ?? []
            try audit.append(entity: Self.projectEntity, entityId: p.id, action: .create,
                             summary: "\(p.code) «\(p.name)» creado"
                                + (template.map { " con la plantilla «\($0.template.name)» (\(tasks.count) tareas)" } ?? ""),
                             after: AuditProject(p, roles: roles))
            return p
        }
    }

    /// Inserts a validated project with roles and milestones (inside the caller's transaction).
    /// `checkManager` false: a project made from a quote keeps a manager that is no longer an active user
    /// (see `managerFor`) rather than refusing the acceptance; it is changed with `update`.
    func insert(_ draft: Project, roles: [ProjectRoleHours], milestones: [ProjectMilestone], checkManager: Bool = true) throws -> Project {
        var p = try validated(draft)
        try validate(roles: roles, currency: p.sold.currency)
        guard try db.queryOne("SELECT id FROM customer WHERE id = ?", [.int(p.customerId)]) != nil else {
            throw ProjectError.customerNotFound(p.customerId)
        }
        if checkManager { try requireActive(p.manager, manager: true) }
        let created = today
        let sequence = try Numbering.next(Project.series(year: created.year), in: db)
        p.code = Project.code(year: created.year, sequence: sequence)
        p.status = .active
        let at = stamp
        try db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, quote_id, contract_id, template_id, manager, status,
                currency, sold_cents, exchange_rate, start_date, promised_date, notes, created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'activo', ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(p.code), .text(p.name), .text(p.unit.rawValue), .text(p.kind.rawValue), .int(p.customerId),
                  SalesColumns.id(p.quoteId), SalesColumns.id(p.contractId), SalesColumns.id(p.templateId),
                  .text(p.manager), .text(p.sold.currency.rawValue), .int(p.sold.minorUnits),
                  p.exchangeRate.map { .text($0.description) } ?? .null, .text(p.startDate.description),
                  .text(p.promisedDate.description), .text(p.notes), .text(user), .text(at), .text(at)])
        p.id = db.lastInsertRowID
        for r in roles { try upsertRole(p.id, r) }
        for m in milestones {
            try db.execute("""
                INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state,
                    quote_milestone_id) VALUES (?, ?, ?, ?, ?, ?, 'pendiente', ?)
                """, [.int(p.id), .int(Int64(m.position)), .text(m.name), .text(m.percent.description),
                      .int(m.amount.minorUnits), .text(m.plannedDate.description), SalesColumns.id(m.quoteMilestoneId)])
        }
        return try get(p.id) ?? p
    }

    func upsertRole(_ projectId: Int64, _ r: ProjectRoleHours) throws {
        try db.execute("""
            INSERT INTO project_role(project_id, role, quoted_minutes, bill_rate_cents) VALUES (?, ?, ?, ?)
            ON CONFLICT(project_id, role) DO UPDATE SET quoted_minutes = quoted_minutes + excluded.quoted_minutes,
                bill_rate_cents = CASE WHEN excluded.bill_rate_cents > 0 THEN excluded.bill_rate_cents ELSE bill_rate_cents END
            """, [.int(projectId), .text(r.role), .int(Int64(r.quotedMinutes)), .int(r.billRate.minorUnits)])
    }

    func validated(_ draft: Project) throws -> Project {
        var p = draft
        p.name = try ProjectLimits.text(p.name, field: "nombre", max: ProjectLimits.maxName)
        p.manager = try ProjectLimits.text(p.manager, field: "responsable", max: 64)
        p.notes = try ProjectLimits.text(p.notes, field: "notas", max: ProjectLimits.maxNotes, required: false)
        p.startDate = try ProjectLimits.date(p.startDate, field: "inicio")
        p.promisedDate = try ProjectLimits.date(p.promisedDate, field: "fecha prometida")
        guard p.promisedDate >= p.startDate else { throw ProjectError.promisedBeforeStart(start: p.startDate, promised: p.promisedDate) }
        guard !p.sold.isNegative else { throw ProjectError.invalid(field: "monto vendido", reason: "no puede ser negativo") }
        guard p.sold.amount <= Money.maximumInput else {
            throw ProjectError.invalid(field: "monto vendido", reason: "demasiado grande")
        }
        return p
    }

    func validate(roles: [ProjectRoleHours], currency: Currency) throws {
        var seen = Set<String>()
        for r in roles {
            let name = try ProjectLimits.text(r.role, field: "rol", max: ProjectLimits.maxRole)
            guard seen.insert(TextFold.fold(name)).inserted else { throw ProjectError.invalid(field: "rol «\(name)»", reason: "repetido") }
            guard r.quotedMinutes >= 0, r.quotedMinutes <= 10_000_000 else {
                throw ProjectError.invalid(field: "horas del rol «\(name)»", reason: "entre 0 y 166,666 horas")
            }
            guard !r.billRate.isNegative, r.billRate.amount <= Money.maximumInput else {
                throw ProjectError.invalid(field: "tarifa del rol «\(name)»", reason: "no negativa y dentro del límite")
            }
        }
    }

    /// The active user `login`, or the field's error.
    func requireActive(_ login: String, manager: Bool) throws {
        guard let row = try db.queryOne("SELECT active FROM app_user WHERE login = ?", [.text(login)]), row.int("active") == 1 else {
            throw manager ? ProjectError.managerNotActive(login) : ProjectError.assigneeNotActive(login)
        }
    }

    // MARK: read

    static let selectProject = """
        SELECT project.*, customer.legal_name AS customer_name FROM project JOIN customer ON customer.id = project.customer_id
        """

    public func get(_ id: Int64) throws -> Project? {
        try db.queryOne(Self.selectProject + " WHERE project.id = ?", [.int(id)]).map(Self.project)
    }

    /// By code ("PRY-2026-00001"), case-insensitively.
    public func get(code: String) throws -> Project? {
        try db.queryOne(Self.selectProject + " WHERE project.code = ? COLLATE NOCASE",
                        [.text(code.trimmingCharacters(in: .whitespaces))]).map(Self.project)
    }

    /// The projects made from quote version `quoteId` (or to which its work was added: see `project_quote`).
    public func forQuote(_ quoteId: Int64) throws -> [Project] {
        try db.query(Self.selectProject + " WHERE project.quote_id = ? ORDER BY project.id", [.int(quoteId)]).map(Self.project)
    }

    public func roles(_ projectId: Int64) throws -> [ProjectRoleHours] {
        guard let p = try get(projectId) else { return [] }
        return try db.query("SELECT * FROM project_role WHERE project_id = ? ORDER BY role", [.int(projectId)]).map {
            ProjectRoleHours(role: $0.string("role"), quotedMinutes: Int($0.int("quoted_minutes")),
                             billRate: Money(minorUnits: $0.int("bill_rate_cents"), p.sold.currency))
        }
    }

    public func milestones(_ projectId: Int64) throws -> [ProjectMilestone] {
        guard let p = try get(projectId) else { return [] }
        return try db.query("SELECT * FROM project_milestone WHERE project_id = ? ORDER BY position", [.int(projectId)]).map {
            Self.milestone($0, currency: p.sold.currency)
        }
    }

    public func milestone(_ id: Int64) throws -> ProjectMilestone? {
        try db.queryOne("""
            SELECT project_milestone.*, project.currency FROM project_milestone JOIN project ON project.id = project_milestone.project_id
            WHERE project_milestone.id = ?
            """, [.int(id)]).map { Self.milestone($0, currency: SalesColumns.currency($0.string("currency"))) }
    }

    // MARK: edit, archive

    /// Changes name, manager, promised date, status (activo/pausado/terminado) or notes.
    @discardableResult
    public func update(_ id: Int64, _ changes: ProjectChanges) throws -> Project {
        try db.write {
            guard let before = try get(id) else { throw ProjectError.notFound("el proyecto \(id)") }
            guard before.status != .archived else { throw ProjectError.archived(before.code) }
            var after = before
            if let n = changes.name { after.name = n }
            if let m = changes.manager { after.manager = m.trimmingCharacters(in: .whitespaces) }
            if let d = changes.promisedDate { after.promisedDate = d }
            if let s = changes.status {
                guard s != .archived else { throw ProjectError.invalid(field: "estado", reason: "para archivar use «archivar»") }
                after.status = s
            }
            if let n = changes.notes { after.notes = n }
            after = try validated(after)
            if after.manager != before.manager { try requireActive(after.manager, manager: true) }
            try db.execute("""
                UPDATE project SET name = ?, manager = ?, promised_date = ?, status = ?, notes = ?, updated_at = ? WHERE id = ?
                """, [.text(after.name), .text(after.manager), .text(after.promisedDate.description),
                      .text(after.status.rawValue), .text(after.notes), .text(stamp), .int(id)])
            try audit.append(entity: Self.projectEntity, entityId: id, action: .update,
                             summary: "\(after.code) modificado", before: AuditProject(before), after: AuditProject(after))
            return after
        }
    }

    /// Archives a project (hidden from the default list; never deleted). `reason` goes to the audit log.
    @discardableResult
    public func archive(_ id: Int64, reason: String = "") throws -> Project {
        try db.write {
            guard let before = try get(id) else { throw ProjectError.notFound("el proyecto \(id)") }
            guard before.status != .archived else { throw ProjectError.archived(before.code) }
            let at = stamp
            try db.execute("UPDATE project SET status = 'archivado', archived_at = ?, updated_at = ? WHERE id = ?",
                           [.text(at), .text(at), .int(id)])
            var after = before
            after.status = .archived
            let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            try audit.append(entity: Self.projectEntity, entityId: id, action: .archive,
                             summary: "\(before.code) archivado" + (why.isEmpty ? "" : ": \(why)"), before: AuditProject(before), after: AuditProject(after))
            return after
        }
    }

    // MARK: decode

    static func project(_ row: Row) -> Project {
        let currency = SalesColumns.currency(row.string("currency"))
        return Project(id: row.int("id"), code: row.string("code"), name: row.string("name"),
                       unit: SalesColumns.unit(row.string("unit")), kind: ProjectKind(rawValue: row.string("kind")) ?? .kanban,
                       customerId: row.int("customer_id"), customerName: row.string("customer_name"),
                       quoteId: SalesColumns.optionalInt(row["quote_id"]), contractId: SalesColumns.optionalInt(row["contract_id"]),
                       templateId: SalesColumns.optionalInt(row["template_id"]), manager: row.string("manager"),
                       status: ProjectStatus(rawValue: row.string("status")) ?? .active,
                       sold: Money(minorUnits: row.int("sold_cents"), currency),
                       exchangeRate: SalesColumns.optionalDecimal(row["exchange_rate"]),
                       startDate: SalesColumns.date(row["start_date"]) ?? LocalDate(daysSinceEpoch: 0),
                       promisedDate: SalesColumns.date(row["promised_date"]) ?? LocalDate(daysSinceEpoch: 0),
                       notes: row.string("notes"))
    }

    static func milestone(_ row: Row, currency: Currency) -> ProjectMilestone {
        ProjectMilestone(id: row.int("id"), projectId: row.int("project_id"), position: Int(row.int("position")),
                         name: row.string("name"), percent: SalesColumns.decimal(row.string("percent")),
                         amount: Money(minorUnits: row.int("amount_cents"), currency),
                         plannedDate: SalesColumns.date(row["planned_date"]) ?? LocalDate(daysSinceEpoch: 0),
                         state: MilestoneState(rawValue: row.string("state")) ?? .pending,
                         quoteMilestoneId: SalesColumns.optionalInt(row["quote_milestone_id"]),
                         documentId: SalesColumns.optionalInt(row["document_id"]),
                         invoiceQueuedAt: row["invoice_queued_at"].stringValue.flatMap(ISOTimestamp.parse))
    }
}

/// A project as the audit log records it.
struct AuditProject: Encodable {
    var code: String, name: String, unit: String, kind: String, customerId: Int64, manager: String
    var status: String, sold: String, start: String, promised: String, notes: String, roles: [String]
    init(_ p: Project, roles: [ProjectRoleHours] = []) {
        status = p.status.rawValue; notes = p.notes
        code = p.code; name = p.name; unit = p.unit.rawValue; kind = p.kind.rawValue; customerId = p.customerId
        manager = p.manager; sold = p.sold.formatted; start = p.startDate.description; promised = p.promisedDate.description
        self.roles = roles.map { "\($0.role): \($0.quotedMinutes) min a \($0.billRate.formatted)/h" }
    }
}
