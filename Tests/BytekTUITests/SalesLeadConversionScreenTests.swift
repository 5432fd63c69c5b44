import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct SalesLeadConversionScreenTests {
    @Test func convertingALeadFromTheBoardChecksItsRucAndLinksTheDeal() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        let deal = try f.deal("Cableado", lead: "Colegio San Martín", unit: .digital, stage: "Nuevo", cents: 450_000)
        let dealId = try #require(deal.id)
        h.go(.sales); h.keys(.char("C"))
        #expect(h.screen.contains("Convertir en cliente: Colegio San Martín"))
        h.keys(.tab)  // document type RUC (from the lead's default), then its number
        h.type("20100047219")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("RUC inválido: el dígito verificador no corresponde"))
        #expect(try h.store.db.scalar("SELECT count(*) FROM customer").intValue == 0)
        h.keys(.ctrl("u"))
        h.type("20100047218")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente creado: Colegio San Martín · 1 oportunidad(es) vinculada(s)"))
        let stored = try #require(try DealRepository(db: h.store.db, user: "admin").get(dealId))
        let customerId = try #require(stored.customerId)
        let customer = try #require(try h.customers.get(customerId))
        #expect(customer.docType == .ruc && customer.docNumber == "20100047218")
        #expect(customer.units == [.digital])
        // Converting again says there is no lead left to convert.
        h.keys(.char("C"))
        #expect(h.screen.contains("La oportunidad ya es de un cliente"))
    }

    @Test func theListConvertsTooWithADni() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        let deal = try f.deal("Web personal", lead: "Rosa Quispe", unit: .digital, stage: "Nuevo", cents: 90_000)
        h.go(.sales); h.keys(.char("l"), .char("C"))
        #expect(h.screen.contains("Convertir en cliente: Rosa Quispe"))
        h.keys(.right)  // DNI
        h.keys(.tab)
        h.type("1234567")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("DNI"))
        #expect(try h.store.db.scalar("SELECT count(*) FROM customer").intValue == 0)
        h.keys(.ctrl("u"))
        h.type("12345678")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente creado: Rosa Quispe"))
        let dealId = try #require(deal.id)
        let stored = try #require(try DealRepository(db: h.store.db, user: "admin").get(dealId))
        let customerId = try #require(stored.customerId)
        let customer = try #require(try h.customers.get(customerId))
        #expect(customer.docType == .dni && customer.docNumber == "12345678")
    }

    @Test func aReadOnlyRoleCannotConvert() throws {
        let h = try ScreenHarness(role: .finanzas)
        let f = SalesFixture(h: h)
        try f.deal("Cableado", lead: "Colegio San Martín", unit: .digital, stage: "Nuevo", cents: 450_000)
        h.go(.sales); h.keys(.char("C"))
        #expect(!h.screen.contains("Convertir en cliente"))
        #expect(try h.store.db.scalar("SELECT count(*) FROM customer").intValue == 0)
    }
}

@MainActor
@Suite struct SalesBoardColumnFiguresTests {
    /// 45 deals in one column (more than the 40 cards a column loads at first): the column still
    /// counts and sums all of them, and the owner filter narrows both.
    @Test func columnCountAndSumCoverEveryDealNotOnlyTheLoadedCards() throws {
        let h = try ScreenHarness(width: 160, height: 40)
        let f = SalesFixture(h: h)
        for i in 0..<45 {
            try f.deal("Web \(i)", lead: "Prospecto \(i)", unit: .digital, stage: "Nuevo", cents: 100_000,
                       owner: i < 30 ? "admin" : "rosa")
        }
        h.go(.sales)
        #expect(h.screen.contains("Nuevo (45)"))
        #expect(h.screen.contains("S/ 45,000.00"))
        h.keys(.char("f"))  // admin only: 30 deals, all loaded
        #expect(h.screen.contains("Vendedor: admin"))
        #expect(h.screen.contains("Nuevo (30)"))
        #expect(h.screen.contains("S/ 30,000.00"))
    }
}
