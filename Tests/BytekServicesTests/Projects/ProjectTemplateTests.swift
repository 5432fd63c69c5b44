import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Templates as data: the defaults written on first read, edited and deactivated by operaciones, and the
/// rule that picks a U1 quote's template.
@Suite struct ProjectTemplateTests {
    typealias W = ProjectWorld

    @Test func defaultsAreSeededOnceEditedAndDeactivated() throws {
        let w = try W()
        let s = w.gestor
        #expect(try w.seller.projects.templates().map(\.template.name) == ["Campaña", "Landing page 7 días", "SEO mensual"])
        #expect(try s.projects.templates().count == 3)
        #expect(try w.count("SELECT count(*) FROM audit_log WHERE entity = 'plantilla_proyecto'") == 3)
        let seo = try #require(try s.projects.template(named: "seo MENSUAL"))
        #expect(seo.template == DefaultTemplates.seoMonthly)

        var shorter = seo.template
        shorter.steps.removeLast()
        let saved = try s.projects.saveTemplate(shorter, id: seo.id)
        #expect(try s.projects.template(seo.id)?.template.totalWorkingDays == 18 && saved.active)
        #expect(throws: ProjectError.invalid(field: "plantilla: nombre", reason: "ya existe otra plantilla «Campaña»")) {
            try s.projects.saveTemplate(ProjectTemplate(name: "Campaña", unit: .digital, steps: [TemplateStep("x", workingDays: 1, role: .operaciones)]))
        }
        #expect(throws: CalendarError.self) {
            try s.projects.saveTemplate(ProjectTemplate(name: "Vacía", unit: .digital, steps: []))
        }
        #expect(throws: ProjectError.tooLong(field: "plantilla: nombre", max: 200)) {
            try s.projects.saveTemplate(ProjectTemplate(name: String(repeating: "p", count: 201), unit: .digital,
                                                        steps: [TemplateStep("x", workingDays: 1, role: .operaciones)]))
        }
        #expect(throws: ServiceError.self) { try w.services("tecnico", .tecnico).projects.setTemplateActive(seo.id, false) }
        try s.projects.setTemplateActive(seo.id, false)
        #expect(try s.projects.templates().map(\.template.name) == ["Campaña", "Landing page 7 días"])
        #expect(try s.projects.templates(includeInactive: true).count == 3)
    }

    @Test func aU1QuoteGetsTheTemplateItsLineNamesElseTheLandingPage() throws {
        let w = try W()
        let campaign = try w.sentQuote(QuoteContent(customerId: w.customerA, unit: .digital, issueDate: W.today, lines: [
            .product("Campaña de Navidad en redes", quantity: 1, unitPrice: Money(900, .pen)),
        ], owner: "vendedor"))
        let p = try #require(try w.seller.quotes.accept(campaign).project)
        #expect(try w.gestor.projects.tasks(p.id).map(\.title).first == "brief")
        #expect(try w.gestor.projects.tasks(p.id).count == DefaultTemplates.campaign.steps.count)
        #expect(p.templateId == (try w.gestor.projects.template(named: "Campaña")?.id))

        let other = try w.sentQuote(QuoteContent(customerId: w.customerA, unit: .digital, issueDate: W.today, lines: [
            .product("Rediseño de logo", quantity: 1, unitPrice: Money(300, .pen)),
        ], owner: "vendedor"))
        let q = try #require(try w.seller.quotes.accept(other).project)
        #expect(try w.gestor.projects.tasks(q.id).count == 6)
        #expect(q.templateId == (try w.gestor.projects.template(named: "Landing page 7 días")?.id))

        // none: the acceptance makes no project
        let none = try w.sentQuote(QuoteContent(customerId: w.customerA, unit: .digital, issueDate: W.today, lines: [
            .product("Hosting", quantity: 1, unitPrice: Money(100, .pen)),
        ], owner: "vendedor"))
        #expect(try w.seller.quotes.accept(none, project: .none).project == nil)
        #expect(try w.gestor.projects.forQuote(none).isEmpty)
        #expect(ProjectRepository.deliveryDays("5 días hábiles") == 5 && ProjectRepository.deliveryDays("2 semanas tras la firma") == 10
                && ProjectRepository.deliveryDays("3 meses") == 60 && ProjectRepository.deliveryDays("a convenir") == nil)
    }
}
