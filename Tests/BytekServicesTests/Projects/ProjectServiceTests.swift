import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Projects made by hand and from accepted quotes, in one transaction with the acceptance.
@Suite struct ProjectServiceTests {
    typealias W = ProjectWorld

    @Test func acceptingAU1QuoteMakesItsKanbanWithDueDatesAcrossTheHoliday() throws {
        let w = try W()
        let id = try w.landingQuote(w.customerA)
        let acceptance = try w.seller.quotes.accept(id)
        let p = try #require(acceptance.project)
        #expect(p.code == "PRY-2026-00001")
        #expect(p.kind == .kanban && p.unit == .digital && p.customerId == w.customerA && p.quoteId == id)
        #expect(p.manager == "vendedor")
        // one-time total without IGV: 1,500 + 10 × 50 + 4 × 55
        #expect(p.sold == Money(2220, .pen))
        #expect(p.startDate == W.today)
        // 7 working days after Thu 03/12, Tue 08/12 and Wed 09/12 being holidays: 04, 07, 10, 11, 14, 15, 16.
        #expect(p.promisedDate == W.day("2026-12-16"))
        let roles = try w.gestor.projects.roles(p.id)
        #expect(roles == [ProjectRoleHours(role: "Diseñador", quotedMinutes: 840, billRate: Money(55, .pen))])
        let tasks = try w.gestor.projects.tasks(p.id)
        #expect(tasks.map(\.title) == ["brief", "diseño", "contenido", "desarrollo", "revisión del cliente", "publicación"])
        // counted back from the promise: diseño is due on Monday 07/12, skipping the holidays of 08 and 09/12
        #expect(tasks.map { $0.dueDate?.description ?? "" }
                == ["2026-12-04", "2026-12-07", "2026-12-10", "2026-12-14", "2026-12-15", "2026-12-16"])
        #expect(tasks.map(\.checklistTotal) == [3, 2, 3, 4, 2, 3])
        #expect(try w.gestor.projects.checks(tasks[0].id).map(\.text).first == "Reunión de inicio con el cliente")
        #expect(try w.gestor.projects.forQuote(id).map(\.id) == [p.id])
        #expect(try w.count("SELECT count(*) FROM audit_log WHERE entity = 'proyecto' AND summary LIKE '%creado al aceptar%'") == 1)
    }

    @Test func aU2QuoteWithMilestonesMakesAMilestoneProject() throws {
        let w = try W()
        let id = try w.sentQuote(QuoteContent(customerId: w.customerB, unit: .software, issueDate: W.today,
                                              deliveryTime: "20 días hábiles",
                                              paymentTerms: .milestones([Milestone(name: "Inicio", percent: 30),
                                                                         Milestone(name: "Beta", percent: 30),
                                                                         Milestone(name: "Entrega", percent: 40)]),
                                              lines: [.service("Desarrollador", quantity: 100, rate: Money(100, .pen))],
                                              owner: "vendedor"))
        let p = try #require(try w.seller.quotes.accept(id).project)
        #expect(p.kind == .milestones && p.unit == .software)
        #expect(p.sold == Money(10_000, .pen))
        // 20 working days after 03/12 (08/12, 09/12, 25/12 and 01/01 are holidays)
        #expect(p.promisedDate == W.day("2027-01-06"))
        let ms = try w.gestor.projects.milestones(p.id)
        #expect(ms.map(\.name) == ["Inicio", "Beta", "Entrega"])
        #expect(ms.map(\.amount) == [Money(3540, .pen), Money(3540, .pen), Money(4720, .pen)])
        #expect(ms.map(\.plannedDate.description) == ["2026-12-15", "2026-12-23", "2027-01-06"])
        #expect(ms.allSatisfy { $0.quoteMilestoneId != nil && $0.state == .pending })
        #expect(try w.gestor.projects.tasks(p.id).isEmpty)
    }

    @Test func aFailingProjectStepLeavesTheAcceptanceUnwritten() throws {
        let w = try W()
        let other = try w.handProject(w.gestor)   // customer A's
        let id = try w.landingQuote(w.customerB)
        let projectsBefore = try w.count("SELECT count(*) FROM project")
        let auditBefore = try w.count("SELECT count(*) FROM audit_log")
        #expect(throws: ProjectError.otherCustomer(project: other.code)) {
            try w.seller.quotes.accept(id, project: .existing(other.id))
        }
        #expect(try w.count("SELECT count(*) FROM quote WHERE state = 'accepted'") == 0)
        #expect(try w.count("SELECT count(*) FROM project") == projectsBefore)
        #expect(try w.count("SELECT count(*) FROM project_task") == 0)
        #expect(try w.count("SELECT count(*) FROM audit_log") == auditBefore)
        #expect(try w.count("SELECT last_number FROM numbering WHERE series = 'PRY-2026'") == 1)
        // the same quote added to a project of its own customer
        let mine = try w.gestor.projects.create(Project(name: "Web Minera", unit: .digital, kind: .kanban, customerId: w.customerB,
                                                        manager: "gestor", sold: Money(100, .pen), startDate: W.today,
                                                        promisedDate: W.day("2026-12-10")))
        let added = try #require(try w.seller.quotes.accept(id, project: .existing(mine.id)).project)
        #expect(added.id == mine.id && added.sold == Money(2320, .pen) && added.promisedDate == W.day("2026-12-16"))
        #expect(try w.gestor.projects.tasks(mine.id).count == 6)
        #expect(try w.count("SELECT count(*) FROM project") == projectsBefore + 1)
    }

    @Test func reopeningTheQuoteArchivesAnUntouchedProjectAndIsRefusedOnceWorkMoved() throws {
        let w = try W()
        let first = try w.landingQuote(w.customerA)
        let p = try #require(try w.seller.quotes.accept(first).project)
        try w.seller.quotes.reopen(first, reason: "el cliente cambia el alcance")
        #expect(try w.gestor.projects.get(p.id)?.status == .archived)

        let second = try w.landingQuote(w.customerA)
        let q = try #require(try w.seller.quotes.accept(second).project)
        let card = try #require(try w.gestor.projects.tasks(q.id).first)
        try w.gestor.projects.moveTask(card.id, .next)
        #expect(try w.seller.quotes.reopenBlockers(second) == [.projectWork([q.code])])
        #expect(throws: SalesRepositoryError.self) { try w.seller.quotes.reopen(second, reason: "otra vez") }
        #expect(try w.gestor.projects.get(q.id)?.status == .active)
    }

    @Test func byHandWithLimitsAndSpanishMessages() throws {
        let w = try W()
        let s = w.gestor
        func draft(name: String = "Web", manager: String = "gestor", sold: Money = Money(10, .pen),
                   start: LocalDate = W.today, promised: LocalDate = W.day("2026-12-20")) -> Project {
            Project(name: name, unit: .digital, kind: .kanban, customerId: w.customerA, manager: manager, sold: sold,
                    startDate: start, promisedDate: promised)
        }
        #expect(throws: ProjectError.tooLong(field: "nombre", max: 200)) { try s.projects.create(draft(name: String(repeating: "x", count: 201))) }
        #expect(throws: ProjectError.required(field: "nombre")) { try s.projects.create(draft(name: "   ")) }
        #expect(throws: ProjectError.managerNotActive("ex")) { try s.projects.create(draft(manager: "ex")) }
        #expect(throws: ProjectError.managerNotActive("nadie")) { try s.projects.create(draft(manager: "nadie")) }
        #expect(throws: ProjectError.invalid(field: "monto vendido", reason: "demasiado grande")) {
            try s.projects.create(draft(sold: Money(Decimal(string: "99999999999999999999")!, .pen)))
        }
        #expect(throws: ProjectError.promisedBeforeStart(start: W.today, promised: W.day("2026-12-01"))) {
            try s.projects.create(draft(promised: W.day("2026-12-01")))
        }
        #expect(throws: ProjectError.dateOutOfRange(field: "fecha prometida", text: "2201-01-01")) {
            try s.projects.create(draft(promised: W.day("2201-01-01")))
        }
        #expect(throws: ProjectError.invalid(field: "rol «DEV»", reason: "repetido")) {
            try s.projects.create(draft(), roles: [ProjectRoleHours(role: "dev", quotedMinutes: 60, billRate: Money(1, .pen)),
                                                   ProjectRoleHours(role: "DEV", quotedMinutes: 60, billRate: Money(1, .pen))])
        }
        #expect(ProjectError.managerNotActive("ex").message == "responsable: «ex» no es un usuario activo.")
        #expect(try w.count("SELECT count(*) FROM project") == 0)
        #expect(try w.count("SELECT count(*) FROM numbering WHERE series LIKE 'PRY-%'") == 0)
        // técnico creates; ventas only reads
        let p = try w.services("tecnico", .tecnico).projects.create(draft(name: String(repeating: "y", count: 200)),
            roles: [ProjectRoleHours(role: "dev", quotedMinutes: 600, billRate: Money(80, .pen))])
        #expect(p.code == "PRY-2026-00001" && p.name.count == 200)
        #expect(throws: ServiceError.self) { try w.seller.projects.create(draft()) }
        #expect(try w.seller.projects.get(code: "pry-2026-00001")?.id == p.id)
    }

    @Test func archivedProjectsLeaveTheDefaultListAndRefuseChanges() throws {
        let w = try W()
        let s = w.gestor
        let a = try w.handProject(s, name: "Primero")
        let b = try w.handProject(s, name: "Segundo")
        try s.projects.update(b.id, ProjectChanges(status: .paused, notes: "esperando accesos"))
        try s.projects.archive(a.id, reason: "duplicado")
        #expect(try s.projects.list().first(10).map(\.item.project.id) == [b.id])
        #expect(try s.projects.list(ProjectQuery(includeArchived: true)).first(10).map(\.item.project.id).sorted() == [a.id, b.id])
        #expect(try s.projects.list(ProjectQuery(text: "prim", includeArchived: true)).first(10).map(\.item.project.id) == [a.id])
        #expect(throws: ProjectError.archived(a.code)) { try s.projects.update(a.id, ProjectChanges(name: "x")) }
        #expect(throws: ProjectError.archived(a.code)) { try s.projects.addTask(ProjectTask(projectId: a.id, title: "x")) }
        #expect(try s.projects.get(b.id)?.status == .paused)
        #expect(try w.count("SELECT count(*) FROM project") == 2)
    }
}
