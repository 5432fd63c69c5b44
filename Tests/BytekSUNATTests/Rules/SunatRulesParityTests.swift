import BytekModel
import Foundation
import Testing
@testable import BytekSUNAT

/// The in-process engine against `run-rules --all` (lxml) on the same documents: the same E and W codes, in
/// the same order, with the same text. Good documents from the UBL writer (signed and unsigned), SUNAT's own
/// samples of every kind (RC and RA included), and deliberately broken ones.
@Suite("SUNAT rules engine parity with run-rules")
struct SunatRulesParityTests {
    typealias S = SchemaFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let fileName: String
        let xml: [UInt8]
        var testDescription: String { name }
    }

    static func written(_ name: String, _ doc: EDocument) -> Case {
        let xml = (try? UBLWriter.document(doc)).map { [UInt8]($0) } ?? []
        return Case(name: name, fileName: "\(doc.issuer.ruc)-\(doc.kind.code)-\(doc.id).xml", xml: xml)
    }

    /// The document with `old` (its first occurrence) replaced: the broken variants.
    static func broken(_ name: String, _ base: Case, _ old: String, _ new: String) -> Case {
        let text = String(decoding: base.xml, as: UTF8.self)
        guard let range = text.range(of: old) else { return Case(name: name + " (pattern missing)", fileName: base.fileName, xml: []) }
        return Case(name: name, fileName: base.fileName, xml: Array(text.replacingCharacters(in: range, with: new).utf8))
    }

    /// A line discount with the unit price with IGV of before the discount (today's writer's error 3270;
    /// written here on purpose so the case stays wrong whatever the writer does).
    static func wrongPrice(_ base: Case) -> Case {
        let text = String(decoding: base.xml, as: UTF8.self)
        let name = "precio con IGV de antes del descuento (3270)"
        guard let alt = text.range(of: "<cac:AlternativeConditionPrice>"),
              let open = text.range(of: "\">", range: alt.upperBound..<text.endIndex),
              let close = text.range(of: "</cbc:PriceAmount>", range: open.upperBound..<text.endIndex) else {
            return Case(name: name + " (pattern missing)", fileName: base.fileName, xml: [])
        }
        return Case(name: name, fileName: base.fileName,
                    xml: Array(text.replacingCharacters(in: open.upperBound..<close.lowerBound, with: "295.00").utf8))
    }

    static let factura = written("factura de 1 línea", S.document(number: 7, lines: [S.line(2, 100)]))

    static let cases: [Case] = {
        let sample = SunatBenchmark.sampleFactura(number: 8).map { written("factura de 20 líneas con descuentos", $0) }
        let total = String(decoding: factura.xml, as: UTF8.self)
            .components(separatedBy: "<cbc:PayableAmount currencyID=\"PEN\">").dropFirst().first?
            .components(separatedBy: "<").first ?? "236.00"
        var list: [Case] = [
            factura,
            written("boleta a DNI", S.document(.boleta, series: "B001", number: 3, customer: S.dniCustomer,
                                               lines: [S.line(1, 50), S.line(3, Decimal(string: "12.5") ?? 0, .onerous(.exonerado))])),
            written("nota de crédito", S.document(.notaCredito, series: "FC01", number: 1, lines: [S.line(1, 100)],
                note: NoteDetails(reference: S.facturaReference, reason: .credit(.anulacion), description: "Anulación de la operación"))),
            written("nota de débito", S.document(.notaDebito, series: "FD01", number: 1, lines: [S.line(1, 35)],
                note: NoteDetails(reference: S.facturaReference, reason: .debit(.interesesPorMora), description: "Intereses por mora"))),
            broken("total equivocado", factura, "<cbc:PayableAmount currencyID=\"PEN\">\(total)<",
                   "<cbc:PayableAmount currencyID=\"PEN\">999.00<"),
            broken("RUC del cliente inválido", factura, S.customerRUC, "2010045452X"),
            // SUNAT's files leave the issue-date window to "el flujo o Java" (2108/2329 are comments): an
            // impossible date passes them, in both engines alike.
            broken("fecha de emisión imposible", factura, "<cbc:IssueDate>2026-11-26<", "<cbc:IssueDate>2026-13-45<"),
            broken("fecha de emisión posterior a la cuota", written("crédito", S.document(number: 10, lines: [S.line(1, 100)],
                payment: .credito([Installment(amount: 118, dueDate: S.day.adding(days: 30))]))),
                   "<cbc:IssueDate>2026-11-26<", "<cbc:IssueDate>2027-03-01<"),
            wrongPrice(written("descuento", S.document(number: 9, lines: [S.line(4, 250, discount: .percent(10))]))),
        ]
        if let sample { list.insert(sample, at: 1) }
        // SUNAT's reference samples of every kind: many findings each, so a wide comparison.
        for (dir, name) in [("2.1", "20100454523-07-FC01-211.xml"), ("2.1", "20100454523-08-FD01-211.xml"),
                            ("2.0", "20000000001-03-B001-1251.xml"), ("2.0", "20000000001-RC-20180126-1.xml"),
                            ("2.0", "20600995805-RA-20170719-01.xml")] {
            let url = SunatSamples.sunatRoot.appendingPathComponent("samples/\(dir)/\(name)")
            if let data = try? Data(contentsOf: url) { list.append(Case(name: "muestra SUNAT \(name)", fileName: name, xml: [UInt8](data))) }
        }
        return list
    }()

    @Test("the engine lists what run-rules lists", arguments: cases)
    func sameFindings(_ c: Case) throws {
        try #require(!c.xml.isEmpty, "fixture \(c.name) could not be built")
        let rules = try SunatRulesFixtures.rules()
        let report = try rules.check(c.xml, fileName: c.fileName)
        let lxml = try SunatRulesFixtures.runRulesCodes(c.xml, fileName: c.fileName)
        #expect(SunatRulesFixtures.engineCodes(report) == lxml, "\(c.name): engine \(report.findings)")
        #expect(!report.stoppedAtFirstError)
        #expect(!report.findings.contains { $0.severity == .other }, "\(report.findings.filter { $0.severity == .other })")
    }

    @Test("the broken documents are rejected with the codes SUNAT gives for them")
    func brokenDocumentsAreRejected() throws {
        let rules = try SunatRulesFixtures.rules()
        let good = Set(try rules.check(Self.factura.xml, fileName: Self.factura.fileName).errors.map(\.code))
        let expected = ["total equivocado": "3280", "RUC del cliente inválido": "2017",
                        "precio con IGV de antes del descuento (3270)": "3270", "fecha de emisión posterior a la cuota": "3267"]
        for c in Self.cases {
            guard let code = expected[c.name] else { continue }
            let report = try rules.check(c.xml, fileName: c.fileName)
            #expect(report.errors.map(\.code).contains(code), "\(c.name): \(report.errors)")
            #expect(!good.contains(code))
        }
    }

    @Test("stopping at the first error gives the first error of the full list")
    func stopAtFirst() throws {
        let rules = try SunatRulesFixtures.rules()
        let c = try #require(Self.cases.first { $0.name == "total equivocado" })
        let all = try rules.check(c.xml, fileName: c.fileName)
        let first = try rules.check(c.xml, fileName: c.fileName, stopAtFirst: true)
        #expect(first.stoppedAtFirstError)
        #expect(first.errors.count == 1)
        #expect(first.errors.first == all.errors.first)
        #expect(all.errors.count > 1 || !all.stoppedAtFirstError)
    }

    @Test("a signed document gives the same answer as its unsigned text, and SUNAT's texts come from the catalog")
    func signedAndCatalog() throws {
        let key = try TestCertificate.shared.get().pkcs12Key()
        let signed = try XMLSigner.sign([UInt8](Self.factura.xml), key: key)
        let rules = try SunatRulesFixtures.rules()
        let a = try rules.check(signed.bytes, fileName: Self.factura.fileName)
        #expect(SunatRulesFixtures.engineCodes(a) == (try SunatRulesFixtures.runRulesCodes(signed.bytes, fileName: Self.factura.fileName)))
        #expect(rules.catalogText(code: "3270")?.hasPrefix("El precio unitario de la operación") == true)
        #expect(rules.catalogText(code: "0000") == nil)
    }

    @Test("a rules folder whose path has spaces and accents works the same")
    func folderWithSpaces() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("reglas de SUNAT ñ \(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let copy = base.appendingPathComponent("contenido")
        try FileManager.default.copyItem(atPath: SunatRulesFixtures.rulesFolder, toPath: copy.path)
        let c = try #require(Self.cases.first { $0.name == "total equivocado" })
        let here = try SunatRules(folder: copy.path).check(c.xml, fileName: c.fileName)
        let there = try SunatRulesFixtures.rules().check(c.xml, fileName: c.fileName)
        #expect(here == SunatRulesReport(stylesheet: there.stylesheet, findings: there.findings, stoppedAtFirstError: false))
        #expect(try SunatRules(folder: copy.path).catalogText(code: "3280") != nil)
    }

    @Test("a folder without SUNAT's rules is refused with a Spanish message")
    func missingFolder() {
        #expect(throws: SunatRulesError.self) { try SunatRules(folder: "/nonexistent/reglas") }
        do { _ = try SunatRules(folder: FileManager.default.temporaryDirectory.path) } catch {
            #expect(error.message.contains("ValidaExprRegFactura-2.0.1.xsl"))
        }
    }
}
