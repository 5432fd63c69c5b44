import BytekModel
import BytekSUNAT
import Foundation
import Testing

/// The writer's output once signed (BytekSUNAT/Signing fills the empty ExtensionContent) validates
/// against the schemas as is, with no stand-in element; and the schema check does catch mistakes.
@Suite struct SchemaSignedTests {
    typealias S = SchemaFixtures

    /// A throwaway RSA key and self-signed certificate made with the openssl command.
    static func key() throws -> SigningKey {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ubl-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                       "-subj", "/C=PE/O=BYTEK/CN=\(S.issuerRUC)",
                       "-keyout", dir.appendingPathComponent("k.pem").path, "-out", dir.appendingPathComponent("c.pem").path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "openssl could not make a test key")
        try XMLSigner.initialize()
        return try SigningKey(privateKeyPEMPath: dir.appendingPathComponent("k.pem").path,
                              certificatePEMPath: dir.appendingPathComponent("c.pem").path)
    }

    @Test func signedDocumentsValidate() throws {
        let key = try Self.key()
        var documents: [(String, Data)] = try SchemaValidationTests.samples.map { ($0.name, try UBLWriter.document($0.document)) }
        let boleta = S.document(.boleta, series: "B001", number: 7, customer: .anonymous(), lines: [S.line(1, 10)])
        documents.append(("resumen diario", try UBLWriter.summary(SummaryDocument(
            issuer: S.issuer, referenceDate: S.day, issueDate: S.day, sequence: 1, lines: [try SummaryLine(boleta, status: .add)]))))
        documents.append(("comunicación de baja", try UBLWriter.voided(VoidedDocuments(
            issuer: S.issuer, referenceDate: S.day, issueDate: S.day, sequence: 1,
            lines: [VoidedLine(kind: .factura, series: S.series("F001", .factura), number: 1, reason: "Error")]))))
        for (name, xml) in documents {
            let signed = try XMLSigner.sign(xml, key: key)
            let schema = try S.schema(for: signed.data)
            let (status, _, err) = try S.run(["--noout", "--schema", schema.path], xml: signed.data)
            #expect(status == 0, "\(name), signed, does not validate:\n\(err)")
            #expect(String(decoding: signed.data, as: UTF8.self).contains("Id=\"\(UBLWriter.signatureID)\""))
        }
    }

    @Test func schemaCheckCatchesAnElementOutOfOrder() throws {
        // IssueDate moved after IssueTime: the XSD's sequence must refuse it.
        let xml = String(decoding: try UBLWriter.invoice(S.document(lines: [S.line(1, 10)])), as: UTF8.self)
        var lines = xml.components(separatedBy: "\n")
        let date = try #require(lines.firstIndex(where: { $0.contains("<cbc:IssueDate>") }))
        lines.swapAt(date, date + 1)
        let broken = Data(lines.joined(separator: "\n").utf8)
        let schema = try S.schema(for: broken)
        #expect(try S.run(["--noout", "--schema", schema.path], xml: broken).0 != 0)
    }
}
