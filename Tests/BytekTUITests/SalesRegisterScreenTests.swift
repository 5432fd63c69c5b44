import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Finanzas › Registro de ventas as finanzas meets it: the month with documents by default, `p` another period, the totals
/// at the top (the sum of the rows), `a` the sample proposal (Tests/SalesRegister/Fixtures) with its differences by
/// kind, `g` the replacement ZIP and `x` the CSV beside the database. `c` stays free for the monthly close.
@MainActor
@Suite struct SalesRegisterScreenTests {
    static let proposal = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SalesRegister/Fixtures/propuesta-RVIE-202611.zip").path

    /// F001-123 (S/ 1,180.00) and F001-124 (US$ 118.00 at 3.750) of 17/11/2026, issued by the sample's RUC.
    func harness() throws -> ScreenHarness {
        let h = try ScreenHarness(role: .finanzas, login: "fina", width: 120, height: 40)
        let issuer = Issuer(ruc: "20600123450", legalName: "BYTEK SOLUCIONES S.A.C.",
                            address: FiscalAddress(ubigeo: "150131", line: "Av. Javier Prado Este 1234", district: "San Isidro",
                                                   province: "Lima", department: "Lima"))
        try EInvoicingSettingsRepository(db: h.store.db, user: "admin").save(EInvoicingSettings(issuer: issuer))
        let docs = EDocumentRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
        try h.store.db.execute("INSERT INTO numbering(series, last_number) VALUES ('F001', 122)")
        for (currency, rate) in [(Currency.pen, nil), (.usd, Decimal(string: "3.75"))] {
            let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1,
                                issuedAt: LimaTime.instant(LocalDate(year: 2026, month: 11, day: 17)!, hour: 9), issuer: issuer,
                                customer: DocumentCustomer(documentType: .ruc, number: "20100454522", name: "CLIENTE DEMO S.A."),
                                currency: currency, lines: [EDocumentLine(description: "Soporte", quantity: 1, unitPrice: currency == .pen ? 1000 : 100)],
                                exchangeRate: rate)
            _ = try docs.issue(doc) { d in
                PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "h", fileName: d.fileName)
            }
        }
        return h
    }

    @Test func periodTotalsComparisonAndExports() throws {
        let h = try harness()
        h.go(.salesRegister)
        // October (the last month) is empty: the screen opens November, the month with documents.
        #expect(h.screen.contains("Registro de ventas (RVIE) · periodo 2026-11 · RUC 20600123450"), "\(h.screen)")
        #expect(!h.screen.contains("c Cerrar"))
        h.keys(.char("p"))
        h.type("2026-10")
        h.keys(.enter)
        #expect(h.screen.contains("Registro de ventas (RVIE) · periodo 2026-10 · RUC 20600123450"), "\(h.screen)")
        #expect(h.screen.contains("No hay comprobantes emitidos en este periodo."))

        h.keys(.char("p"))
        h.type("2026-13")
        h.keys(.enter)
        #expect(h.screen.contains("Periodo «2026-13» no válido"), "\(h.screen)")
        h.keys(.char("p"))
        h.type("2026-11")
        h.keys(.enter)
        #expect(h.screen.contains("periodo 2026-11"), "\(h.screen)")
        #expect(h.screen.contains("Soles: 1 documento · base S/ 1,000.00 · IGV S/ 180.00 · total S/ 1,180.00"), "\(h.screen)")
        #expect(h.screen.contains("Dólares: 1 documento · base US$ 100.00 · IGV US$ 18.00 · total US$ 118.00"), "\(h.screen)")
        #expect(h.screen.contains("F001-123") && h.screen.contains("F001-124") && h.screen.contains("pendiente"))

        h.keys(.char("a"))
        h.type(Self.proposal)
        h.keys(.enter)
        #expect(h.screen.contains("Propuesta SUNAT: 9 · BYTEK: 2 · coinciden 2 · Solo en SUNAT 7 · Importe 1 · Fecha 2"), "\(h.screen)")
        #expect(h.screen.contains("Diferencias con la propuesta de SUNAT"))
        let rateRow = h.screen.split(separator: "\n").first { $0.contains("tipo de cambio") }
        #expect(rateRow?.contains("F001-124") == true && rateRow?.contains("3.750") == true && rateRow?.contains("3.760") == true)
        #expect(h.screen.contains("17/11/2026") && h.screen.contains("26/11/2026"))
        assertGolden(h.app.lastFrame, "sales-register-differences-120x40")

        h.keys(.char("x"))
        #expect(h.screen.contains("sire-diferencias-2026-11.csv exportado"), "\(h.screen)")
        let folder = h.dir.path
        let diffs = try String(contentsOfFile: folder + "/sire-diferencias-2026-11.csv", encoding: .utf8)
        #expect(diffs.contains("Importe,F001-124,tipo de cambio,3.750,3.760\r\n"), "\(diffs)")
        h.keys(.char("d"))
        #expect(h.screen.contains("Comprobantes de 2026-11"), "\(h.screen)")
        h.keys(.char("x"))
        #expect(try String(contentsOfFile: folder + "/registro-ventas-2026-11.csv", encoding: .utf8).contains(",F001,124,pendiente,"))

        h.keys(.char("g"))
        let zip = folder + "/LE2060012345020261100140400021112.zip"
        #expect(h.screen.contains("LE2060012345020261100140400021112.zip escrito junto a la base de datos"), "\(h.screen)")
        #expect(FileManager.default.fileExists(atPath: zip))
        let audit = try h.store.db.queryOne("SELECT user_login, door FROM audit_log WHERE entity = 'sales_register'")
        #expect(audit?.string("user_login") == "fina" && audit?.optionalString("door") == "tui")
    }

    @Test func anUnreadableProposalSaysWhy() throws {
        let h = try harness()
        h.go(.salesRegister)
        h.keys(.char("a"))
        h.type(h.dir.path + "/no-existe.txt")
        h.keys(.enter)
        #expect(h.screen.contains("No se puede leer la propuesta"), "\(h.screen)")
    }
}
