import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
extension ScreenHarness {
    /// Imports a small padrón beside the harness's database, as `bytek padron import` does: Comercial
    /// Andina is ACTIVO but NO HABIDO, Inversiones Titicaca BAJA DE OFICIO and NO HALLADO, Peña & Ñahui
    /// ACTIVO and HABIDO (the sample customers' RUCs).
    func importSamplePadron() throws {
        let header = "RUC|NOMBRE O RAZÓN SOCIAL|ESTADO DEL CONTRIBUYENTE|CONDICIÓN DE DOMICILIO|UBIGEO|TIPO DE VÍA|"
            + "NOMBRE DE VÍA|CÓDIGO DE ZONA|TIPO DE ZONA|NÚMERO|INTERIOR|LOTE|DEPARTAMENTO|MANZANA|KILÓMETRO|"
        let lines = [
            header,
            "20100047218|COMERCIAL ANDINA S.A.C.|ACTIVO|NO HABIDO|150116|AV.|AREQUIPA|-|-|2450|-|-|-|-|-|",
            "20555123451|INVERSIONES TITICACA E.I.R.L.|BAJA DE OFICIO|NO HALLADO|210101|-|-|-|-|-|-|-|-|-|-|",
            "20601457891|PEÑA & ÑAHUI INGENIEROS S.A.C.|ACTIVO|HABIDO|040126|CAL.|MERCADERES|-|-|120|-|-|-|-|-|",
        ]
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let source = dir.appendingPathComponent("padron.txt")
        try Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }).write(to: source)
        let report = try PadronImporter(destination: PadronFiles.path(besideDatabase: store.path)).run(source: source.path)
        #expect(report.imported == 3 && report.malformed == 0)
    }

    /// The style of the first cell of `needle` on screen (nil when it is not shown).
    func role(of needle: String) -> StyleRole? {
        let frame = app.lastFrame
        for (y, row) in frame.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let r = row.range(of: needle) else { continue }
            return frame[row.distance(from: row.startIndex, to: r.lowerBound), y].style.role
        }
        return nil
    }
}

