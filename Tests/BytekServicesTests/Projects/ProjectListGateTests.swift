import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The project list asks the payment gate once (one query for every blocked project, not one per row) and shows
/// each blocked project's own block; a failed read of the gate is an error, never "not blocked".
extension ProjectGateServiceTests {
    @Test func aListPageShowsTheBlockOfEachBlockedProject() throws {
        let db = f.store.db
        let second = try f.issue(LedgerFixture.factura(price: 2_000, detraccion: true))
        let other = try Self.insertProject(db, customer: f.customer, code: "PRY-0002", manager: "oper")
        _ = try Self.insertMilestones(db, project: other, documents: [second.id, nil])
        let free = try Self.insertProject(db, customer: f.customer, code: "PRY-0003", manager: "oper")
        _ = try Self.insertMilestones(db, project: free, documents: [nil, nil, nil])
        let services = on("2026-12-03", .staff("oper", role: .operaciones, door: .tui))
        let g = services.projectGate
        let page = try services.projects.list().first(50).map(\.item)
        #expect(page.count == 3)
        for s in page {
            let block = try g.block(projectId: s.project.id, milestoneId: nil)
            if s.project.id == free {
                #expect(block == nil && s.health != .blocked && s.gateMessage == nil)
            } else {
                let b = try #require(block, "\(s.project.code)")
                #expect(s.health == .blocked && s.gateMessage == b.message, "\(s.project.code): \(s.gateMessage ?? "-")")
            }
        }
        #expect(page.filter { $0.health == .blocked }.map(\.project.id).sorted() == [project, other].sorted())
        #expect(Set(page.compactMap(\.gateMessage)).count == 2, "each project shows its own document")
        // The next page (keyset) shows its blocked rows too.
        let rest = try services.projects.list().after(try services.projects.list().first(1)[0].cursor, 5).map(\.item)
        #expect(rest.count == 2 && rest.contains { $0.health == .blocked })

        // The gate cannot be read: the list says so instead of showing the projects as free.
        try db.execute("ALTER TABLE project_gate_lift RENAME TO project_gate_lift_gone")
        #expect(throws: (any Error).self) { try services.projects.list().first(50) }
    }
}
