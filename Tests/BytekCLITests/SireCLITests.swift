import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek sire ventas` through the binary: the replacement ZIP (opened with unzip/zipinfo, its text checked
/// byte by byte), the comparison with the hand-made proposal (Tests/SalesRegister/Fixtures, as a ZIP), the CSVs,
/// and the Spanish refusals for a bad period, an unreadable proposal and a role without access.
@Suite struct SireCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SalesRegister/Fixtures")
    static let ruc = "20600123450"

    /// Two facturas of 26/11/2026 (F001-123 accepted, F001-126 pending with a customer named with an ñ) and one of
    /// October, stored as issued (stand-in signed bytes).
    static func seed(_ dbPath: String) throws {
        let store = try Store(path: dbPath)
        let issuer = Issuer(ruc: ruc, legalName: "BYTEK SOLUCIONES S.A.C.",
                            address: FiscalAddress(ubigeo: "150131", line: "Av. Javier Prado Este 1234", district: "San Isidro",
                                                   province: "Lima", department: "Lima"))
        try EInvoicingSettingsRepository(db: store.db, user: "setup").save(EInvoicingSettings(issuer: issuer))
        func factura(_ number: Int, day: Int, month: Int = 11, customer: String, price: Decimal) throws -> Int64 {
            let issued = LimaTime.instant(LocalDate(year: 2026, month: month, day: day)!, hour: 10)
            let docs = EDocumentRepository(db: store.db, user: "setup", now: { issued.addingTimeInterval(3600) })
            // The series' counter set so the document takes `number` (the sample proposal's numbers).
            try store.db.execute("INSERT INTO numbering(series, last_number) VALUES ('F001', ?) "
                                 + "ON CONFLICT(series) DO UPDATE SET last_number = excluded.last_number", [.int(Int64(number - 1))])
            let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: number,
                                issuedAt: issued,
                                issuer: issuer, customer: DocumentCustomer(documentType: .ruc, number: "20100454522", name: customer),
                                lines: [EDocumentLine(description: "Soporte", quantity: 1, unitPrice: price)])
            return try docs.issue(doc) { d in
                PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "h-\(d.id)",
                                  fileName: d.fileName)
            }.id
        }
        _ = try factura(90, day: 31, month: 10, customer: "CLIENTE DEMO S.A.", price: 5)
        let accepted = try factura(123, day: 26, customer: "CLIENTE DEMO S.A.", price: 1000)
        try EDocumentRepository(db: store.db, user: "setup").recordAnswer(id: accepted, status: .aceptado, cdrZip: nil, responseCode: "0", description: "aceptada", observations: [])
        _ = try factura(126, day: 26, customer: "PEÑALOZA E.I.R.L.", price: 100)
    }

    static func tool(_ path: String, _ args: [String]) throws -> (status: Int32, out: Data) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, data)
    }

    @Test func replacementZipComparisonAndCSV() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "fina", "--name", "Fina", "--role", "finanzas").status == 0)
        #expect(try fx.run("user", "add", "vero", "--name", "Vero", "--role", "ventas").status == 0)
        try Self.seed(fx.dbPath)
        let out = fx.file("sire")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

        let gen = try fx.run("sire", "ventas", "--period", "2026-11", "--output", out, user: "fina")
        #expect(gen.status == 0, "\(gen.stderr)")
        let name = "LE" + Self.ruc + "202611" + "00140400021112"
        #expect(gen.stdout.contains(out + "/" + name + ".zip"), "\(gen.stdout)")
        #expect(gen.stdout.contains("Soles: 2 documentos · base S/ 1,100.00 · IGV S/ 198.00 · total S/ 1,298.00"), "\(gen.stdout)")

        let listing = try Self.tool("/usr/bin/zipinfo", ["-1", out + "/" + name + ".zip"])
        #expect(listing.status == 0)
        #expect(String(decoding: listing.out, as: UTF8.self) == name + ".txt\n")
        let unzipList = try Self.tool("/usr/bin/unzip", ["-l", out + "/" + name + ".zip"])
        #expect(String(decoding: unzipList.out, as: UTF8.self).contains(name + ".txt"))
        let text = [UInt8](try Self.tool("/usr/bin/unzip", ["-p", out + "/" + name + ".zip", name + ".txt"]).out)
        // ISO-8859-1: the Ñ is the single byte 0xD1, never UTF-8's C3 91; lines end in CR LF.
        #expect(text.contains(0xD1) && !text.contains(0xC3))
        let lines = String(String.UnicodeScalarView(text.map { Unicode.Scalar($0) })).components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0] == "20600123450|BYTEK SOLUCIONES S.A.C.|202611|2060012345001F0010000000123|26/11/2026||01|F001|123||6|20100454522|CLIENTE DEMO S.A.|0.00|1000.00|0.00|180.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|1180.00|PEN|||||||")
        #expect(lines[1].split(separator: "|", omittingEmptySubsequences: false).count == 34)
        #expect(lines[1].contains("|PEÑALOZA E.I.R.L.|0.00|100.00|0.00|18.00|"))
        // The generation is in the audit log, with who did it.
        let store = try Store(path: fx.dbPath)
        let audit = try store.db.queryOne("SELECT user_login, summary, door FROM audit_log WHERE entity = 'sales_register'")
        #expect(audit?.string("user_login") == "fina" && audit?.string("door") == "cli")
        #expect(audit?.string("summary").contains(name + ".zip") == true)

        let cmp = try fx.run("sire", "ventas", "--period", "2026-11", "--propuesta",
                             Self.fixtures.appendingPathComponent("propuesta-RVIE-202611.zip").path, user: "fina")
        #expect(cmp.status == 0, "\(cmp.stderr)")
        #expect(cmp.stdout.contains("Propuesta SUNAT 2026-11: 9 comprobante(s); BYTEK: 2; coinciden 1."), "\(cmp.stdout)")
        #expect(cmp.stdout.contains("  F001-126 · Solo en BYTEK: BYTEK S/ 118.00, SUNAT —"))
        #expect(cmp.stdout.contains("  F001-127 · Solo en SUNAT: BYTEK —, SUNAT S/ 236.00"))
        #expect(cmp.stdout.contains("  B001-8 · Solo en SUNAT: BYTEK —, SUNAT en el rango B001-7…B001-8"))
        #expect(cmp.stdout.contains("9 diferencia(s): Solo en SUNAT 8, Solo en BYTEK 1."), "\(cmp.stdout)")

        let diffCSV = fx.file("dif.csv")
        let cmpCSV = try fx.run("sire", "ventas", "--period", "2026-11", "--propuesta",
                                Self.fixtures.appendingPathComponent("propuesta-RVIE-202611.txt").path, "--csv", diffCSV, user: "fina")
        #expect(cmpCSV.status == 0, "\(cmpCSV.stderr)")
        let diffText = try String(contentsOfFile: diffCSV, encoding: .utf8)
        #expect(diffText.contains("tipo_diferencia,documento,campo,bytek,sunat\r\n"))
        #expect(diffText.contains("Solo en BYTEK,F001-126,,S/ 118.00,\r\n"))

        let docsCSV = fx.file("ventas.csv")
        let plain = try fx.run("sire", "ventas", "--period", "2026-11", "--csv", docsCSV, user: "fina")
        #expect(plain.status == 0 && plain.stdout.contains("Se exportaron 2 registro(s) a \(docsCSV)."), "\(plain.stderr)")
        let docsText = try String(contentsOfFile: docsCSV, encoding: .utf8)
        #expect(docsText.contains("2026-11-26,01,F001,126,pendiente,6,20100454522,PEÑALOZA E.I.R.L.,PEN,,0.00,100.00,0.00,0.00,18.00,118.00,\r\n"))
        #expect(!docsText.contains(",90,"))

        let refused = try fx.run("sire", "ventas", "--period", "2026-11", "--output", out, user: "vero")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no tiene permiso para modificar Registro de ventas (sire.generar)"), "\(refused.stderr)")
    }

    @Test func badInputIsRefusedInSpanish() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        try Self.seed(fx.dbPath)
        let period = try fx.run("sire", "ventas", "--period", "2026-13")
        #expect(period.status == 1)
        #expect(period.stderr.contains("periodo «2026-13» no válido: escriba el mes como AAAA-MM (por ejemplo 2026-11)"), "\(period.stderr)")
        let long = try fx.run("sire", "ventas", "--period", "99999999999999999999")
        #expect(long.status == 1 && long.stderr.contains("no válido"))
        let missing = try fx.run("sire", "ventas", "--period", "2026-11", "--propuesta", fx.file("no-existe.zip"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no se puede leer la propuesta \(fx.file("no-existe.zip")): no existe el archivo"), "\(missing.stderr)")
        var fixture = try String(contentsOfFile: Self.fixtures.appendingPathComponent("propuesta-RVIE-202611.txt").path, encoding: .isoLatin1)
        fixture = fixture.replacingOccurrences(of: "|1180.00|PEN|", with: "|1180,0,0|PEN|")
        let bad = try fx.write("propuesta-mala.txt", fixture)
        let badRun = try fx.run("sire", "ventas", "--period", "2026-11", "--propuesta", bad)
        #expect(badRun.status == 1)
        #expect(badRun.stderr.contains("propuesta, línea 2: columna 26 («Total CP»): «1180,0,0» no es un importe"), "\(badRun.stderr)")
        let other = try fx.run("sire", "ventas", "--period", "2026-10", "--propuesta",
                               Self.fixtures.appendingPathComponent("propuesta-RVIE-202611.txt").path)
        #expect(other.status == 1 && other.stderr.contains("el periodo es 202611, no 202610"), "\(other.stderr)")
        let folder = try fx.run("sire", "ventas", "--period", "2026-11", "--output", fx.file("no/hay"))
        #expect(folder.status == 1 && folder.stderr.contains("la carpeta no existe"), "\(folder.stderr)")
    }

    /// The SIRE API through the worker: `--solicitar-propuesta` queues the job, `bytek worker --once` asks the
    /// emulator (Tests/SunatEmulator/sire_emulator.py) for the proposal, follows its ticket and saves the ZIP,
    /// which the comparison then reads.
    @Test func proposalDownloadedThroughTheWorker() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "fina", "--name", "Fina", "--role", "finanzas").status == 0)
        try Self.seed(fx.dbPath)
        let script = URL(fileURLWithPath: InvoiceEmulator.script).deletingLastPathComponent().appendingPathComponent("sire_emulator.py").path
        let sire = try InvoiceEmulator(script: script, arguments: [
            "--ruc", Self.ruc, "--proposal", Self.fixtures.appendingPathComponent("propuesta-RVIE-202611.txt").path])
        defer { sire.stop() }
        var env = ["BYTEK_SIRE_URL": "http://127.0.0.1:\(sire.port)", "BYTEK_SIRE_AUTH_URL": "http://127.0.0.1:\(sire.port)",
                   "BYTEK_SIRE_CLIENT_ID": "cliente-sire", "BYTEK_SIRE_CLIENT_SECRET": "secreto-sire",
                   "BYTEK_SOL_USER": "MODDATOS", "BYTEK_SOL_PASSWORD": "moddatos", "BYTEK_SECRETS": fx.file("sin-secretos")]

        let asked = try fx.run("sire", "ventas", "--period", "2026-11", "--solicitar-propuesta", user: "fina", extra: env)
        #expect(asked.status == 0, "\(asked.stderr)")
        let path = fx.folder + "/propuesta-RVIE-202611.zip"
        #expect(asked.stdout.contains("el trabajador (bytek worker) la guardará en \(path)."), "\(asked.stdout)")
        let worked = try fx.run("worker", "--once", extra: env)
        #expect(worked.status == 0, "\(worked.stderr)")
        #expect(FileManager.default.fileExists(atPath: path), "\(worked.stdout)\n\(worked.stderr)")
        let cmp = try fx.run("sire", "ventas", "--period", "2026-11", "--propuesta", path, user: "fina")
        #expect(cmp.stdout.contains("Propuesta SUNAT 2026-11: 9 comprobante(s); BYTEK: 2; coinciden 1."), "\(cmp.stdout)\(cmp.stderr)")

        // A wrong API secret: the job fails with SUNAT's refusal in Spanish and no file is written.
        try FileManager.default.removeItem(atPath: path)
        env["BYTEK_SIRE_CLIENT_SECRET"] = "otro"
        #expect(try fx.run("sire", "ventas", "--period", "2026-11", "--solicitar-propuesta", user: "fina", extra: env).status == 0)
        let refused = try fx.run("worker", "--once", extra: env)
        #expect((refused.stdout + refused.stderr).contains("SUNAT respondió 401 al pedir el token del SIRE"), "\(refused.stdout)\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