/// Issue 10 §1: a customer whose RUC is not ACTIVO or not HABIDO in SUNAT's padrón is flagged on its
/// record, in the quote builder and where a factura is made for it — a warning to confirm, never a block.
@MainActor
@Suite struct PadronFlagScreenTests {
    @Test func theCustomerDetailFlagsARucNotActiveAndHabidoInTheDangerStyle() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.importSamplePadron()
        h.go(.customers)
        // Sorted by name: Comercial Andina, Inversiones Titicaca, Núñez (DNI), Peña & Ñahui.
        let flagRow = h.screen.split(separator: "\n").first { $0.contains("ACTIVO / NO HABIDO") }
        #expect(flagRow?.contains("SUNAT") == true, "\(h.screen)")
        #expect(h.role(of: "ACTIVO / NO HABIDO") == .danger)
        #expect(h.role(of: "SUNAT") == .danger)
        h.keys(.down)
        // Wrapped in the pane: "BAJA DE OFICIO / NO" then "HALLADO", both in the danger style.
        #expect(h.screen.contains("BAJA DE OFICIO / NO"), "\(h.screen)")
        #expect(h.role(of: "BAJA DE OFICIO") == .danger)
        #expect(h.role(of: "HALLADO ") == .danger)
        h.keys(.down)  // a DNI is not in the padrón
        #expect(h.screen.contains("Núñez Cáceres"))
        #expect(!h.screen.contains("SUNAT"))
        h.keys(.down)  // ACTIVO and HABIDO: nothing to say
        #expect(h.screen.contains("RUC 20601457891"))
        #expect(!h.screen.contains("SUNAT"))
    }

    @Test func withoutAPadronNothingIsFlagged() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.go(.customers)
        #expect(h.screen.contains("RUC 20100047218"))
        #expect(!h.screen.contains("SUNAT"))
        // A padrón imported meanwhile is seen when the user comes back to Clientes.
        try h.importSamplePadron()
        h.go(.sales)
        h.go(.customers)
        #expect(h.role(of: "ACTIVO / NO HABIDO") == .danger, "\(h.screen)")
    }

    @Test func issuingByHandToANoHabidoRucWarnsInTheConfirmationAndStillIssues() throws {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.importSamplePadron()
        try h.saveBillingSettings()
        h.openBilling(environment: env)
        h.keys(.char("m"))
        h.type("andina")
        h.keys(.enter, .ctrl("s"))  // no line yet: the focus goes to the first description
        h.type("Mantenimiento de servidores")
        h.keys(.tab, .tab)
        h.type("500")
        h.keys(.ctrl("s"))
        #expect(h.question == "SUNAT: el RUC 20100047218 figura como NO HABIDO. "
                + "¿Emitir Factura F001-1 por S/ 590.00 a Comercial Andina S.A.C.? Se enviará a SUNAT.")
        #expect(h.screen.contains("SUNAT: el RUC 20100047218 figura como NO HABIDO."))
        h.keys(.escape)
        #expect(try h.edocs.list().isEmpty)
        h.keys(.ctrl("s"), .char("s"))  // a warning, not a block: confirming issues it
        let record = try #require(try h.edocs.record(documentID: "F001-1"))
        #expect(record.customerDocNumber == "20100047218")
        #expect(h.screen.contains("Factura F001-1 emitida por S/ 590.00"))
    }

    @Test func issuingByHandToAnActiveHabidoRucAsksAsBefore() throws {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.importSamplePadron()
        try h.saveBillingSettings()
        h.openBilling(environment: env)
        h.keys(.char("m"))
        h.type("ingenieros")
        h.keys(.enter)
        #expect(h.screen.contains("Peña & Ñahui Ingenieros S.A.C."))
        h.keys(.ctrl("s"))
        h.type("Soporte")
        h.keys(.tab, .tab)
        h.type("100")
        h.keys(.ctrl("s"))
        #expect(h.question?.hasPrefix("¿Emitir Factura F001-1 por S/ 118.00 a Peña & Ñahui Ingenieros S.A.C.?") == true,
                "\(h.question ?? "no question")")
    }

    @Test func issuingFromAQuoteOfABajaDeOficioRucWarnsFirst() throws {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        // Titicaca alone, so the quote (for the first customer) is its.
        try h.addCustomers([("20555123451", "Inversiones Titicaca E.I.R.L.", "Puno")])
        try h.importSamplePadron()
        try h.saveBillingSettings()
        let quote = try h.addQuote(terms: .cash)
        let id = try #require(quote.id)
        _ = try h.quotes.send(id, on: ScreenHarness.today)
        _ = try h.quotes.accept(id, on: ScreenHarness.today)
        h.openBilling(environment: env)
        h.keys(.char("e"))
        h.keys(.enter)
        let question = try #require(h.question)
        #expect(question.hasPrefix("SUNAT: el RUC 20555123451 figura como BAJA DE OFICIO y NO HALLADO. ¿Emitir Factura en la serie F001"),
                "\(question)")
        h.keys(.char("s"))
        #expect(try h.edocs.record(documentID: "F001-1") != nil)
    }

    @Test func theQuoteBuilderShowsTheFlagBesideTheCustomer() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.addQuoteCatalog()
        try h.importSamplePadron()
        h.go(.quotes)
        h.keys(.char("n"), .char("C"))
        h.type("andina")
        h.keys(.enter)
        #expect(h.builder != nil)
        #expect(h.screen.contains("Comercial Andina S.A.C. · RUC 20100047218  SUNAT: ACTIVO / NO HABIDO"), "\(h.screen)")
        #expect(h.role(of: "SUNAT: ACTIVO / NO HABIDO") == .danger)
        h.keys(.char("C"))
        h.type("ingenieros")
        h.keys(.enter)
        #expect(h.screen.contains("RUC 20601457891"), "\(h.screen)")
        #expect(!h.screen.contains("SUNAT:"))
    }
}
