import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek quote|contract|deal|company` run as the real binary on a `bytek demo` database.
@Suite(.serialized) struct SalesCLITests {
    /// A fresh demo database (users, customers, catalog, sales) in a temp folder.
    static func demo() throws -> CLIFixture {
        let fx = try CLIFixture()
        let r = try fx.run("demo", "--no-invoices", user: nil)
        #expect(r.status == 0, "\(r.stderr)")
        return fx
    }

    /// A CSV as written by a command (stdout is already decoded, so only files are checked for the BOM).
    static func csv(_ text: String) throws -> CSVTable {
        #expect(text.contains("\r\n"), "el CSV usa CRLF")
        return try CSVReader.parse(Array(text.utf8))
    }

    static func csvFile(_ path: String) throws -> CSVTable {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "el CSV lleva BOM")
        #expect(bytes.contains(0x0D), "el CSV usa CRLF")
        return try CSVReader.parse(bytes)
    }

    static func column(_ table: CSVTable, _ name: String) -> Int { table.header.firstIndex(of: name) ?? -1 }

    /// `pdftotext` of a PDF, whitespace runs squeezed (table cells wrap and align with spaces).
    static func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    static func pages(_ path: String) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// Every stored version, read from the database directly (what the commands must report).
    static func versions(_ fx: CLIFixture) throws -> [Quote] {
        let store = try Store(path: fx.dbPath)
        let repo = QuoteRepository(db: store.db, user: "admin")
        let numbers = try store.db.query("SELECT DISTINCT number FROM quote ORDER BY number").map { $0.string("number") }
        return try numbers.flatMap { try repo.versions(of: $0) }
    }

    static func plain(_ m: Money) -> String {
        let c = m.minorUnits.magnitude
        return (m.minorUnits < 0 ? "-" : "") + "\(c / 100)." + (c % 100 < 10 ? "0" : "") + "\(c % 100)"
    }

    @Test func quoteListHasEveryStateAndTheStoresTotals() throws {
        let fx = try Self.demo()
        defer { fx.cleanup() }
        let r = try fx.run("quote", "list", "--csv", fx.file("cotizaciones.csv"), user: "ventas")
        #expect(r.status == 0, "\(r.stderr)")
        let table = try Self.csvFile(fx.file("cotizaciones.csv"))
        let piped = try fx.run("quote", "list", "--csv", user: "ventas")
        #expect(try Self.csv(piped.stdout).records.count == table.records.count)
        let number = Self.column(table, "numero"), version = Self.column(table, "version")
        let state = Self.column(table, "estado"), total = Self.column(table, "total"), currency = Self.column(table, "moneda")
        #expect(Set(table.records.map { $0.fields[state] }) == ["borrador", "enviada", "aceptada", "rechazada", "vencida"])
        let stored = try Self.versions(fx)
        #expect(table.records.count == stored.count)
        for q in stored {
            let row = try #require(table.records.first { $0.fields[number] == q.number && $0.fields[version] == String(q.version) })
            let totals = try q.totals()
            #expect(row.fields[total] == Self.plain(totals.tax.total), "\(q.number) v\(q.version)")
            #expect(row.fields[currency] == q.currency.rawValue)
        }
        // A multi-version quote, a USD one and a long one are there.
        #expect(Dictionary(grouping: stored, by: \.number).values.contains { $0.count >= 2 })
        #expect(stored.contains { $0.currency == .usd && $0.exchangeRate != nil })
        #expect((stored.map(\.lines.count).max() ?? 0) >= 50)

        let accepted = try fx.run("quote", "list", "--state", "aceptada", "--unit", "U2", user: "ventas")
        #expect(accepted.status == 0)
        let expected = stored.filter { $0.state == .accepted && $0.unit == .software }
        #expect(!expected.isEmpty)
        for q in expected { #expect(accepted.stdout.contains(q.number)) }
        #expect(!accepted.stdout.contains("borrador"))

        let bad = try fx.run("quote", "list", "--state", "inexistente", user: "ventas")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("estado desconocido"))
    }

    @Test func quoteShowPrintsLinesTotalsTermsAndMarginOnlyForSales() throws {
        let fx = try Self.demo()
        defer { fx.cleanup() }
        let stored = try Self.versions(fx)
        let quote = try #require(stored.first { $0.state == .accepted && $0.paymentTerms.milestoneList.count > 0 })
        let totals = try quote.totals()
        let r = try fx.run("quote", "show", quote.number, "--version", String(quote.version), user: "ventas")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(quote.number) v\(quote.version) — aceptada"))
        for (i, line) in quote.lines.enumerated() {
            #expect(r.stdout.contains(String(line.description.prefix(48))), "falta \(line.description)")
            let amount = Money(minorUnits: totals.lines[i].tax.baseCents + totals.lines[i].tax.globalDiscountCents, quote.currency)
            #expect(r.stdout.contains(amount.formattedAmount))
        }
        #expect(r.stdout.contains("Total:") && r.stdout.contains(totals.tax.total.formatted))
        #expect(r.stdout.contains(totals.tax.igv.formatted))
        #expect(r.stdout.contains(totals.oneTime.formatted))
        #expect(r.stdout.contains("Margen:") && r.stdout.contains(totals.margin.formatted))
        let store = try Store(path: fx.dbPath)
        let quoteId = try #require(quote.id)
        let milestones = try QuoteRepository(db: store.db, user: "admin").milestones(quoteId: quoteId)
        #expect(!milestones.isEmpty)
        for m in milestones {
            let amount = try #require(m.amount, "un hito aceptado tiene importe")
            #expect(r.stdout.contains("\(m.name) — ") && r.stdout.contains(amount.formatted))
        }
        let finance = try fx.run("quote", "show", quote.number, user: "finanzas")
        #expect(finance.status == 0)
        #expect(!finance.stdout.contains("Margen"))
        #expect(!finance.stdout.contains("COSTO"))

        let missing = try fx.run("quote", "show", "COT-1999-99999", user: "ventas")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no existe la cotización"))
    }

    @Test func quotePDFHasEveryLineAndTheTotal() throws {
        let fx = try Self.demo()
        defer { fx.cleanup() }
        let long = try #require(try Self.versions(fx).max { $0.lines.count < $1.lines.count })
        let out = fx.file("larga.pdf")
        let r = try fx.run("quote", "pdf", long.number, "-o", out, user: "ventas")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == out)
        let text = try Self.pdfText(out)
        for line in long.lines { #expect(text.contains(line.description), "falta «\(line.description)»") }
        #expect(text.contains(try long.totals().tax.total.formatted))
        #expect(text.contains("COTIZACIÓN") && text.contains(long.number))
        #expect(try Self.pages(out) > 1)

        // Without -o: into documentos/ beside the database.
        let usd = try #require(try Self.versions(fx).first { $0.currency == .usd })
        let d = try fx.run("quote", "pdf", usd.number, user: "admin")
        #expect(d.status == 0, "\(d.stderr)")
        let path = d.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path == fx.folder + "/documentos/\(usd.number)-v\(usd.version).pdf")
        let usdText = try Self.pdfText(path)
        #expect(usdText.contains(try usd.totals().tax.total.formatted))
        #expect(usdText.contains("US$"))
    }

    @Test func contractOnlyForAnAcceptedVersion() throws {
        let fx = try Self.demo()
        defer { fx.cleanup() }
        let stored = try Self.versions(fx)
        let multi = try #require(Dictionary(grouping: stored, by: \.number).values.first { versions in
            versions.count >= 2 && versions.contains { $0.state == .accepted }
        })
        let accepted = try #require(multi.first { $0.state == .accepted })
        let r = try fx.run("contract", "pdf", accepted.number, user: "ventas")
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let path = try #require(lines.first)
        #expect(FileManager.default.fileExists(atPath: path))
        let hashLine = try #require(lines.first { $0.hasPrefix("SHA-256 del alcance: ") })
        let hash = String(hashLine.dropFirst("SHA-256 del alcance: ".count))
        #expect(hash.count == 64 && hash.allSatisfy(\.isHexDigit))
        let text = try Self.pdfText(path)
        #expect(text.contains(hash))
        #expect(text.contains(try accepted.totals().tax.total.formatted))
        for line in accepted.lines { #expect(text.contains(line.description)) }
        let template = fx.folder + "/plantillas/contrato-\(accepted.unit.code.lowercased()).txt"
        #expect(FileManager.default.fileExists(atPath: template))
        // The contract is recorded once: number, version, both hashes and the total.
        let contractLine = try #require(lines.first { $0.hasPrefix("Contrato: ") })
        #expect(contractLine.contains("registrado ahora"))
        let store = try Store(path: fx.dbPath)
        let recorded = try ContractRepository(db: store.db, user: "ventas").list(quoteNumber: accepted.number)
        #expect(recorded.count == 1)
        let contract = try #require(recorded.first)
        #expect(contract.number.hasPrefix("CTR-") && contractLine.contains(contract.number))
        #expect(path.hasSuffix("/documentos/\(contract.number).pdf"))
        #expect(text.contains(contract.number))
        #expect(contract.quoteVersion == accepted.version && contract.scopeHash == hash)
        #expect(contract.total == (try accepted.totals().tax.total))
        #expect(contract.createdBy == "ventas")
        let templateText = try String(contentsOfFile: template, encoding: .utf8)
        #expect(contract.templateHash == SHA256.hex(templateText))
        #expect(try store.db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'contract'").intValue == 1)
        // The same accepted version gives the same contract again, even for a read-only role.
        let again = try fx.run("contract", "pdf", accepted.number, "-o", fx.file("otra.pdf"), user: "finanzas")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains(hash) && again.stdout.contains(contract.number))
        #expect(try ContractRepository(db: store.db, user: "t").list().count == 1)
        // A template edited afterwards is reported; the record keeps the hash of the first text.
        try (templateText + "\nCláusula añadida.\n").write(toFile: template, atomically: true, encoding: .utf8)
        let edited = try fx.run("contract", "pdf", accepted.number, "-o", fx.file("editada.pdf"), user: "ventas")
        #expect(edited.status == 0)
        #expect(edited.stderr.contains("la plantilla contrato-\(accepted.unit.code.lowercased()).txt cambió"))
        #expect(try ContractRepository(db: store.db, user: "t").list().first?.templateHash == contract.templateHash)
        let listed = try fx.run("contract", "list", user: "finanzas")
        #expect(listed.status == 0)
        #expect(listed.stdout.contains(contract.number) && listed.stdout.contains("\(accepted.number) v\(accepted.version)"))
        let exported = try fx.run("export", "contracts", user: "admin")
        #expect(exported.status == 0, "\(exported.stderr)")
        let table = try Self.csv(exported.stdout)
        #expect(table.records.count == 1)
        #expect(table.records.first?.fields[Self.column(table, "sha256_alcance")] == hash)

        let older = try #require(multi.first { $0.state != .accepted })
        let refusedOld = try fx.run("contract", "pdf", accepted.number, "--version", String(older.version), user: "ventas")
        #expect(refusedOld.status == 1)
        let draft = try #require(stored.first { $0.state == .draft })
        let refused = try fx.run("contract", "pdf", draft.number, user: "ventas")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("solo una versión aceptada genera contrato; esta versión está borrador"))
    }

    @Test func exportDealsAndQuotesAsCSV() throws {
        let fx = try Self.demo()
        defer { fx.cleanup() }
        let store = try Store(path: fx.dbPath)
        let dealFile = fx.file("oportunidades.csv")
        let deals = try fx.run("export", "deals", dealFile, user: "ventas")
        #expect(deals.status == 0, "\(deals.stderr)")
        let dealTable = try Self.csvFile(dealFile)
        #expect(dealTable.header.contains("valor_estimado"))
        #expect(dealTable.records.count == (try DealRepository(db: store.db, user: "t").deals().count))
        let quotes = try fx.run("export", "quotes", user: "ventas")
        #expect(quotes.status == 0, "\(quotes.stderr)")
        let quoteTable = try Self.csv(quotes.stdout)
        #expect(quoteTable.records.count == (try Self.versions(fx).count))
        #expect(Set(quoteTable.records.map { $0.fields[Self.column(quoteTable, "estado")] })
            == ["borrador", "enviada", "aceptada", "rechazada", "vencida"])
        let refused = try fx.binary.start(["export", "deals"], environment: fx.environment(user: "almacen"),
                                          folder: fx.folder).wait()
        #expect(refused.status == 1 && refused.stderr.contains("no tiene permiso"))
        #expect(try fx.run("export", "facturas", user: "admin").status == 2)
    }

    @Test func dealListCSVCoversEveryStageAndFilters() throws {
        let fx = try Self.demo()
        defer { fx.cleanup() }
        let file = fx.file("oportunidades.csv")
        let r = try fx.run("deal", "list", "--unit", "U2", "--csv", file, user: "ventas")
        #expect(r.status == 0, "\(r.stderr)")
        let table = try Self.csvFile(file)
        let store = try Store(path: fx.dbPath)
        let deals = try DealRepository(db: store.db, user: "admin").deals(DealQuery(unit: .software))
        #expect(table.records.count == deals.count)
        let stageNames = Set(try PipelineRepository(db: store.db, user: "admin").pipeline(for: .software)?
            .activeStages.map(\.name) ?? [])
        let stage = Self.column(table, "etapa"), unit = Self.column(table, "unidad"), stale = Self.column(table, "atrasado")
        #expect(Set(table.records.map { $0.fields[stage] }) == stageNames)
        #expect(table.records.allSatisfy { $0.fields[unit] == "U2" })
        #expect(table.records.contains { $0.fields[stale] == "sí" })
        let valueColumn = Self.column(table, "valor_estimado")
        let storedValues = deals.map { Self.plain($0.estimatedValue) }.sorted()
        #expect(table.records.map { $0.fields[valueColumn] }.sorted() == storedValues)

        let oneStage = try fx.run("deal", "list", "--stage", "reunion de descubrimiento", "--csv", user: "admin")
        #expect(oneStage.status == 0, "\(oneStage.stderr)")
        let filtered = try Self.csv(oneStage.stdout)
        #expect(!filtered.records.isEmpty)
        #expect(filtered.records.allSatisfy { $0.fields[stage] == "Reunión de descubrimiento" })

        let unknown = try fx.run("deal", "list", "--stage", "Nada", user: "admin")
        #expect(unknown.status == 2)
    }

    @Test func permissionsAndCompanyProfile() throws {
        let fx = try Self.demo()
        defer { fx.cleanup() }
        let first = try #require(try Self.versions(fx).first).number
        for args in [["quote", "list"], ["deal", "list"], ["quote", "pdf", first], ["contract", "pdf", first]] {
            let r = try fx.binary.start(args, environment: fx.environment(user: "almacen"), folder: fx.folder).wait()
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("no tiene permiso"), "\(args): \(r.stderr)")
        }
        #expect(try fx.run("quote", "list", user: "finanzas").status == 0)
        #expect(try fx.run("deal", "list", user: "operaciones").status == 0)

        let show = try fx.run("company", "show", user: "ventas")
        #expect(show.status == 0)
        #expect(show.stdout.contains("BYTEK SOLUCIONES TECNOLÓGICAS S.A.C."))
        let notAdmin = try fx.run("company", "set", "--phone", "01 555-0000", user: "ventas")
        #expect(notAdmin.status == 1)
        let badRUC = try fx.run("company", "set", "--ruc", wrongRUC("2060999888"), user: "admin")
        #expect(badRUC.status == 1)
        #expect(badRUC.stderr.contains("RUC: el dígito verificador no corresponde"))
        let ruc = validRUC("2060999888")
        let ok = try fx.run("company", "set", "--ruc", ruc, "--trade-name", "Bytek Perú", user: "admin")
        #expect(ok.status == 0, "\(ok.stderr)")
        let pdf = try fx.run("quote", "pdf", first, "-o", fx.file("q.pdf"), user: "admin")
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(try Self.pdfText(fx.file("q.pdf")).contains(ruc))
    }
}
