import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Delivery in the demo (issue 13), made through the operations layer as the people who would do it, on a clock
/// that walks through the past days (so every date — created, moved, approved, invoiced, paid — is the day it
/// happened, and every rule of the program is checked on the demo):
/// - U1 "Landing page 7 días" projects made from the template (cards in every column, some late, two blocked
///   with a reason), cards moved day by day by their assignees (by the manager, operaciones, for those who only
///   read Proyectos);
/// - U2 projects from accepted quotes (ventas), with milestones at every state: pendiente, en curso (a
///   deliverable attached), listo para aprobación, cambios pedidos, aprobado (queued for finanzas), facturado
///   and pagado (finanzas issues the milestone invoice, in series F003 dated up to 3 days back; the payment and
///   the detracción deposit recorded) — one project held by its overdue milestone invoice and one whose gate the
///   admin lifted with a reason until a date;
/// - a month of hours for five people (cost rates set by finanzas; four weeks sent and approved, the rate
///   frozen; the current week open), the hours on a held project going to another one, as the gate demands;
/// - other costs (one entered twice and reversed by finanzas).
/// Deterministic: only `now` and the rows already seeded decide it.
public enum DemoProjects {
    public struct Summary: Sendable {
        public var projects = 0
        public var tasks = 0
        public var hours = 0
        public var costs = 0
    }

    static let people: [(login: String, role: Role, rate: String)] = [
        ("operaciones", .operaciones, "95.00"), ("tecnico", .tecnico, "60.00"), ("soporte", .soporte, "45.00"),
        ("admin", .admin, "70.00"), ("ventas", .ventas, "38.00"),
    ]

    @discardableResult
    public static func seed(store: Store, now: Date,
                            environment: @escaping @Sendable () -> [String: String] = { ProcessInfo.processInfo.environment }) throws -> Summary {
        var seeder = Seeder(store: store, now: now, environment: environment)
        let customers = try store.db.query("SELECT id FROM customer ORDER BY id LIMIT 12").map { $0.int("id") }
        guard customers.count >= 8 else { return Summary() }
        try seeder.landings(customers: customers)
        try seeder.milestoneProjects()
        try seeder.hours()
        try seeder.costs()
        return seeder.summary
    }

    struct Seeder {
        let store: Store
        let now: Date
        let environment: @Sendable () -> [String: String]
        let today: LocalDate
        var summary = Summary()
        /// The landings, then the milestone projects, in the order they were made.
        var projectIds: [Int64] = []
        let files: URL

        init(store: Store, now: Date, environment: @escaping @Sendable () -> [String: String]) {
            self.store = store; self.now = now; self.environment = environment
            today = LimaTime.date(now)
            files = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bytek-demo-\(getpid())")
        }

        /// `login` (of `role`) acting through the CLI `days` days ago, `minute` minutes into that day in Lima (never
        /// later than `now`).
        func services(_ login: String, _ role: Role, daysAgo days: Int = 0, minute: Int = 0) -> Services {
            let at = min(now, midnight.addingTimeInterval(Double(-days) * 86_400 + Double(minute) * 60))
            return Services(store: store, actor: .staff(login, role: role, door: .cli), now: { at }, environment: environment)
        }

        /// Midnight of today in Lima (UTC−5 all year).
        var midnight: Date {
            let lima = 5 * 3_600.0
            return Date(timeIntervalSince1970: ((now.timeIntervalSince1970 - lima) / 86_400).rounded(.down) * 86_400 + lima)
        }

        func daysAgo(_ d: LocalDate) -> Int { d.days(until: today) }

        func day(_ daysAgo: Int) -> LocalDate { today.adding(days: -daysAgo) }

        // MARK: U1

        static let assignees = ["ventas", "operaciones", "tecnico", "soporte", "admin"]

        /// Who moves `assignee`'s cards: the assignee when they write Proyectos (admin, operaciones, técnico), else
        /// the project's manager (operaciones).
        static func mover(_ assignee: String) -> (String, Role) {
            let role = DemoProjects.people.first { $0.login == assignee }?.role ?? .operaciones
            return PermissionMatrix.canWrite(role, .projects) ? (assignee, role) : ("operaciones", .operaciones)
        }

