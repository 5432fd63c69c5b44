import Foundation
import Testing
@testable import BytekSUNAT

@Suite("Paquete SUNAT: nombres, ZIP y base64")
struct PackagingTests {
    @Test("nombre de comprobantes RUC-TT-SERIE-NUMERO", arguments: [
        ("01", "F001", 1, "20123456789-01-F001-1"),
        ("03", "B001", 12345, "20123456789-03-B001-12345"),
        ("07", "FC01", 7, "20123456789-07-FC01-7"),
        ("08", "BD01", 99_999_999, "20123456789-08-BD01-99999999"),
    ])
    func documentNames(type: String, series: String, number: Int, expected: String) throws {
        let package = try SunatPackage.document(ruc: "20123456789", typeCode: type, series: series, number: number)
        #expect(package.baseName == expected)
        #expect(package.xmlFileName == expected + ".xml")
        #expect(package.zipFileName == expected + ".zip")
        #expect(package.ruc == "20123456789")
    }

    @Test("datos que no forman un nombre válido")
    func invalidNames() {
        #expect(throws: SunatPackageError.invalidRUC("2012345678")) {
            try SunatPackage.document(ruc: "2012345678", typeCode: "01", series: "F001", number: 1)
        }
        #expect(throws: SunatPackageError.invalidRUC("2012345678A")) {
            try SunatPackage.document(ruc: "2012345678A", typeCode: "01", series: "F001", number: 1)
        }
        #expect(throws: SunatPackageError.invalidDocumentType("1")) {
            try SunatPackage.document(ruc: "20123456789", typeCode: "1", series: "F001", number: 1)
        }
        #expect(throws: SunatPackageError.invalidSeries("B001")) {
            try SunatPackage.document(ruc: "20123456789", typeCode: "01", series: "B001", number: 1)
        }
        #expect(throws: SunatPackageError.invalidSeries("F001")) {
            try SunatPackage.document(ruc: "20123456789", typeCode: "03", series: "F001", number: 1)
        }
        #expect(throws: SunatPackageError.invalidSeries("f001")) {
            try SunatPackage.document(ruc: "20123456789", typeCode: "01", series: "f001", number: 1)
        }
        #expect(throws: SunatPackageError.invalidSeries("F0001")) {
            try SunatPackage.document(ruc: "20123456789", typeCode: "01", series: "F0001", number: 1)
        }
        #expect(throws: SunatPackageError.invalidNumber(0)) {
            try SunatPackage.document(ruc: "20123456789", typeCode: "01", series: "F001", number: 0)
        }
        #expect(throws: SunatPackageError.invalidNumber(100_000_000)) {
            try SunatPackage.document(ruc: "20123456789", typeCode: "01", series: "F001", number: 100_000_000)
        }
        #expect(throws: SunatPackageError.invalidSequence(0)) {
            try SunatPackage.dailySummary(ruc: "20123456789", generatedOn: Date(), sequence: 0)
        }
    }

    @Test("resumen diario y baja usan la fecha de Lima")
    func summaryNames() throws {
        // 2026-11-27 03:30 UTC is still 2026-11-26 in Lima (UTC−5).
        let instant = Date(timeIntervalSince1970: 1_795_750_200)
        let check = ISO8601DateFormatter().string(from: instant)
        #expect(check == "2026-11-27T03:30:00Z")
        let rc = try SunatPackage.dailySummary(ruc: "20123456789", generatedOn: instant, sequence: 1)
        #expect(rc.baseName == "20123456789-RC-20261126-1")
        let ra = try SunatPackage.voidedDocuments(ruc: "20123456789", generatedOn: instant, sequence: 12)
        #expect(ra.zipFileName == "20123456789-RA-20261126-12.zip")
        let utc = try SunatPackage.dailySummary(ruc: "20123456789", generatedOn: instant, sequence: 3, timeZone: .gmt)
        #expect(utc.baseName == "20123456789-RC-20261127-3")
    }

    @Test("firmar y empaquetar: el ZIP lleva el XML firmado exacto con su nombre, y verifica")
    func signAndPackage() throws {
        let cert = try TestCertificate.shared.get()
        let signed = try XMLSigner.sign(try SunatSamples.invoice.unsignedBytes(), key: cert.pkcs12Key())
        let package = try SunatPackage.document(ruc: "20200464529", typeCode: "01", series: "F001", number: 697)
        let zip = try package.zip(signed)
        let entries = try SunatZip.read(zip)
        #expect(entries.map(\.name) == ["20200464529-01-F001-697.xml"])
        let inside = try #require(entries.first).bytes
        #expect(inside == signed.bytes)
        let verify = try xmlsecVerify(inside, certificate: cert.certPEM)
        #expect(verify.status == 0, "\(verify.output)")
        #expect(try package.zip(signedXML: signed.bytes, modified: Date(timeIntervalSince1970: 1_700_000_000)).count > 0)
    }

    @Test("base64 ida y vuelta, con saltos de línea, y texto inválido")
    func base64() throws {
        let bytes: [UInt8] = Array(0...255)
        let text = SunatBase64.encode(bytes)
        #expect(!text.contains("\n"))
        #expect(try SunatBase64.decode(text) == Data(bytes))
        let wrapped = Data(bytes).base64EncodedString(options: [.lineLength64Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        #expect(wrapped.contains("\r\n"))
        #expect(try SunatBase64.decode(wrapped) == Data(bytes))
        #expect(SunatBase64.encode(Data("hola".utf8)) == "aG9sYQ==")
        #expect(throws: SunatBase64Error.invalid) { try SunatBase64.decode("aG9s*YQ==") }
    }
}
