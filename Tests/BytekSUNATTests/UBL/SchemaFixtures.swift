import BytekModel
import Foundation
import Testing

/// Documents of every kind the writer produces, and the `xmllint` schema check.
enum SchemaFixtures {
    static let issuerRUC = RUC.complete("2060012345") ?? ""
    static let customerRUC = RUC.complete("2010045452") ?? ""

    static let issuer = Issuer(
        ruc: issuerRUC, legalName: "BYTEK SOLUCIONES S.A.C.", tradeName: "BYTEK",
        address: FiscalAddress(ubigeo: "150131", line: "Av. Javier Prado Este 1234", district: "San Isidro",
                               province: "Lima", department: "Lima"))
    static let rucCustomer = DocumentCustomer(documentType: .ruc, number: customerRUC, name: "CLIENTE DEMO S.A.",
                                              address: "Av. Arequipa 100, Lima")
    static let dniCustomer = DocumentCustomer(documentType: .dni, number: "45678912", name: "María Quispe")
    static let day = LocalDate(year: 2026, month: 11, day: 26) ?? LocalDate(daysSinceEpoch: 0)
    static let issuedAt = LimaTime.instant(day, hour: 9, minute: 15)

    static func series(_ code: String, _ kind: DocumentKind) -> Series {
        (try? Series(code, for: kind)) ?? { fatalError("fixture series \(code)") }()
    }

    static func line(_ qty: Decimal, _ price: Decimal, _ affectation: LineAffectation = .onerous(.gravado),
                     includesIGV: Bool = false, discount: Discount = .none, kind: ItemKind = .product,
                     description: String = "Licencia de software") -> EDocumentLine {
        EDocumentLine(description: description, quantity: qty, unit: kind == .product ? .unit : .hour,
                      unitPrice: price, priceIncludesIGV: includesIGV, affectation: affectation,
                      discount: discount, itemCode: "SKU-001", itemKind: kind)
    }

    static func document(_ kind: DocumentKind = .factura, series code: String = "F001", number: Int = 123,
                         customer: DocumentCustomer = rucCustomer, currency: Currency = .pen,
                         lines: [EDocumentLine], globalDiscount: Discount = .none, payment: PaymentForm = .contado,
                         detraccion: Detraccion? = nil, exchangeRate: Decimal? = nil, note: NoteDetails? = nil) -> EDocument {
        EDocument(kind: kind, series: series(code, kind), number: number, issuedAt: issuedAt, issuer: issuer,
                  customer: customer, currency: currency, lines: lines, globalDiscount: globalDiscount,
                  paymentForm: payment, detraccion: detraccion, exchangeRate: exchangeRate,
                  orderReference: "COT-2026-0042", note: note)
    }

    static let facturaReference = DocumentReference(kind: .factura, series: series("F001", .factura), number: 123)
    static let boletaReference = DocumentReference(kind: .boleta, series: series("B001", .boleta), number: 7)

    /// ../shared/sunat next to the working tree, found from this file's path.
    static func sunatFolder(file: String = #filePath) throws -> URL {
        var dir = URL(fileURLWithPath: file).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            for candidate in [dir.appendingPathComponent("../shared/sunat"), dir.appendingPathComponent("shared/sunat")] {
                let xsd = candidate.appendingPathComponent("xsd/2.1/maindoc/UBL-Invoice-2.1.xsd").standardizedFileURL
                if FileManager.default.fileExists(atPath: xsd.path) { return candidate.standardizedFileURL }
            }
            dir = dir.deletingLastPathComponent()
        }
        Issue.record("UBL schemas not found: expected ../shared/sunat/xsd next to the working tree (from \(file))")
        throw SchemaError.missing
    }

    static func xmllint() throws -> String {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for p in paths where FileManager.default.isExecutableFile(atPath: "\(p)/xmllint") { return "\(p)/xmllint" }
        Issue.record("xmllint not found on PATH: install libxml2-utils (apt-get install libxml2-utils)")
        throw SchemaError.missing
    }

    enum SchemaError: Error { case missing }

    /// The schema for each root element.
    static func schema(for xml: Data) throws -> URL {
        let head = String(decoding: xml.prefix(400), as: UTF8.self)
        let sunat = try sunatFolder()
        let relative: String
        if head.contains("<Invoice ") { relative = "xsd/2.1/maindoc/UBL-Invoice-2.1.xsd" }
        else if head.contains("<CreditNote ") { relative = "xsd/2.1/maindoc/UBL-CreditNote-2.1.xsd" }
        else if head.contains("<DebitNote ") { relative = "xsd/2.1/maindoc/UBL-DebitNote-2.1.xsd" }
        else if head.contains("<SummaryDocuments ") { relative = "xsd/2.0/maindoc/UBL-SummaryDocuments-2.0.xsd" }
        else { relative = "xsd/2.0/maindoc/UBL-VoidedDocuments-2.0.xsd" }
        return sunat.appendingPathComponent(relative)
    }

    /// Runs `xmllint` with `arguments` + the file holding `xml`; returns (exit status, stdout, stderr).
    static func run(_ arguments: [String], xml: Data) throws -> (Int32, String, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ubl-\(UUID().uuidString).xml")
        try xml.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try runFiles(arguments, files: [file])
    }

    /// Runs `xmllint` with `arguments` + files already on disk; returns (exit status, stdout, stderr).
    static func runFiles(_ arguments: [String], files: [URL]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try xmllint())
        p.arguments = arguments + files.map(\.path)
        // stderr goes to a file: a long schema report cannot fill a pipe while stdout is being read.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("xmllint-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = try FileHandle(forWritingTo: errFile)
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let e = (try? Data(contentsOf: errFile)) ?? Data()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Fails the test with xmllint's message when `xml` does not validate.
    ///
    /// The UBL 2.1 XSD requires exactly one element inside `ext:ExtensionContent`, which the writer
    /// leaves empty for the signer; the check fills it with a stand-in element of a foreign namespace
    /// (validated "lax", as the real `ds:Signature` would be) so that everything else is checked as sent.
    static func expectValid(_ xml: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let schema = try schema(for: xml)
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.components(separatedBy: "<ext:ExtensionContent/>").count == 2,
                "\(name): one empty ExtensionContent expected", sourceLocation: sourceLocation)
        let filled = text.replacingOccurrences(
            of: "<ext:ExtensionContent/>",
            with: "<ext:ExtensionContent><sig:Placeholder xmlns:sig=\"urn:bytek:test:signature\"/></ext:ExtensionContent>")
        let (status, _, err) = try run(["--noout", "--schema", schema.path], xml: Data(filled.utf8))
        #expect(status == 0, "\(name) does not validate against \(schema.lastPathComponent):\n\(err)",
                sourceLocation: sourceLocation)
    }

    /// The text of the first element matched by `xpath` (use local-name() for namespaced names).
    static func value(_ xpath: String, in xml: Data) throws -> String {
        let out = try run(["--xpath", "string(\(xpath))"], xml: xml).1
        return out.hasSuffix("\n") ? String(out.dropLast()) : out
    }
}
