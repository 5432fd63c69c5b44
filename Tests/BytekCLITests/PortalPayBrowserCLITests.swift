import BytekModel
import BytekStore
import Foundation
import Testing

/// The portal's money pages in a real browser: `bytek serve` with the Izipay emulator in the secrets file.
@Suite("portal: pay in the browser")
struct PortalPayBrowserCLITests {
    @Test("in chromium: Pagar → the emulator's form (accepted card) → paid, and in the estado de cuenta; a refused card's reason; save a card and remove it; screenshots at 360 and 1280 px")
    func payInBrowser() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let emulator = Process()
        emulator.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        emulator.arguments = [folder.deletingLastPathComponent().appendingPathComponent("GatewayEmulators/izipay_emulator.py").path,
                              "--port", "0"]
        let out = Pipe()
        emulator.standardOutput = out
        emulator.standardError = FileHandle.nullDevice
        try emulator.run()
        defer { kill(emulator.processIdentifier, SIGKILL); emulator.waitUntilExit() }
        var line = ""
        while !line.hasSuffix("\n") {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += String(decoding: byte, as: UTF8.self)
        }
        let port = try #require(Int(line.dropFirst("LISTENING ".count).trimmingCharacters(in: .whitespacesAndNewlines)))

        let web = try WebFixture(secrets: [
            ("izipay_url", "http://127.0.0.1:\(port)"), ("izipay_shop_id", "33148340"),
            ("izipay_password", "testpassword_BYTEKemulador0001"), ("izipay_public_key", "33148340:testpublickey_BYTEKemulador0001"),
            ("izipay_hmac_key", "bytekhmacemulador0001")]) { db, andina in
            // Two open facturas of Andina (the second with detracción) and the bank account Izipay pays into.
            let ruc = validRUC("2010007097")
            let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                                address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1", district: "Miraflores",
                                                       province: "Lima", department: "Lima"))
            for (price, detraccion) in [(Decimal(100), false), (Decimal(1_000), true)] {
                let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: Date(), issuer: issuer,
                                    customer: DocumentCustomer(documentType: .ruc, number: ruc, name: "Andina de Servicios"),
                                    lines: [EDocumentLine(description: "Soporte", quantity: 1, unit: .service, unitPrice: price, itemKind: .service)],
                                    detraccion: detraccion ? Detraccion(account: "00-000-123456") : nil)
                try EDocumentRepository(db: db, user: "admin").issue(doc) { d in
                    PreparedEDocument(signedXML: Array("<x>\(d.number)</x>".utf8), zip: Data([0x50, 0x4b]), digestValue: "d", fileName: d.fileName)
                }
            }
            let account = try ReceivableRepository(db: db, user: "admin").addBankAccount(bank: "BCP", number: "193-1", currency: .pen)
            try CardRepository(db: db, user: "admin").setGatewayAccount("izipay", currency: .pen, bankAccountId: account.id)
        }
        let token = try web.invite("ana@andina.pe")
        let shots = ProcessInfo.processInfo.environment["BYTEK_SCREENSHOTS"] ?? web.cli.file("capturas")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("portal_pay_browser.py").path
        let (status, text) = try runTool(
            "/usr/bin/python3", [script, web.base, token, "\(web.andina)", "F001-1", "F001-2", shots],
            environment: ["PATH": "/usr/bin:/bin", "HOME": web.cli.folder, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"], withErrors: true)
        #expect(status == 0, "\(text)")
        #expect(text.contains("ok: the card is removed"), "\(text)")
        for name in ["pagar-360", "tarjeta-1280", "pago-aprobado-360", "pago-rechazado-360", "tarjetas-360"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: shots + "/\(name).png")[.size] as? Int) ?? 0
            #expect(size > 5000, "\(name).png")
        }
        _ = web.stop()
    }
}
