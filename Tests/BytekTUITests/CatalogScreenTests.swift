import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct CatalogScreenTests {
    func harness(role: Role = .admin) throws -> ScreenHarness {
        let h = try ScreenHarness(role: role, login: role.rawValue)
        let repo = CatalogRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
        _ = try repo.create(CatalogItem(sku: "NAS-DS224", name: "NAS Synology DS224+", unit: .infrastructure, niche: "Almacenamiento",
                                        kind: .product, price: Money(minorUnits: 42_000, .usd), tracksSerials: true))
        _ = try repo.create(CatalogItem(sku: "DEV-HORA", name: "Hora de desarrollo", unit: .software, niche: "Desarrollo",
                                        kind: .service, uom: "hora", price: Money(minorUnits: 12_000, .pen), rateBasis: .hour))
        _ = try repo.create(CatalogItem(sku: "SEO-MENSUAL", name: "Posicionamiento SEO", unit: .digital, niche: "SEO",
                                        kind: .subscription, uom: "mes", price: Money(minorUnits: 90_000, .pen), period: .monthly))
        h.go(.catalog)
        return h
    }

    @Test func listShowsKindsPricesAndPeriods() throws {
        let h = try harness()
        #expect(h.screen.contains("US$ 420.00"))
        #expect(h.screen.contains("S/ 120.00"))
    }

    @Test func filterByUnitAndSearchWithoutAccents() throws {
        let h = try harness()
        h.keys(.char("u"))  // U1 only
        #expect(h.screen.contains("SEO-MENSUAL"))
        #expect(!h.screen.contains("NAS-DS224"))
        h.keys(.char("u"), .char("u"), .char("u"))  // back to all
        h.keys(.char("/"))
        h.type("posicion")
        #expect(h.screen.contains("SEO-MENSUAL"))
        #expect(h.screen.contains("1 fila"))
    }

    @Test func serviceWithoutRateBasisIsExplained() throws {
        let h = try harness()
        h.keys(.char("n"))
        #expect(h.screen.contains("Nuevo ítem del catálogo"))
        h.type("inst-red")
        h.keys(.tab)
        h.type("Instalación de red")
        // kind: three tabs further (description, unit, niche) then the kind choice → service
        h.keys(.tab, .tab, .tab, .tab, .right)
        h.keys(.tab, .tab)
        h.type("85")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Obligatorio para un Servicio."))
        #expect(try h.store.db.scalar("SELECT count(*) FROM catalog_item WHERE sku = 'INST-RED'").intValue == 0)
        h.keys(.right)  // the focus is on the field with the error (rate basis) → por hora
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Ítem guardado: INST-RED"))
        let row = try #require(try h.store.db.queryOne("SELECT kind, rate_basis, price_cents FROM catalog_item WHERE sku = 'INST-RED'"))
        #expect(row.string("kind") == "service")
        #expect(row.string("rate_basis") == "hour")
        #expect(row.int("price_cents") == 8500)
    }

    @Test func technicianCanOnlyRead() throws {
        let h = try harness(role: .tecnico)
        h.keys(.char("n"))
        #expect(h.screen.contains("no tiene permiso para modificar en Catálogo"))
    }
}
