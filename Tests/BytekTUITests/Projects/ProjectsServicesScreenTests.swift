import BytekModel
import BytekServices
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Proyectos over the real operations layer (`services.projects`): the module as the app builds it.
@MainActor
@Suite struct ProjectsServicesScreenTests {
    @Test func moduleListsTheProjectAndItsBoardMovesThroughTheService() throws {
        let h = try ScreenHarness(width: 150, height: 40)
        try UserRepository(db: h.store.db, user: "setup").add(User(login: "admin", name: "Admin", role: .admin))
        try h.addCustomers(ScreenHarness.sampleCustomers)
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
