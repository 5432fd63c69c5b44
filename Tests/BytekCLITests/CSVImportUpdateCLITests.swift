import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek import customers|catalog --update`: matched by document or SKU, only the columns present
/// change, new lines are added, each line says what changed, and an export → edit → import round
/// trip loses nothing (contacts included).
@Suite struct CSVImportUpdateCLITests {
    static let andina = validRUC("2010004721"), norte = validRUC("2060123456")

    @Test func exportEditAndImportWithUpdateChangesOnlyWhatWasEdited() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let first = try fx.write("clientes.csv", """
            tipo_doc,numero_doc,razon_social,telefono,email,contacto1_nombre,contacto1_cargo,contacto1_correo,contacto2_nombre
            RUC,\(Self.andina),Comercial Andina S.A.C.,014441234,ventas@andina.pe,Ana Núñez,Compras,ana@andina.pe,Luis Paz
            RUC,\(Self.norte),Distribuidora Norte S.A.,,,,,,

            """)
        let imported = try fx.run("import", "customers", first)
        #expect(imported.status == 0, "\(imported.stderr)")
        let db = try Database(path: fx.dbPath)
        let repo = CustomerRepository(db: db, user: "t")
        #expect(try repo.find(docType: .ruc, docNumber: Self.andina)?.contacts.map(\.name) == ["Ana Núñez", "Luis Paz"])

        let exported = fx.file("export.csv")
        #expect(try fx.run("export", "customers", exported).status == 0)
        var text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains("contacto2_whatsapp"), "as many contact columns as the customer with most contacts")
        // The edit in between: Andina's phone and its second contact's e-mail; a new customer at the end.
        text = text.replacingOccurrences(of: "014441234", with: "017778888")
            .replacingOccurrences(of: "Luis Paz,,,,", with: "Luis Paz,,luis@andina.pe,,")
        text += "DNI,45781236,Rosa Quispe Mamani,,,,,,,,,0,0.00,PEN,,no,no,,,,,,,,,,\r\n"
        let edited = try fx.write("editado.csv", text)

        let update = try fx.run("import", "customers", edited, "--update")
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("línea 2: \(Self.andina) actualizado: teléfono, contacto 2"), "\(update.stdout)")
        #expect(!update.stdout.contains(Self.norte), "an unchanged line says nothing")
        #expect(update.stdout.contains("1 cliente(s) nuevo(s), 1 actualizado(s), 1 sin cambios"), "\(update.stdout)")

        let andina = try #require(try repo.find(docType: .ruc, docNumber: Self.andina))
        #expect(andina.phone == "017778888")
        #expect(andina.email == "ventas@andina.pe")
        #expect(andina.contacts == [Contact(name: "Ana Núñez", role: "Compras", email: "ana@andina.pe"),
                                    Contact(name: "Luis Paz", email: "luis@andina.pe")])
        // Nothing lost: exporting again gives back the edited file's rows.
        let again = fx.file("again.csv")
        #expect(try fx.run("export", "customers", again).status == 0)
        func rows(_ path: String) throws -> Set<String> {
            Set(try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty })
        }
        #expect(try rows(again) == rows(edited))
        let audit = try db.queryOne("SELECT summary, door FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1")
        #expect(audit?.string("summary") == "1 cliente(s) importados y 1 actualizados desde editado.csv")
        #expect(audit?.optionalString("door") == "cli")
    }

    @Test func anUpdateWithSomeColumnsIsAllOrNothingAndKeepsTheOthers() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let first = try fx.write("c.csv", """
            tipo_doc,numero_doc,razon_social,telefono,contacto1_nombre
            RUC,\(Self.andina),Comercial Andina S.A.C.,014441234,Ana Núñez

            """)
        #expect(try fx.run("import", "customers", first).status == 0)
        let bad = try fx.write("bad.csv", """
            tipo_doc,numero_doc,email
            RUC,\(Self.andina),compras@andina.pe
            RUC,\(Self.norte),no-es-correo

            """)
        let refused = try fx.run("import", "customers", bad, "--update")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("línea 3: razon_social: es obligatorio; email:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("no se guardó nada"))
        let repo = CustomerRepository(db: try Database(path: fx.dbPath), user: "t")
        #expect(try repo.find(docType: .ruc, docNumber: Self.andina)?.email == "")

        let good = try fx.write("good.csv", "tipo_doc,numero_doc,email\nRUC,\(Self.andina),compras@andina.pe\n")
        let ok = try fx.run("import", "customers", good, "--update")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("línea 2: \(Self.andina) actualizado: correo"))
        let andina = try #require(try repo.find(docType: .ruc, docNumber: Self.andina))
        #expect(andina.email == "compras@andina.pe")
        #expect(andina.phone == "014441234" && andina.legalName == "Comercial Andina S.A.C.")
        #expect(andina.contacts.map(\.name) == ["Ana Núñez"])

        // Without --update the stored document is still refused.
        let plain = try fx.run("import", "customers", good)
        #expect(plain.status == 1)
    }

    @Test func catalogUpdateBySKUFromAFileWithoutCostsLeavesCostsAlone() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "vero", "--name", "Verónica", "--role", "ventas").status == 0)
        let file = try fx.write("k.csv", """
            sku,nombre,unidad_negocio,tipo,precio,costo,base_tarifa
            NAS-4B,NAS Synology 4 bahías,U3,producto,2450,1800,
            HORA-SOP,Hora de soporte,U3,servicio,85,40,hora

            """)
        let first = try fx.run("import", "catalog", file)
        #expect(first.status == 0, "\(first.stderr)")
        let update = try fx.write("u.csv", """
            sku,precio,activo
            nas-4b,2600.00,si
            HORA-SOP,85,no
            SW-24,900,si

            """)
        let r = try fx.run("import", "catalog", update, "--update", user: "vero")
        #expect(r.status == 1, "a new SKU without its name, unit and kind is refused")
        #expect(r.stderr.contains("línea 4: nombre:"), "\(r.stderr)")
        let fixed = try fx.write("u2.csv", "sku,precio,activo\nnas-4b,2600.00,si\nHORA-SOP,85,no\n")
        let ok = try fx.run("import", "catalog", fixed, "--update", user: "vero")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("línea 2: NAS-4B actualizado: precio"), "\(ok.stdout)")
        #expect(ok.stdout.contains("línea 3: HORA-SOP actualizado: activo"), "\(ok.stdout)")
        let repo = CatalogRepository(db: try Database(path: fx.dbPath), user: "t")
        let nas = try #require(try repo.find(sku: "NAS-4B"))
        #expect(nas.price == Money(minorUnits: 260_000, .pen) && nas.cost == Money(minorUnits: 180_000, .pen))
        #expect(try repo.find(sku: "HORA-SOP")?.active == false)
    }
}