        /// Five landings at different points of their 7 working days: the cards before the current one done,
        /// the current one in progress (blocked for two of them), the next one in review, the rest to do.
        mutating func landings(customers: [Int64]) throws {
            let ops = services("operaciones", .operaciones)
            let template = try ops.projects.template(named: DefaultTemplates.landingPage.name)
            let plans: [(String, Int, Int, Int)] = [  // name, days since start, cards done, days from start to the promise
                ("Landing Black Friday", 6, 4, 9), ("Landing Clínica Sonrisas", 3, 2, 9), ("Landing Colegio San Martín", 1, 0, 9),
                ("Landing Inmobiliaria Sol", 9, 3, 7), ("Landing Restaurante Ñaña", 5, 5, 9),
            ]
            for (i, (name, started, done, span)) in plans.enumerated() {
                let start = day(started)
                let maker = services("operaciones", .operaciones, daysAgo: started, minute: 9 * 60)
                let p = try maker.projects.create(Project(
                    name: name, unit: .digital, kind: .kanban, customerId: customers[i], templateId: template?.id, manager: "operaciones",
                    sold: Money(minorUnits: 250_000 + Int64(i) * 30_000, .pen), startDate: start, promisedDate: start.adding(days: span)),
                    roles: [ProjectRoleHours(role: "diseñador", quotedMinutes: 600, billRate: .zero(.pen)),
                            ProjectRoleHours(role: "desarrollador", quotedMinutes: 900, billRate: .zero(.pen)),
                            ProjectRoleHours(role: "contenido", quotedMinutes: 300, billRate: .zero(.pen))])
                projectIds.append(p.id)
                summary.projects += 1
                for (k, task) in try maker.projects.tasks(p.id).enumerated() {
                    summary.tasks += 1
                    let who = Self.assignees[(k + i) % Self.assignees.count]
                    try maker.projects.editTask(task.id, TaskChanges(assignee: .some(who)))
                    // Its assignee works it: started the day after the previous card was done.
                    let begun = max(0, started - k), finished = max(0, started - k - 1)
                    let (mover, role) = Self.mover(who)
                    let worker = services(mover, role, daysAgo: begun, minute: 10 * 60)
                    let closer = services(mover, role, daysAgo: finished, minute: 17 * 60)
                    let checks = try worker.projects.checks(task.id)
                    if k < done {
                        try worker.projects.moveTask(task.id, .to(.inProgress))
                        for c in checks { try closer.projects.toggleCheck(c.id) }
                        try closer.projects.moveTask(task.id, .to(.review))
                        try closer.projects.moveTask(task.id, .to(.done))
                    } else if k == done {
                        try worker.projects.moveTask(task.id, .to(.inProgress))
                        if let first = checks.first { try worker.projects.toggleCheck(first.id) }
                        let reason = i == 1 ? "Falta el logo en alta resolución del cliente" : i == 3 ? "El cliente no envía los textos" : ""
                        if !reason.isEmpty { try worker.projects.block(task.id, reason: reason) }
                    } else if k == done + 1 {
                        // Prepared ahead and waiting for review.
                        try worker.projects.moveTask(task.id, .to(.inProgress))
                        try worker.projects.moveTask(task.id, .to(.review))
                    }
                }
            }
        }

        // MARK: U2

        /// A file made on the spot for a deliverable or a piece of evidence (its content decides its hash).
        func file(_ name: String, _ text: String) throws -> String {
            try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
            let url = files.appendingPathComponent(name)
            try Data("%PDF-1.4\n% BYTEK demo\n\(text)\n%%EOF\n".utf8).write(to: url)
            return url.path
        }

