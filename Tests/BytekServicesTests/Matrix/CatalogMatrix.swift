import BytekModel
import BytekStore
@testable import BytekServices

enum CatalogMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        world.ids["item"] = try CatalogRepository(db: store.db, user: "setup").create(CatalogItem(
            sku: "NAS-4B", name: "NAS Synology 4 bahías", unit: .infrastructure, kind: .product,
            price: Money(minorUnits: 245_000, .pen), cost: Money(minorUnits: 180_000, .pen))).id
    }

    static let expected: [String: String] = [
        "catalogo.listar": ExpectedMatrix.staffAll,
        "catalogo.ver": ExpectedMatrix.staffAll,
        "catalogo.ver_costos": "admin ventas",
        "catalogo.crear": "admin ventas operaciones",
        "catalogo.editar_identidad": "admin ventas operaciones",
        "catalogo.editar_precio": "admin ventas operaciones",
        "catalogo.editar_costo": "admin ventas",
        "catalogo.editar_stock": "admin ventas operaciones almacen",
        "catalogo.archivar": "admin ventas operaciones almacen",
        "catalogo.importar": "admin ventas",
        "catalogo.exportar": ExpectedMatrix.staffAll,
    ]

    static func item(_ w: MatrixWorld) -> Int64 { w.ids["item"] ?? -1 }

    /// The seeded item as this actor got it, changed and saved through the service.
    static func edit(_ s: Services, _ w: MatrixWorld, _ change: (inout CatalogItem) -> Void) throws {
        guard var i = try s.catalog.get(item(w)) else { throw ServiceError.notFound }
        change(&i)
        try s.catalog.update(i)
    }

    static let cases: [MatrixCase] = [
        MatrixCase(.catalogList) { s, _, _ in _ = try s.catalog.pager().first(10) },
        MatrixCase(.catalogView) { s, w, _ in
            guard try s.catalog.get(item(w)) != nil else { throw ServiceError.notFound }
        },
        MatrixCase(.catalogCosts) { s, w, _ in _ = try s.catalog.cost(of: item(w)) },
        MatrixCase(.catalogCreate) { s, _, _ in
            try s.catalog.create(CatalogItem(sku: "HORA-SOP", name: "Hora de soporte", unit: .infrastructure,
                                             kind: .service, price: Money(minorUnits: 8_500, .pen), rateBasis: .hour))
        },
        MatrixCase(.catalogEditIdentity) { s, w, _ in try edit(s, w) { $0.name = "NAS Synology DS923+" } },
        MatrixCase(.catalogEditPrice) { s, w, _ in try edit(s, w) { $0.price = Money(minorUnits: 260_000, .pen) } },
        MatrixCase(.catalogEditCost) { s, w, _ in try edit(s, w) { $0.cost = Money(minorUnits: 190_000, .pen) } },
        MatrixCase(.catalogEditStock) { s, w, _ in try edit(s, w) { $0.uom = "caja" } },
        MatrixCase(.catalogArchive) { s, w, _ in try s.catalog.deactivate(item(w)) },
        MatrixCase(.catalogImport) { s, _, _ in
            let csv = "sku,nombre,unidad_negocio,tipo,precio,costo\nSW-1,Switch 24p,U3,producto,900,700\n"
            let report = try s.catalog.importCSV(Array(csv.utf8), options: ImportOptions(source: "m.csv"))
            guard report.committed, report.created == 1 else { throw MatrixCaseFailed() }
        },
        MatrixCase(.catalogExport) { s, _, _ in
            let (header, rows) = try s.catalog.exportCSV()
            guard rows.count == 1, header.contains("costo") == s.catalog.seesCosts else { throw MatrixCaseFailed() }
        },
    ]
}

/// A case that ran but did not do what the operation promises.
struct MatrixCaseFailed: Error {}
