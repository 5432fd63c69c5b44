import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// `I` in Clientes and Catálogo: a path, a preview of what will change, a confirmation; nothing is
/// written before it, and a file with a refused line imports nothing.
@MainActor
@Suite struct CSVImportScreenTests {
    func file(_ h: ScreenHarness, _ name: String, _ text: String) throws -> String {
        let path = h.dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func clientesPreviewsTheChangesAndImportsWhenConfirmed() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let path = try file(h, "clientes.csv", """
            tipo_doc,numero_doc,razon_social,telefono,contacto1_nombre,contacto1_correo
            RUC,20100047218,Comercial Andina S.A.C.,014445555,Ana Núñez,ana@andina.pe
            DNI,45781236,Rosa Quispe Mamani,,,

            """)
        h.keys(.char("I"))
        h.type(path)
        h.keys(.enter)
        #expect(h.screen.contains("clientes.csv: 1 nuevo(s), 1 actualizado(s), 0 sin cambios"), "\(h.screen)")
        #expect(h.screen.contains("línea 2: RUC 20100047218 actualizado: telefono, contacto1"))
        #expect(h.screen.contains("línea 3: DNI 45781236 nuevo"))
        #expect(try h.customers.find(docType: .dni, docNumber: "45781236") == nil, "nothing before the confirmation")

        h.keys(.char("s"))
        #expect(h.screen.contains("Importado clientes.csv: 1 nuevo(s), 1 actualizado(s)."))
        let andina = try #require(try h.customers.find(docType: .ruc, docNumber: "20100047218"))
        #expect(andina.phone == "014445555" && andina.district == "Lince", "only the file's columns change")
        #expect(andina.contacts.map(\.email) == ["ana@andina.pe"])
        #expect(try h.customers.find(docType: .dni, docNumber: "45781236") != nil)
        #expect(h.screen.contains("Rosa Quispe Mamani"), "the list shows the new customer")
    }

    @Test func aRefusedLineImportsNothingAndSaysWhy() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let path = try file(h, "malo.csv", "tipo_doc,numero_doc,email\nRUC,20100047218,ventas@andina.pe\nRUC,20100047219,x\n")
        h.keys(.char("I"))
        h.type(path)
        h.keys(.enter)
        #expect(h.screen.contains("malo.csv: 0 nuevo(s), 1 actualizado(s), 0 sin cambios, 1"), "\(h.screen)")
        #expect(h.screen.contains("línea 3: numero_doc:"))
        #expect(h.screen.contains("No se importará nada"))
        h.keys(.enter)
        #expect(try h.customers.find(docType: .ruc, docNumber: "20100047218")?.email == "")
    }

    @Test func catalogImportIsRefusedToARoleThatMayNotSetPrices() throws {
        let h = try ScreenHarness(role: .almacen, login: "almacen")
        h.go(.catalog)
        let path = try file(h, "k.csv", "sku,nombre,unidad_negocio,tipo,precio\nSW-1,Switch,U3,producto,900\n")
        h.keys(.char("I"))
        h.type(path)
        h.keys(.enter)
        #expect(h.screen.contains("Su rol (almacén) no tiene permiso para modificar en Catálogo."), "\(h.screen)")
        #expect(try CatalogRepository(db: h.store.db, user: "t").find(sku: "SW-1") == nil)
    }
}