        /// Four software projects from quotes accepted by their customers, their milestones at every state.
        mutating func milestoneProjects() throws {
            defer { try? FileManager.default.removeItem(at: files) }
            let db = store.db
            var items: [String: (id: Int64, item: CatalogItem)] = [:]
            let catalog = Dictionary(DemoCatalog.items().map { ($0.sku, $0) }, uniquingKeysWith: { a, _ in a })
            try db.forEach("SELECT id, sku FROM catalog_item") { row in
                if let item = catalog[row.string("sku")] { items[row.string("sku")] = (row.int("id"), item) }
            }
            func line(_ sku: String, _ hours: Decimal) -> QuoteLine? {
                guard let entry = items[sku] else { return nil }
                let item = entry.item
                return .service(item.name, quantity: hours, rate: item.price, basis: item.rateBasis ?? .hour, catalogItemId: entry.id,
                                taxCategory: item.taxCategory, unitCost: item.cost)
            }
            // Customers no other part of the demo bills (so their receivables are the milestones' own): two on
            // credit with the largest limits (the quotes fit in them), two paying at once (0 credit days: an unpaid
            // milestone invoice is overdue the day after).
            let used = Set(try db.query("SELECT DISTINCT customer_id FROM receivable WHERE customer_id IS NOT NULL").map { $0.int("customer_id") }
                + db.query("SELECT DISTINCT customer_id FROM quote WHERE customer_id IS NOT NULL").map { $0.int("customer_id") })
            let free = try db.query("""
                SELECT id, credit_days FROM customer WHERE doc_type = 'RUC' ORDER BY credit_limit_cents DESC, id
                """).map { (id: $0.int("id"), days: $0.int("credit_days")) }.filter { !used.contains($0.id) }
            let cash = free.filter { $0.days == 0 }, credit = free.filter { $0.days > 0 }
            guard cash.count >= 2, credit.count >= 2 else { return }
            let terms = [Milestone(name: "Análisis y diseño", percent: 30), Milestone(name: "Desarrollo", percent: 30),
                              Milestone(name: "Puesta en producción", percent: 40)]
            typealias Plan = (name: String, customer: Int64, currency: Currency, started: Int, states: [MilestoneState])
            let plans: [Plan] = [
                ("Portal de proveedores", credit[0].id, .pen, 40, [.invoiced, .ready, .pending]),
                ("App de reservas", credit[1].id, .usd, 37, [.approved, .changesRequested, .pending]),
                ("ERP de almacén (bloqueado)", cash[0].id, .pen, 34, [.invoiced, .inProgress, .pending]),
                ("Intranet (desbloqueada por admin)", cash[1].id, .pen, 31, [.invoiced, .inProgress, .pending]),
            ]
            // Approved milestones wait for finanzas while the demo is made (finanzas issues each on its day);
            // the setting goes back to automatic at the end.
            try services("admin", .admin, daysAgo: 41).milestones.setBillingMode(.finance)
            // SUNAT takes a factura up to 3 days after its date, and a series' numbers go in date order: the rest of
            // the demo bills today in F001, so the milestone invoices dated these last days go in a series of their
            // own (F003, as a company keeps one per line of business), F001 restored at the end.
            let admin = services("admin", .admin, daysAgo: 3, minute: 8 * 60)
            guard let billing = try admin.company.settings() else { return }
            var milestoneSeries = billing
            milestoneSeries.series[DocumentKind.factura.code] = "F003"
            try admin.company.save(milestoneSeries)
            for (i, plan) in plans.enumerated() {
                let seller = services("ventas", .ventas, daysAgo: plan.started + 2, minute: 11 * 60)
                var lines: [QuoteLine]
                if plan.currency == .usd {
                    lines = [.service("Análisis funcional", quantity: 40, rate: Money(35, .usd), basis: .hour),
                             .service("Desarrollo de la app (iOS y Android)", quantity: 220, rate: Money(40, .usd), basis: .hour),
                             .service("Diseño de interfaz", quantity: 50, rate: Money(30, .usd), basis: .hour)]
                } else {
                    lines = [line("ANALISIS-HORA", 40), line("DEV-HORA", 200), line("QA-HORA", 50)].compactMap { $0 }
                }
                let quote = try seller.quotes.create(Quote(QuoteContent(
                    customerId: plan.customer, unit: .software, currency: plan.currency,
                    exchangeRate: plan.currency == .usd ? Decimal(string: "3.750") : nil, issueDate: day(plan.started + 2),
                    deliveryTime: "16 semanas", paymentTerms: .milestones(terms), lines: lines, owner: "ventas")))
                guard let quoteId = quote.id else { continue }
                try seller.quotes.send(quoteId)
                let acceptance = try services("ventas", .ventas, daysAgo: plan.started, minute: 9 * 60).quotes.accept(quoteId)
                guard let made = acceptance.project else { continue }
                let ops = services("operaciones", .operaciones, daysAgo: plan.started, minute: 10 * 60)
                try ops.projects.update(made.id, ProjectChanges(name: plan.name, manager: "operaciones"))
                projectIds.append(made.id)
                summary.projects += 1
                try milestones(of: made.id, plan: plan, index: i)
            }
            try services("admin", .admin).company.save(billing)
            try services("admin", .admin).milestones.setBillingMode(.automatic)
        }

