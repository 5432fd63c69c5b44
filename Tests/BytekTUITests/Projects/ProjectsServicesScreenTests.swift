import BytekModel
import BytekServices
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Proyectos over the real operations layer (`services.projects`): the module as the app builds it.
@MainActor
@Suite struct ProjectsServicesScreenTests {
    /// A harness with the admin user and the sample customers.
    static func harness(width: Int) throws -> ScreenHarness {
        let h = try ScreenHarness(width: width, height: 40)
        try UserRepository(db: h.store.db, user: "setup").add(User(login: "admin", name: "Admin", role: .admin))
        try h.addCustomers(ScreenHarness.sampleCustomers)
        return h
    }

    @Test func moduleListsTheProjectAndItsBoardMovesThroughTheService() throws {
        let h = try ProjectsServicesScreenTests.harness(width: 150)
        let services = Services(store: h.store, actor: .staff("admin", role: .admin, door: .tui), now: { ScreenHarness.fixedNow },
                                environment: { [:] })
        let today = services.projects.today
        let template = try #require(try services.projects.templates().first { $0.template.name.hasPrefix("Landing") })
        let project = try services.projects.create(Project(name: "Landing Andina", unit: .digital, kind: .kanban, customerId: 1,
                                                           templateId: template.id, manager: "admin", sold: Money(1000, .pen),
                                                           startDate: today, promisedDate: today.adding(days: 40)))
        try services.projects.setWipLimit(.project(project.id), state: .inProgress, limit: 1)
        h.go(.projects)
        #expect(h.screen.contains(project.code) && h.screen.contains("Landing Andina") && h.screen.contains("Comercial Andina"), "\(h.screen)")
        h.keys(.enter)
        #expect(h.screen.contains("En curso 0/1"), "\(h.screen)")
        h.keys(.char(">"))
        #expect(h.screen.contains("En curso 1/1"), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM project_task WHERE state = 'en_curso'").intValue == 1)
        h.keys(.left, .char(">"))
        #expect(h.screen.contains("Límite de trabajo en curso"), "\(h.screen)")
        h.type("Urgente")
        h.keys(.enter)
        #expect(h.screen.contains("En curso 2/1"), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM project_task WHERE state = 'en_curso'").intValue == 2)
        h.keys(.char("2"))
        #expect(h.screen.contains("El proyecto no tiene hitos."), "\(h.screen)")
        h.keys(.char("5"))
        #expect(h.screen.contains("crear") || h.screen.contains("Landing Andina"), "\(h.screen)")
    }
}

/// The new-project form over the real services: the customer found by the customers' index, the template's
/// due dates shown before saving counted back over the holiday table, and the cards made with those dates.
@MainActor
@Suite struct NewProjectFormServicesScreenTests {
    @Test func pickedCustomerAndTemplateMakeTheCardsWithTheDatesShownBeforeSaving() throws {
        let h = try ProjectsServicesScreenTests.harness(width: 170)
        h.go(.projects)
        h.keys(.char("n"))
        h.type("Landing Titicaca")
        h.keys(.tab)
        h.type("titic")
        #expect(h.screen.contains("Inversiones Titicaca E.I.R.L.") && h.screen.contains("RUC 20555123451")
                && !h.screen.contains("Comercial Andina"), "\(h.screen)")
        h.keys(.enter)
        h.keys(.tab, .tab, .tab, .tab, .tab, .tab, .ctrl("u"))
        h.type("10/12/2026")
        h.keys(.backTab, .backTab, .backTab)
        h.type("landing")
        #expect(h.screen.contains("U1 · 6 pasos · 7 días háb."), "\(h.screen)")
        h.keys(.enter)
        let shown = h.screen
        // 8 and 9 December (Inmaculada Concepción, Batalla de Ayacucho) are skipped: seven working days back from
        // Thursday the 10th start on Monday 30 November.
        #expect(shown.contains("empezar el 30/11/2026") && shown.contains("inicio 30/11/2026"), "\(shown)")
        h.keys(.ctrl("s"))
        let code = try #require(try h.store.db.scalar("SELECT code FROM project WHERE name = 'Landing Titicaca'").stringValue, "\(h.screen)")
        #expect(h.screen.contains(code), "\(h.screen)")
        let tasks = try h.store.db.query("""
            SELECT t.title, t.due_date FROM project_task t JOIN project p ON p.id = t.project_id
            JOIN customer c ON c.id = p.customer_id WHERE p.name = 'Landing Titicaca' AND c.doc_number = '20555123451'
            AND p.kind = 'kanban' ORDER BY t.id
            """)
        #expect(tasks.count == 6)
        for t in tasks {
            let due = try #require(LocalDate(t.string("due_date")))
            #expect(shown.contains(t.string("title") + " " + ProjectsText.shortDate(due)), "\(t.string("title")) \(due)\n\(shown)")
            #expect(due.description != "2026-12-08" && due.description != "2026-12-09")
        }
    }
}
