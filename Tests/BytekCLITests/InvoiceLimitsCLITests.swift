import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek invoice issue` with absurd figures, dates and notes: exit 1 with a Spanish sentence naming the
/// field, never a crash (before: exit 132 on an overflow, or a S/ 0.00 factura), and no number spent.
@Suite("bytek invoice issue: amounts, dates and notes within their limits", .serialized)
struct InvoiceLimitsCLITests {
    static let customer = "{\"documentType\": \"6\", \"number\": \"\(validRUC("2010007097"))\", \"name\": \"CLIENTE S.A.C.\"}"

    static func json(quantity: String, price: String, affectation: String = "10", extra: String = "") -> String {
        """
        {"kind": "01", "customer": \(customer)\(extra),
         "lines": [{"description": "Equipo", "quantity": "\(quantity)", "unitPrice": "\(price)", "affectation": "\(affectation)"}]}
        """
    }

    static func numbersTaken(_ fx: CLIFixture, _ series: String = "F001") throws -> Int {
        try Numbering.last(series, in: try Database(path: fx.dbPath))
    }

    @Test func absurdAmountsAreRefusedWithTheFieldAndTakeNoNumber() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 9)
        let cases: [(String, String, String)] = [
            ("99999999999999999999", "99999999999999999999", "línea 1: La cantidad supera el máximo permitido (1,000,000,000)"),
            ("1000000000000000", "1000000", "línea 1: La cantidad supera el máximo permitido"),
            ("1", "100000000000.01", "línea 1: El precio unitario supera el máximo permitido (100,000,000,000)"),
            ("1.00000000001", "1", "línea 1: La cantidad admite hasta 10 decimales"),
            ("1000000000", "1000.01", "Línea 1: El importe de la línea (cantidad × precio) supera el máximo permitido"),
        ]
        for (i, (q, p, message)) in cases.enumerated() {
            let r = try fx.run("invoice", "issue", "--file", try fx.write("a\(i).json", Self.json(quantity: q, price: p)),
                               extra: env)
            #expect(r.status == 1, "\(q) × \(p): \(r.status) \(r.stdout)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
        #expect(try Self.numbersTaken(fx) == 0)
        // 1,001 lines.
        let line = "{\"description\": \"Cable\", \"quantity\": \"1\", \"unitPrice\": \"1\"}"
        let many = "{\"kind\": \"01\", \"customer\": \(Self.customer), \"lines\": ["
            + Array(repeating: line, count: 1001).joined(separator: ",") + "]}"
        let r = try fx.run("invoice", "issue", "--file", try fx.write("many.json", many), extra: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Tiene 1001 líneas y el máximo es 1,000"), "\(r.stderr)")
        #expect(try Self.numbersTaken(fx) == 0)

        // At the limit: a factura of exactly 10¹² (exonerado), in words "UN BILLÓN".
        let top = try fx.run("invoice", "issue", "--file",
                             try fx.write("top.json", Self.json(quantity: "1000000000", price: "1000", affectation: "20")),
                             extra: env)
        #expect(top.status == 0, "\(top.stderr)")
        #expect(top.stdout.contains("Factura F001-1 emitida: PEN 1000000000000.00"), "\(top.stdout)")
        let xml = try fx.run("invoice", "xml", "F001-1", extra: env)
        #expect(xml.stdout.contains("SON: UN BILLÓN CON 00/100 SOLES"), "\(xml.stdout.prefix(300))")
    }

    @Test func issueDatesOutsideTheWindowAndExchangeRates() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 9)
        let today = LimaTime.date(Date())
        for (name, when, message) in [
            ("2020", "2020-06-15T10:00:00-05:00", "es demasiado antigua"),
            ("2030", "2030-06-15", "es posterior a hoy"),
            ("tomorrow", today.adding(days: 1).description + "T00:30:00-05:00", "es posterior a hoy"),
            ("bad", "15/06/2026", "issuedAt: fecha no válida"),
        ] {
            let r = try fx.run("invoice", "issue", "--file",
                               try fx.write("d-\(name).json", Self.json(quantity: "1", price: "10", extra: ", \"issuedAt\": \"\(when)\"")),
                               extra: env)
            #expect(r.status == 1, "\(name)")
            #expect(r.stderr.contains(message), "\(name): \(r.stderr)")
        }
        #expect(try Self.numbersTaken(fx) == 0)
        // Today written in Tokyo's offset late in its evening is still today in Lima when it is.
        let instant = LimaTime.instant(today, hour: 8)
        let tokyo = ISOTimestamp.format(instant.addingTimeInterval(9 * 3600)).prefix(19) + "+09:00"
        let ok = try fx.run("invoice", "issue", "--file",
                            try fx.write("tokyo.json", Self.json(quantity: "1", price: "10", extra: ", \"issuedAt\": \"\(tokyo)\"")),
                            extra: env)
        #expect(ok.status == 0, "\(tokyo): \(ok.stderr)")
        // An exchange rate outside 2.5–6 needs confirming; more than 3 decimals never passes.
        let usd = ", \"currency\": \"USD\", \"exchangeRate\": \"37.5\""
        let odd = try fx.run("invoice", "issue", "--file", try fx.write("r1.json", Self.json(quantity: "1", price: "10", extra: usd)),
                             extra: env)
        #expect(odd.status == 1)
        #expect(odd.stderr.contains("exchangeRate: El tipo de cambio 37.5 no está entre 2.5 y 6 soles por dólar."), "\(odd.stderr)")
        #expect(odd.stderr.contains("\"confirmExchangeRate\": true"), "\(odd.stderr)")
        let fine = try fx.run("invoice", "issue", "--file",
                              try fx.write("r2.json", Self.json(quantity: "1", price: "10", extra: usd + ", \"confirmExchangeRate\": true")),
                              extra: env)
        #expect(fine.status == 0, "\(fine.stderr)")
        let decimals = ", \"currency\": \"USD\", \"exchangeRate\": \"3.7512\""
        let four = try fx.run("invoice", "issue", "--file",
                              try fx.write("r3.json", Self.json(quantity: "1", price: "10", extra: decimals)), extra: env)
        #expect(four.stderr.contains("El tipo de cambio admite hasta 3 decimales"), "\(four.stderr)")
        #expect(try Self.numbersTaken(fx) == 2)
    }

    @Test func creditNotesStopAtWhatIsLeftToCredit() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 9)
        let f = try fx.run("invoice", "issue", "--file", try fx.write("f.json", Self.json(quantity: "2", price: "100")), extra: env)
        #expect(f.status == 0, "\(f.stderr)")
        // As if SUNAT had accepted it (the worker is tested elsewhere).
        try Database(path: fx.dbPath).execute("UPDATE e_document SET status = 'aceptado' WHERE series = 'F001'")
        func note(_ name: String, _ price: String, reason: String = "04") throws -> RunResult {
            let text = """
            {"kind": "07", "reference": "F001-1", "reason": "\(reason)", "description": "Descuento por volumen",
             "lines": [{"description": "Equipo", "quantity": "1", "unitPrice": "\(price)"}]}
            """
            return try fx.run("invoice", "issue", "--file", try fx.write(name, text), extra: env)
        }
        let first = try note("n1.json", "150")
        #expect(first.status == 0, "\(first.stderr)")
        let over = try note("n2.json", "50.01")
        #expect(over.status == 1)
        #expect(over.stderr.contains("a F001-1 solo le queda S/ 59.00 por acreditar"), "\(over.stderr)")
        let byItem = try note("n3.json", "100", reason: "07")
        #expect(byItem.status == 1)
        #expect(byItem.stderr.contains("solo le queda"), "\(byItem.stderr)")
        let rest = try note("n4.json", "50")
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(try Self.numbersTaken(fx, "FC01") == 2)
    }

    @Test func catalogPricesBeyondTheLimitAreRefusedByLine() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        let file = try fx.write("precios.csv", """
        sku,nombre,unidad_negocio,tipo,precio,costo,moneda
        TOPE,Al límite,U3,producto,100000000000.00,99999999999.99,PEN
        CARO,Demasiado caro,U3,producto,100000000000.01,,PEN
        VEINTE,Veinte dígitos,U3,producto,99999999999999999999,,USD
        COSTO,Costo absurdo,U3,producto,10,200000000000,PEN

        """)
        let r = try fx.run("import", "catalog", file)
        #expect(r.status == 1)
        #expect(r.stderr.contains("línea 3: precio: supera el máximo permitido (100,000,000,000.00)"), "\(r.stderr)")
        #expect(r.stderr.contains("línea 4: precio: el importe es demasiado grande"), "\(r.stderr)")
        #expect(r.stderr.contains("línea 5: costo: supera el máximo permitido"), "\(r.stderr)")
        #expect(!r.stderr.contains("línea 2"), "\(r.stderr)")
        #expect(try Database(path: fx.dbPath).scalar("SELECT count(*) FROM catalog_item").intValue == 0)
    }
}