        /// Three cards per milestone, then the milestone taken to its state on the days it happened.
        mutating func milestones(of projectId: Int64, plan: (name: String, customer: Int64, currency: Currency, started: Int,
                                                            states: [MilestoneState]), index i: Int) throws {
            let ops = services("operaciones", .operaciones, daysAgo: plan.started, minute: 10 * 60)
            let list = try ops.projects.milestones(projectId)
            for (k, m) in list.enumerated() where k < plan.states.count {
                let state = plan.states[k]
                // Milestone k's work happens in its own ten days: 1 → days 0…10 of the project, 2 → 11…21…
                let begun = plan.started - 11 * k
                for t in 0..<3 {
                    let who = Self.assignees[(t + k + 1) % Self.assignees.count]
                    let (mover, role) = Self.mover(who)
                    let task = try ops.projects.addTask(ProjectTask(
                        projectId: projectId, milestoneId: m.id, title: "\(["Requisitos", "Módulo", "Pruebas"][t]) \(k + 1)",
                        assignee: who, dueDate: m.plannedDate.adding(days: -3 + t)))
                    summary.tasks += 1
                    let worker = services(mover, role, daysAgo: max(0, begun - 2 * t), minute: 10 * 60)
                    let closer = services(mover, role, daysAgo: max(0, begun - 2 * t - 2), minute: 17 * 60)
                    switch state {
                    case .pending: continue
                    case .approved, .invoiced:
                        try worker.projects.moveTask(task.id, .to(.inProgress))
                        try closer.projects.moveTask(task.id, .to(.review))
                        try closer.projects.moveTask(task.id, .to(.done))
                    default:
                        let target: TaskState = [.done, .inProgress, .review][t]
                        try worker.projects.moveTask(task.id, .to(.inProgress))
                        if target != .inProgress { try closer.projects.moveTask(task.id, .to(.review)) }
                        if target == .done { try closer.projects.moveTask(task.id, .to(.done)) }
                    }
                }
                guard state != .pending else { continue }
                // The deliverable, uploaded when the work is nearly done.
                let delivered = max(0, begun - 7)
                let uploader = services("operaciones", .operaciones, daysAgo: delivered, minute: 12 * 60)
                let path = try file("entregable-hito-\(k + 1).pdf", "\(plan.name) — \(m.name)")
                let d = try uploader.milestones.attach(milestoneId: m.id, path: path)
                guard state != .inProgress else { continue }
                if state != .ready { try uploader.milestones.release(deliverableId: d.id) }
                try uploader.milestones.markReady(milestoneId: m.id)
                guard state != .ready else { continue }
                let decided = max(0, delivered - 2)
                let recorder = services("operaciones", .operaciones, daysAgo: decided, minute: 16 * 60)
                if state == .changesRequested {
                    let mail = try file("correo-cambios-hito-\(k + 1).eml", "Por favor cambien la paleta de colores del panel.")
                    try recorder.milestones.recordSignoff(milestoneId: m.id, decision: .changes, channel: .email, who: "Contacto del cliente",
                                                          evidencePath: mail, comment: "Cambiar la paleta de colores del panel")
                    continue
                }
                let acta = try file("acta-hito-\(k + 1).pdf", "Acta de conformidad — \(plan.name) — \(m.name)")
                try recorder.milestones.recordSignoff(milestoneId: m.id, channel: .signedRecord, who: "Gerente del cliente", evidencePath: acta)
                guard state == .invoiced else { continue }
                // Finanzas issues the invoice (as far back as SUNAT allows: 3 days, then 2): the customers paying at
                // once owe theirs since that day (overdue today); the one on credit pays it, and its detracción, today.
                let finanzas = services("finanzas", .finanzas, daysAgo: i == 3 ? 2 : 3, minute: 17 * 60)
                let record = try finanzas.milestones.issueInvoice(milestoneId: m.id)
                if i == 0 { try pay(documentID: record.documentID, daysAgo: 0) }
            }
            if i == 3 {
                try services("admin", .admin, minute: 9 * 60).projectGate.lift(
                    projectId: projectId, reason: "El cliente envió la constancia de pago; se espera el abono", until: today.adding(days: 7))
            }
        }

        /// Finanzas records the customer's transfer of the net and the deposit of the detracción at the Banco de la Nación.
        func pay(documentID: String, daysAgo: Int) throws {
            let finanzas = services("finanzas", .finanzas, daysAgo: daysAgo, minute: 11 * 60)
            let accounts = try finanzas.receivables.bankAccounts()
            for r in try finanzas.receivables.receivables(documentID: documentID) where r.isOpen {
                if r.part == .detraccion {
                    try finanzas.receivables.recordDetraccionDeposit(documentID: documentID, constancia: "4\(String(100_000_000 + r.id))",
                                                                      date: day(daysAgo), amount: r.balance)
                    continue
                }
                guard let customerId = r.customerId,
                      let account = accounts.first(where: { !$0.isDetraccion && $0.currency == r.balance.currency }) else { continue }
                try finanzas.receivables.recordPayment(PaymentInput(
                    customerId: customerId, date: day(daysAgo), method: .transferencia, bankAccountId: account.id,
                    operationNumber: "07\(r.id)", amount: r.balance, applications: [PaymentApplication(receivableId: r.id, amount: r.balance)]))
            }
        }

