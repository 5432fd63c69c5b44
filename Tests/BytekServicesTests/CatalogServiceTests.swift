import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// What the matrix does not show: a role without sight of costs gets items without them and saves its
/// own changes without touching the stored cost; a change to another group in the same save is refused
/// whole.
@Suite struct CatalogServiceTests {
    @Test func costsAreHiddenAndKeptForRolesThatMayNotSeeThem() throws {
        let folder = NSTemporaryDirectory() + "bytek-catalog-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store(path: folder + "/t.sqlite")
        try UserRepository(db: store.db, user: "setup").add(User(login: "yesenia", name: "Yesenia", role: .almacen))
        let admin = Services(store: store, actor: .staff("admin", role: .admin, door: .cli))
        let almacen = Services(store: store, actor: .staff("yesenia", role: .almacen, door: .tui))
        let nas = try admin.catalog.create(CatalogItem(
            sku: "NAS-4B", name: "NAS", unit: .infrastructure, kind: .product,
            price: Money(minorUnits: 245_000, .pen), cost: Money(minorUnits: 180_000, .pen)))
        let id = try #require(nas.id)

        var seen = try #require(try almacen.catalog.get(id))
        #expect(seen.cost.amount == 0)
        #expect(try almacen.catalog.pager().first(5).map(\.item.cost.amount) == [0])
        seen.uom = "caja"
        let saved = try almacen.catalog.update(seen)
        #expect(saved.uom == "caja" && saved.cost.amount == 0)
        #expect(try admin.catalog.get(id)?.cost == Money(minorUnits: 180_000, .pen), "the stored cost stays")

        var both = try #require(try almacen.catalog.get(id))
        both.uom = "unidad"
        both.price = Money(minorUnits: 1, .pen)
        #expect(throws: ServiceError.forbidden(operation: "catalogo.editar_precio", role: .almacen)) {
            try almacen.catalog.update(both)
        }
        #expect(try admin.catalog.get(id)?.uom == "caja", "nothing of a refused save is written")
    }
}
