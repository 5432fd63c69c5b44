import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The customer form's "Agente de retención" box: Space ticks it, Ctrl-S saves it, reopening shows it.
@MainActor
@Suite struct CustomerRetentionAgentScreenTests {
    @Test func theRetentionAgentBoxIsSavedAndShownAgain() throws {
        let h = try ScreenHarness()
        h.keys(.char("n"), .tab)
        h.type("20100047218")
        h.keys(.tab)
        h.type("Agente Retenedor S.A.")
        // docNumber → legalName → … → creditLimit → retentionAgent: 12 more fields.
        for _ in 0..<12 { h.keys(.tab) }
        #expect(h.screen.contains("Agente de retención      [ ]"))
        h.keys(.char(" "))
        #expect(h.screen.contains("Agente de retención      [x]"))
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente guardado: Agente Retenedor S.A."), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT retention_agent FROM customer WHERE doc_number = '20100047218'").intValue == 1)
    }
}
