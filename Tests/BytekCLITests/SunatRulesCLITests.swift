import BytekModel
import BytekStore
import Foundation
import Testing

/// Documents a user issues with `bytek invoice issue` that SUNAT's rules used to reject (3270 for line discounts,
/// 3274/3275/3277 for a global discount over mixed bases) or that the model could not state (export, 40), sent by
/// the worker to the emulator, which runs SUNAT's rules (../shared/sunat/xsl): all end aceptado with no observation.
@Suite("SUNAT's rules through the CLI and the emulator", .serialized)
struct SunatRulesCLITests {
    static let discounted = """
    {"kind": "01", "currency": "PEN",
     "customer": {"documentType": "6", "number": "\(validRUC("2010007097"))", "name": "CLIENTE S.A.C."},
     "globalDiscount": {"percent": "5"},
     "lines": [{"description": "Laptop", "quantity": "4", "unitPrice": "250.00", "affectation": "10",
                "discount": {"percent": "10"}},
               {"description": "Mouse", "quantity": "1", "unitPrice": "118.00", "affectation": "10",
                "priceIncludesIGV": true, "discount": {"amount": "18.00"}},
               {"description": "Libro", "quantity": "2", "unitPrice": "80.00", "affectation": "20"},
               {"description": "Curso", "quantity": "1", "unitPrice": "120.00", "affectation": "30"}]}
    """

    static let export = """
    {"kind": "01", "currency": "USD", "exchangeRate": "3.750",
     "customer": {"documentType": "0", "number": "US-99887766", "name": "ACME TRADING LLC"},
     "lines": [{"description": "Licencia anual (exportación de servicio)", "quantity": "3", "unitPrice": "1200.00",
                "affectation": "40"}]}
    """

    @Test func discountsAndExportsAreAcceptedBySunatRules() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        for (name, json) in [("descuentos.json", Self.discounted), ("exportacion.json", Self.export)] {
            let issued = try fx.run("invoice", "issue", "--file", try fx.write(name, json), extra: env)
            #expect(issued.status == 0, "\(name): \(issued.stderr)")
        }
        let worker = try fx.run("worker", "--once", extra: env)
        #expect(worker.status == 0, "\(worker.stderr)")
        let db = try Database(path: fx.dbPath)
        for number in [1, 2] {
            let status = try db.scalar("SELECT status || ' ' || coalesce(response_code, '') || ' ' || coalesce(last_error, '') FROM e_document WHERE series = 'F001' AND number = ?",
                                       [.int(Int64(number))]).stringValue ?? ""
            #expect(status.hasPrefix("aceptado 0"), "F001-\(number): \(status)")
        }
        // The export states tax scheme 9995 and operation type 0200.
        let xml = try fx.run("invoice", "xml", "F001-2")
        #expect(xml.stdout.contains(">9995</cbc:ID>"))
        #expect(xml.stdout.contains("listID=\"0200\""))
        let sent = try emulator.log().filter { $0["operation"] as? String == "sendBill" }
        #expect(sent.count == 2)
        for entry in sent {
            // Run, and nothing found: no E (rejected) and no W (observation).
            #expect((entry["rules"] as? [String]) == [], "the emulator's rules for \(entry["fileName"] ?? ""): \(entry["rules"] ?? "not run")")
        }
    }
}
