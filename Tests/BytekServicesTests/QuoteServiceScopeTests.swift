import BytekModel
import BytekStore
import Testing
@testable import BytekServices

/// What the quote service hands out beyond allowed/refused: costs only to the roles that may see
/// them, and a contact's list holding its own customer's quotes only.
@Suite("Quote service: costs and a contact's list")
struct QuoteServiceScopeTests {
    @Test func linesComeWithoutCostToRolesThatMayNotSeeCostsAndListsAreScopedForContacts() throws {
        let world = try MatrixWorld(seeds: [QuoteMatrix.seed])
        let store = try world.copy()
        defer { world.remove(store) }
        func services(_ actor: Actor) -> Services { Services(store: store, actor: actor, now: MatrixWorld.now, environment: { [:] }) }
        let id = QuoteMatrix.quote("Sent", world, .own)

        let ventas = services(.staff("m_ventas", role: .ventas, door: .tui)).quotes
        #expect(ventas.seesCosts)
        #expect(try ventas.get(id)?.lines.first?.unitCost == Money(900, .pen))
        let finanzas = services(.staff("m_finanzas", role: .finanzas, door: .tui)).quotes
        #expect(!finanzas.seesCosts)
        #expect(try finanzas.get(id)?.lines.allSatisfy { $0.unitCost == nil } == true)
        let number = try #require(try ventas.get(id)).number
        #expect(try finanzas.find(number: number)?.lines.first?.unitCost == nil)

        let contact = services(Actor(.contact(accountId: 1, customerId: world.customerA, email: "ana@cliente-a.pe"), door: .web)).quotes
        #expect(try contact.get(id)?.lines.allSatisfy { $0.unitCost == nil } == true)
        let listed = try contact.pager().first(50).map(\.item)
        #expect(!listed.isEmpty)
        #expect(listed.allSatisfy { $0.customerId == world.customerA })
        let everyone = try ventas.pager().first(50).map(\.item)
        #expect(everyone.contains { $0.customerId == world.customerB })
        #expect(try contact.get(QuoteMatrix.quote("Sent", world, .other)) == nil)
    }
}
