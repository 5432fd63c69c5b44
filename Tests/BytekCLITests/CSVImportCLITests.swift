import BytekModel
import BytekStore
import Foundation
import Testing

@Suite struct CSVImportCLITests {
    @Test func fileWithBadLinesIsRefusedWholeWithEachLineNumberAndReason() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        // Line 1 header; 2 good; 3 wrong check digit; 4 good; 5 short DNI; 6-7 one record with an embedded
        // newline and a bad e-mail; 8 repeats line 2; 9 good; 10 unknown document type.
        let csv = """
        \u{FEFF}tipo_doc;numero_doc;razon_social;email;dias_credito;limite_credito\r
        RUC;\(validRUC("2051234567"));Ferretería Ñaña S.A.C.;ventas@nana.pe;30;"1.250,50"\r
        RUC;\(wrongRUC("2051234568"));Dígito Malo S.A.C.;;0;0\r
        DNI;45678912;José Núñez;;;\r
        DNI;1234;Corto;;;\r
        RUC;\(validRUC("2051234569"));"Razón con
        salto";no-es-correo;;\r
        RUC;\(validRUC("2051234567"));Repetida;;;\r
        CE;AB12345;Extranjera;;;\r
        PASAPORTE-X;1;Nadie;;;\r

        """
        let file = try fx.write("clientes.csv", csv)
        let r = try fx.run("import", "customers", file)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let reported = lines.filter { $0.hasPrefix("línea ") }
        #expect(reported.count == 4 + 1, "\(r.stderr)")
        #expect(reported.contains { $0.hasPrefix("línea 3: numero_doc:") && $0.contains("dígito verificador") })
        #expect(reported.contains { $0.hasPrefix("línea 5: numero_doc:") && $0.contains("8 dígitos") })
        #expect(reported.contains { $0.hasPrefix("línea 6: email:") })
        #expect(reported.contains { $0.hasPrefix("línea 8: numero_doc:") && $0.contains("repetido") && $0.contains("línea 2") })
        #expect(reported.contains { $0.hasPrefix("línea 10: tipo_doc:") })
        #expect(r.stderr.contains("no se guardó nada"))
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM customer").intValue == 0, "nothing written")
        #expect(try db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'customer'").intValue == 0)

        // --partial keeps the four good lines and still reports the bad ones.
        let partial = try fx.run("import", "customers", file, "--partial")
        #expect(partial.status == 1)
        #expect(partial.stdout.contains("Se importaron 3"))
        #expect(try db.scalar("SELECT count(*) FROM customer").intValue == 3)
        let nana = try #require(try CustomerRepository(db: db, user: "t").find(docType: .ruc, docNumber: validRUC("2051234567")))
        #expect(nana.legalName == "Ferretería Ñaña S.A.C.")
        #expect(nana.creditLimit == Money(minorUnits: 125_050, .pen))

        // Importing the same file again: its good lines now clash with the database.
        let again = try fx.run("import", "customers", file)
        #expect(again.status == 1)
        #expect(again.stderr.contains("línea 2: numero_doc: ya existe"))
    }

    @Test func unknownOrMissingColumnsAreReportedOnLineOne() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let typo = try fx.write("a.csv", "tipo_doc,numero_doc,razon_socal\nDNI,12345678,X\n")
        let r = try fx.run("import", "customers", typo)
        #expect(r.status == 1)
        #expect(r.stderr.contains("línea 1:"))
        #expect(r.stderr.contains("razon_socal"))
        let catalog = try fx.write("b.csv", "sku,nombre\nA-1,Algo\n")
        let c = try fx.run("import", "catalog", catalog)
        #expect(c.status == 1)
        #expect(c.stderr.contains("faltan columnas obligatorias"))
    }

    @Test func exportThenReimportRoundTrips() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        #expect(try fx.run("demo", "--no-invoices", user: nil).status == 0)
        let customers = fx.file("clientes.csv"), catalog = fx.file("catalogo.csv")
        #expect(try fx.run("export", "customers", customers).status == 0)
        #expect(try fx.run("export", "catalog", catalog).status == 0)
        let exported = try Data(contentsOf: URL(fileURLWithPath: customers))
        #expect(exported.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 BOM for Excel")
        #expect(String(decoding: exported, as: UTF8.self).contains("\r\n"))

        let other = fx.file("otra.sqlite")
        try fx.otherDatabaseWithAdmin(other)
        let ic = try fx.run("import", "customers", customers, db: other)
        #expect(ic.status == 0, "\(ic.stderr)")
        let ik = try fx.run("import", "catalog", catalog, db: other)
        #expect(ik.status == 0, "\(ik.stderr)")

        let customers2 = fx.file("clientes2.csv"), catalog2 = fx.file("catalogo2.csv")
        #expect(try fx.run("export", "customers", customers2, db: other).status == 0)
        #expect(try fx.run("export", "catalog", catalog2, db: other).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: customers2)) == exported)
        #expect(try Data(contentsOf: URL(fileURLWithPath: catalog2)) == Data(contentsOf: URL(fileURLWithPath: catalog)))
        let a = try Database(path: fx.dbPath), b = try Database(path: other)
        #expect(try a.scalar("SELECT count(*) FROM customer").intValue == b.scalar("SELECT count(*) FROM customer").intValue)
        #expect(try a.scalar("SELECT count(*) FROM catalog_item").intValue == b.scalar("SELECT count(*) FROM catalog_item").intValue)
    }

    @Test func exportWritesToStandardOutputWithoutAFile() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let file = try fx.write("k.csv", """
        sku,nombre,unidad_negocio,tipo,precio,moneda,base_tarifa,periodo,series
        NAS-4B,NAS Synology 4 bahías,U3,producto,"2,450.00",PEN,,,si
        HORA-SOP,Hora de soporte,U3,servicio,85,PEN,hora,,
        SEO-MES,SEO mensual,U1,suscripción,99.90,USD,,mensual,no

        """)
        let r = try fx.run("import", "catalog", file)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try fx.run("export", "catalog")
        #expect(out.status == 0)
        #expect(out.stdout.contains("NAS-4B,NAS Synology 4 bahías,,U3,,producto,unidad,NIU,PEN,2450.00,0.00,,,gravado,si,si"))
        #expect(out.stdout.contains("HORA-SOP,Hora de soporte,,U3,,servicio,unidad,HUR,PEN,85.00,0.00,hora,,gravado,no,si"))
        #expect(out.stdout.contains("SEO-MES,SEO mensual,,U1,,suscripcion,unidad,MON,USD,99.90,0.00,,mensual,gravado,no,si"))
    }
}