        // MARK: hours

        /// Five people log their days for four weeks and this one (most hours on the milestone projects, a landing
        /// every third day); finanzas set their cost rates first; each past week is sent on its Friday and approved
        /// by operaciones the Monday after (admin approves operaciones' own); this week stays open.
        mutating func hours() throws {
            guard projectIds.count > 5 else { return }
            let monday = TimesheetEntry.week(of: today)
            let firstDay = monday.adding(days: -28)
            let finanzas = services("finanzas", .finanzas, daysAgo: daysAgo(firstDay) + 60)
            for person in DemoProjects.people {
                try finanzas.timesheets.setRate(login: person.login, rate: person.rate, from: firstDay.adding(days: -60))
            }
            for (n, person) in DemoProjects.people.enumerated() {
                var k = 0
                var week = firstDay
                while week <= monday {
                    defer { week = week.adding(days: 7) }
                    for offset in 0..<5 {
                        let d = week.adding(days: offset)
                        guard d <= today else { break }
                        let me = services(person.login, person.role, daysAgo: daysAgo(d), minute: 18 * 60)
                        for slot in 0..<2 {
                            k += 1
                            guard slot == 0 || k % 3 == 0 else { continue }
                            let u2 = Array(projectIds[5...]), u1 = Array(projectIds[..<5])
                            let first = slot == 0 ? u2[(n + k) % u2.count] : u1[(n + k) % 5]
                            let minutes = 120 + ((n * 37 + k * 53) % 5) * 30
                            // A project held by the payment gate takes no hours: they go to the next one.
                            let candidates = [first] + (slot == 0 ? u2 : u1).filter { $0 != first }
                            for p in candidates {
                                do {
                                    try me.timesheets.log(day: d, on: TimesheetRowKey(projectId: p), duration: "\(minutes)m",
                                                          note: slot == 0 ? "Avance del día" : "Reunión y revisión")
                                    summary.hours += 1
                                    break
                                } catch ProjectGateError.blocked {
                                    continue
                                }
                            }
                        }
                    }
                    guard week < monday else { continue }
                    try services(person.login, person.role, daysAgo: daysAgo(week.adding(days: 4)), minute: 18 * 60 + 30)
                        .timesheets.submit(week: week)
                    let approver = person.login == "operaciones" ? ("admin", Role.admin) : ("operaciones", Role.operaciones)
                    try services(approver.0, approver.1, daysAgo: daysAgo(week.adding(days: 7)), minute: 9 * 60 + 30)
                        .timesheets.approve(login: person.login, week: week)
                }
            }
        }

        // MARK: other costs

        /// Purchases entered by operaciones; one entered twice and reversed by finanzas.
        mutating func costs() throws {
            let plans: [(Int, String, String, Currency, String)] = [
                (0, "Plantilla premium de WordPress", "59", .usd, "3.750"), (0, "Fotos de stock", "180", .pen, ""),
                (5, "Servidor de pruebas (3 meses)", "420", .usd, "3.760"), (7, "Licencia de librería de reportes", "1250", .pen, ""),
                (8, "Subcontrato de pruebas de seguridad", "3800", .pen, ""),
            ]
            for (i, desc, amount, currency, rate) in plans where i < projectIds.count {
                let ops = services("operaciones", .operaciones, daysAgo: 10 - i, minute: 15 * 60)
                try ops.projectCosts.add(ProjectCostInput(day: day(10 - i).description, description: desc, amount: amount,
                                                          currency: currency, exchangeRate: rate), projectId: projectIds[i])
                summary.costs += 1
            }
            guard projectIds.count > 7 else { return }
            let twice = try services("operaciones", .operaciones, daysAgo: 2, minute: 15 * 60).projectCosts.add(
                ProjectCostInput(day: day(2).description, description: "Licencia de librería de reportes", amount: "1250"),
                projectId: projectIds[7])
            try services("finanzas", .finanzas, daysAgo: 1, minute: 10 * 60).projectCosts.reverse(id: twice.id, reason: "Ingresado dos veces")
            summary.costs += 1
        }
    }
}
