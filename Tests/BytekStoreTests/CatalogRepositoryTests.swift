import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Catalog repository")
struct CatalogRepositoryTests {
    static func items() -> [CatalogItem] {
        [
            CatalogItem(sku: "nas-ds224", name: "NAS Synology DS224+", description: "Almacenamiento en red de 2 bahías",
                        unit: .infrastructure, niche: "Almacenamiento", kind: .product,
                        price: Money(minorUnits: 189_900, .pen), cost: Money(minorUnits: 150_000, .pen), tracksSerials: true),
            CatalogItem(sku: "AP-U6-LITE", name: "Access point UniFi U6 Lite", unit: .infrastructure, niche: "Redes",
                        kind: .product, price: Money(minorUnits: 59_000, .pen), tracksSerials: true),
            CatalogItem(sku: "UTP-CAT6-305", name: "Caja de cable UTP Cat6 305 m", unit: .infrastructure, niche: "Cableado",
                        kind: .product, uom: "caja", sunatUnit: .box, price: Money(minorUnits: 52_000, .pen)),
            CatalogItem(sku: "SRV-HORA-TEC", name: "Hora técnica de instalación", unit: .infrastructure, niche: "Servicios",
                        kind: .service, uom: "hora", price: Money(minorUnits: 12_000, .pen), rateBasis: .hour),
            CatalogItem(sku: "WEB-LANDING-7", name: "Landing page en 7 días", unit: .digital, niche: "Web",
                        kind: .service, price: Money(minorUnits: 150_000, .pen), rateBasis: .unit),
            CatalogItem(sku: "SEO-MENSUAL", name: "Plan SEO mensual", unit: .digital, niche: "SEO", kind: .subscription,
                        price: Money(minorUnits: 80_000, .pen), period: .monthly),
            CatalogItem(sku: "SAAS-ERP-ANUAL", name: "Licencia ERP anual", unit: .software, niche: "SaaS",
                        kind: .subscription, price: Money(minorUnits: 120_000, .usd), period: .annual, taxCategory: .exonerado),
        ]
    }

    @Test func createRoundTripAndFind() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CatalogRepository(db: db, user: "luis", now: SteppingClock().now)
        for item in Self.items() {
            let saved = try repo.create(item)
            #expect(try repo.get(saved.id ?? 0) == saved)
        }
        let nas = try #require(try repo.find(sku: " NAS-ds224 "))
        #expect(nas.sku == "NAS-DS224")
        #expect(nas.price == Money(minorUnits: 189_900, .pen))
        #expect(nas.tracksSerials)
        let erp = try #require(try repo.find(sku: "SAAS-ERP-ANUAL"))
        #expect(erp.price.currency == .usd && erp.cost.currency == .usd)
        #expect(erp.period == .annual && erp.rateBasis == nil && erp.taxCategory == .exonerado)
        #expect(erp.sunatUnit == .year)
        #expect(try repo.find(sku: "NOPE") == nil)
        #expect(try count(db, "audit_log") == Int64(Self.items().count))
    }

    @Test func duplicateSKUAndInvalidItemsAreRefused() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CatalogRepository(db: db, user: "luis")
        let nas = try repo.create(Self.items()[0])
        var dup = Self.items()[1]
        dup.sku = "NAS-DS224"
        #expect(throws: CatalogRepositoryError.duplicateSKU("NAS-DS224", existingId: nas.id ?? 0)) { try repo.create(dup) }
        var bad = Self.items()[3]
        bad.rateBasis = nil
        #expect(throws: CatalogRepositoryError.invalid([.rateBasis: .requiredForKind(.service)])) { try repo.create(bad) }
        #expect(try count(db, "catalog_item") == 1)
        #expect(try count(db, "audit_log") == 1)
    }

    @Test func updateDeactivateAndAudit() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CatalogRepository(db: db, user: "luis", now: SteppingClock().now)
        var nas = try repo.create(Self.items()[0])
        nas.price = Money(minorUnits: 179_900, .pen)
        nas = try repo.update(nas)
        try repo.deactivate(nas.id ?? 0)
        #expect(try repo.pager().count() == 0)
        #expect(try repo.pager(CatalogQuery(activeOnly: false)).count() == 1)
        try repo.activate(nas.id ?? 0)
        let history = try AuditLog(db: db, user: "x").history(entity: AuditEntity.catalogItem, entityId: nas.id ?? 0)
        #expect(history.map(\.action) == [.create, .update, .archive, .restore])
        #expect(history[1].before?.contains("\"1899\"") == true)
        #expect(history[1].after?.contains("\"1799\"") == true)
    }

    @Test func listFiltersSortsAndSearch() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = CatalogRepository(db: db, user: "luis")
        for item in Self.items() { try repo.create(item) }
        func skus(_ q: CatalogQuery) throws -> [String] { try repo.pager(q).first(100).map(\.item.sku) }
        #expect(try skus(CatalogQuery(sort: .sku)) == Self.items().map { $0.sku.uppercased() }.sorted())
        #expect(try skus(CatalogQuery(sort: .price, ascending: false)).first == "NAS-DS224")
        #expect(try skus(CatalogQuery(sort: .unit)).first == "WEB-LANDING-7")
        #expect(try skus(CatalogQuery(unit: .digital)) == ["WEB-LANDING-7", "SEO-MENSUAL"])
        #expect(try skus(CatalogQuery(kind: .subscription)) == ["SAAS-ERP-ANUAL", "SEO-MENSUAL"])
        #expect(try skus(CatalogQuery(search: "instalacion")) == ["SRV-HORA-TEC"])
        #expect(try skus(CatalogQuery(search: "almacen")) == ["NAS-DS224"])
        #expect(try skus(CatalogQuery(search: "utp cat")) == ["UTP-CAT6-305"])
        #expect(try skus(CatalogQuery(search: "ds22")) == ["NAS-DS224"])
        #expect(try skus(CatalogQuery(search: "plan", unit: .infrastructure)).isEmpty)
        #expect(try skus(CatalogQuery(search: "\"*(")).count == 7)
    }
}
