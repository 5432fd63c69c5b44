import BytekModel
import BytekSUNAT
import Foundation
import Testing

/// A wide set of documents, issued (validated and written), signed and run through SUNAT's own
/// validation stylesheets (run-rules) and the UBL schemas: none may get an `E` code, and every
/// observation (`W`) that remains is listed in `explainedObservations` with the reason it stays.
///
/// Keep the whole run well under a minute: the documents are written to one folder and the rules run
/// on them in parallel (about 0.1 s for a small document, a few seconds for one of 500 lines).
@Suite struct SunatRulesMatrixTests {
    typealias S = SchemaFixtures

    /// Observations SUNAT's rules still make on documents we issue, each with why it is right to leave it.
    static let explainedObservations: [String: String] = [:]

    @Test func everyDocumentPassesSunatRules() throws {
        let matrix = try SunatRulesMatrix.documents()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let keep = ProcessInfo.processInfo.environment["BYTEK_KEEP_MATRIX"] != nil
        defer { if !keep { try? FileManager.default.removeItem(at: dir) } }

        let key = try SchemaSignedTests.key()
        var files: [(path: URL, name: String)] = []
        var names = Set<String>()
        for entry in matrix {
            #expect(names.insert(entry.fileName).inserted, "two matrix documents share \(entry.fileName)")
            let signed = try XMLSigner.sign(entry.xml, key: key)
            // One folder per document: the file is named as SUNAT receives it (several rules read the name).
            let sub = dir.appendingPathComponent(entry.label.replacingOccurrences(of: "/", with: "-"))
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let url = sub.appendingPathComponent(entry.fileName + ".xml")
            try signed.data.write(to: url)
            files.append((url, entry.fileName))
        }
        if keep { print("matrix documents kept in \(dir.path)") }

        let results = try SunatRulesRunner.run(files)
        try #require(results.count == files.count)
        var observed: [String: Int] = [:]
        for (entry, r) in zip(matrix, results) {
            #expect(r.completed, "\(entry.label): run-rules did not complete:\n\(r.output)")
            #expect(r.engineMessages.isEmpty, "\(entry.label): engine messages:\n\(r.output)")
            #expect(r.errors.isEmpty, "\(entry.label) (\(entry.fileName)) would be rejected:\n\(r.errors.map(\.description).joined(separator: "\n"))")
            #expect(r.status == 0, "\(entry.label): run-rules exit \(r.status)")
            for w in r.observations {
                observed[w.code, default: 0] += 1
                #expect(Self.explainedObservations[w.code] != nil, "\(entry.label): unexplained observation \(w)")
            }
        }
        print("SUNAT rules matrix: \(results.count) documents, \(results.filter { $0.errors.isEmpty && $0.status == 0 }.count) pass; observations: \(observed)")

        // The same files against the XSD, one xmllint per schema.
        var bySchema: [URL: [URL]] = [:]
        for (entry, f) in zip(matrix, files) { bySchema[try S.schema(for: entry.xml), default: []].append(f.path) }
        for (schema, paths) in bySchema {
            let (status, _, err) = try S.runFiles(["--noout", "--schema", schema.path], files: paths)
            #expect(status == 0, "schema \(schema.lastPathComponent):\n\(err.prefix(4000))")
        }
    }

    @Test func runnerReportsRejectionsAndObservations() throws {
        // The runner must be able to fail: a factura whose IGV subtotal is off by 5.00 gets E 3277... and
        // a TaxScheme with the UN/ECE agency name gets W 4256, as SUNAT's rules say.
        let doc = S.document(number: 1, lines: [S.line(1, 100)])
        var text = String(decoding: try UBLWriter.invoice(SunatRulesMatrix.today(doc)), as: UTF8.self)
        let taxable = "<cbc:TaxableAmount currencyID=\"PEN\">100.00</cbc:TaxableAmount>"
        let range = try #require(text.range(of: taxable))
        text.replaceSubrange(range, with: "<cbc:TaxableAmount currencyID=\"PEN\">105.00</cbc:TaxableAmount>")
        text = text.replacingOccurrences(of: "schemeAgencyName=\"PE:SUNAT\" schemeURI=\"urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo05\"",
                                         with: "schemeAgencyName=\"United Nations Economic Commission for Europe\" schemeURI=\"urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo05\"")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(doc.fileName + ".xml")
        try Data(text.utf8).write(to: url)
        let r = try #require(try SunatRulesRunner.run([(url, doc.fileName)]).first)
        #expect(r.status == 1)
        #expect(r.errors.contains { $0.code == "3277" }, "\(r.output)")
        #expect(r.observations.contains { $0.code == "4256" }, "\(r.output)")
    }
}

/// What SUNAT's rules reject and the model therefore refuses before any XML is written.
@Suite struct SunatRulesModelTests {
    typealias S = SchemaFixtures

    @Test func aLineLeftAtZeroIsRefused() {
        // 3105: every line needs a taxable amount above zero.
        let doc = S.document(lines: [S.line(1, 100), S.line(1, 50, discount: .percent(100))])
        #expect(throws: EDocumentError.lineWithoutValue(line: 2)) { try doc.validate() }
        #expect(EDocumentError.lineWithoutValue(line: 2).message.contains("Línea 2"))
    }

    @Test func creditNote13RulesAreEnforced() {
        let zeroLines = [S.line(1, 0)]
        let cuotas = PaymentForm.credito([Installment(amount: 500, dueDate: S.day.adding(days: 30))])
        let note = { (ref: DocumentReference, series: String, lines: [EDocumentLine], pay: PaymentForm) in
            S.document(.notaCredito, series: series, number: 9, customer: ref.kind == .factura ? S.rucCustomer : S.dniCustomer,
                       lines: lines, payment: pay,
                       note: NoteDetails(reference: ref, reason: .credit(.ajusteMontosFechas), description: "Nuevas fechas"))
        }
        // 3259 only on facturas, 3246 crédito, 3315 amount zero.
        #expect(throws: EDocumentError.adjustmentNoteOnlyOnFacturas) {
            try note(S.boletaReference, "BC01", zeroLines, cuotas).validate()
        }
        #expect(throws: EDocumentError.adjustmentNoteNeedsInstallments) {
            try note(S.facturaReference, "FC01", zeroLines, .contado).validate()
        }
        #expect(throws: EDocumentError.adjustmentNoteMustBeZero) {
            try note(S.facturaReference, "FC01", [S.line(1, 100)], cuotas).validate()
        }
        #expect(throws: Never.self) { try note(S.facturaReference, "FC01", zeroLines, cuotas).validate() }
    }

    @Test func exportLinesOnlyOnAnExportFactura() {
        // 3107: an export (0200) states no IGV, exonerado or inafecto base; 40 is not a boleta's.
        let abroad = DocumentCustomer(documentType: .nonDomiciled, number: "US-1", name: "ACME LLC")
        let mixed = S.document(customer: abroad, lines: [S.line(1, 100, .export), S.line(1, 10)])
        #expect(throws: EDocumentError.exportMismatch) { try mixed.validate() }
        let boleta = S.document(.boleta, series: "B001", customer: S.dniCustomer, lines: [S.line(1, 100, .export)])
        #expect(throws: EDocumentError.exportMismatch) { try boleta.validate() }
        let export = S.document(customer: abroad, lines: [S.line(1, 100, .export)])
        #expect(export.operationType == .exportacion)
        #expect(throws: Never.self) { try export.validate() }
        // A factura to a buyer without RUC is still refused outside exports.
        let local = S.document(customer: abroad, lines: [S.line(1, 100)])
        #expect(throws: EDocumentError.facturaRequiresRUC) { try local.validate() }
    }

    @Test func globalDiscountNoteOnABoletaIsRefused() {
        // 4367: SUNAT observes notes 04 on boletas.
        let doc = S.document(.notaCredito, series: "BC01", number: 3, customer: S.dniCustomer, lines: [S.line(1, 20)],
                             note: NoteDetails(reference: S.boletaReference, reason: .credit(.descuentoGlobal), description: "Dscto"))
        #expect(throws: EDocumentError.noteReasonNotForBoletas("04")) { try doc.validate() }
    }
}
