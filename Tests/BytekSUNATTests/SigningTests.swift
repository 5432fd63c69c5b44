import Foundation
import Testing
@testable import BytekSUNAT

@Suite("Firma XML-DSig (xmlsec)")
struct SigningTests {
    enum KeySource: String, CaseIterable, Sendable { case pemFiles, pkcs12File, pemMemory, pkcs12Memory }

    let cert: TestCertificate

    init() throws {
        cert = try TestCertificate.shared.get()
    }

    func key(_ source: KeySource) throws -> SigningKey {
        switch source {
        case .pemFiles: return try cert.pemKey()
        case .pkcs12File: return try cert.pkcs12Key()
        case .pemMemory:
            return try SigningKey(privateKeyPEM: Data(contentsOf: cert.keyPEM), certificatePEM: Data(contentsOf: cert.certPEM))
        case .pkcs12Memory:
            let base64 = try Data(contentsOf: cert.pkcs12).base64EncodedString(options: .lineLength64Characters)
            return try SigningKey(pkcs12Base64: base64, password: TestCertificate.pkcs12Password)
        }
    }

    @Test("cada muestra SUNAT firmada verifica con xmlsec1 y sigue válida contra el XSD",
          arguments: SunatSamples.all, SignatureAlgorithm.allCases)
    func signsSamples(sample: SunatSamples.Sample, algorithm: SignatureAlgorithm) throws {
        let unsigned = try sample.unsignedBytes()
        let signed = try XMLSigner.sign(unsigned, key: cert.pemKey(), algorithm: algorithm)

        let verify = try xmlsecVerify(signed.bytes, certificate: cert.certPEM)
        #expect(verify.status == 0, "\(verify.output)")
        #expect(verify.output.contains("OK"))
        #expect(verify.output.contains("SignedInfo References (ok/all): 1/1"))

        let lint = try xmllintValidate(signed.bytes, schema: sample.schemaURL)
        #expect(lint.status == 0, "\(lint.output)")
        #expect(lint.output.contains("validates"))

        let text = signed.bytes.text
        let (sigURI, digestURI) = algorithm == .rsaSHA256
            ? ("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256")
            : ("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1")
        #expect(text.contains("<ds:SignatureMethod Algorithm=\"\(sigURI)\"/>"))
        #expect(text.contains("<ds:DigestMethod Algorithm=\"\(digestURI)\"/>"))
        #expect(text.contains("Id=\"SignatureSP\""))
        #expect(text.contains("<ds:Reference URI=\"\">"))
        #expect(text.contains("http://www.w3.org/2000/09/xmldsig#enveloped-signature"))
        #expect(text.contains("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"))
        #expect(text.contains("<ds:X509Certificate>MII"))
        #expect(!text.contains("X509SubjectName"))
        // Inside the first ExtensionContent, nowhere else.
        let content = try #require(text.range(of: "<ext:ExtensionContent>"))
        let closing = try #require(text.range(of: "</ext:ExtensionContent>"))
        let signature = try #require(text.range(of: "<ds:Signature "))
        #expect(content.upperBound <= signature.lowerBound && signature.upperBound <= closing.lowerBound)
    }

    @Test("iniciar la biblioteca es idempotente")
    func initialize() throws {
        try XMLSigner.initialize()
        try XMLSigner.initialize()
    }

    @Test("las cuatro formas de cargar la clave firman igual de bien", arguments: KeySource.allCases)
    func keySources(source: KeySource) throws {
        let signingKey = try key(source)
        let signed = try XMLSigner.sign(try SunatSamples.invoice.unsignedBytes(), key: signingKey)
        let verify = try xmlsecVerify(signed.bytes, certificate: cert.certPEM)
        #expect(verify.status == 0, "\(verify.output)")
        #expect(try XMLSigner.verify(signed.bytes, key: signingKey))
    }

    @Test("el valor resumen devuelto es el DigestValue del XML firmado")
    func digestValue() throws {
        for algorithm in SignatureAlgorithm.allCases {
            let signed = try XMLSigner.sign(try SunatSamples.invoice.unsignedBytes(), key: cert.pkcs12Key(), algorithm: algorithm)
            let text = signed.bytes.text
            let start = try #require(text.range(of: "<ds:DigestValue>"))
            let end = try #require(text.range(of: "</ds:DigestValue>", range: start.upperBound..<text.endIndex))
            let inXML = String(text[start.upperBound..<end.lowerBound])
            #expect(signed.digestValue == inXML)
            #expect(try XMLSigner.digestValue(of: signed.bytes) == inXML)
            // Base64 of a SHA-256 (32 bytes) or SHA-1 (20 bytes) digest.
            #expect(Data(base64Encoded: inXML)?.count == (algorithm == .rsaSHA256 ? 32 : 20))
        }
    }

    @Test("el DigestValue coincide con el que calcula la herramienta xmlsec1 al firmar el mismo documento",
          arguments: SignatureAlgorithm.allCases)
    func digestMatchesCLI(algorithm: SignatureAlgorithm) throws {
        let unsigned = try SunatSamples.invoice.unsignedBytes()
        let ours = try XMLSigner.sign(unsigned, key: cert.pemKey(), algorithm: algorithm)
        let (sig, dig) = algorithm == .rsaSHA256
            ? ("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256")
            : ("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1")
        let skeleton = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"SignatureSP\"><ds:SignedInfo>"
            + "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
            + "<ds:SignatureMethod Algorithm=\"\(sig)\"/><ds:Reference URI=\"\"><ds:Transforms>"
            + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/></ds:Transforms>"
            + "<ds:DigestMethod Algorithm=\"\(dig)\"/><ds:DigestValue/></ds:Reference></ds:SignedInfo>"
            + "<ds:SignatureValue/><ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo></ds:Signature>"
        let template = unsigned.text.replacingOccurrences(of: "<ext:ExtensionContent>", with: "<ext:ExtensionContent>" + skeleton)
        let input = try writeTemp(Array(template.utf8), name: "template.xml")
        let output = input.deletingLastPathComponent().appendingPathComponent("cli-signed.xml")
        let run = try ToolRun.run(["xmlsec1", "--sign", "--privkey-pem", "\(cert.keyPEM.path),\(cert.certPEM.path)",
                                   "--output", output.path, input.path])
        try #require(run.status == 0, "\(run.output)")
        let cli = try XMLSigner.digestValue(of: [UInt8](Data(contentsOf: output)))
        #expect(cli == ours.digestValue)
    }

    @Test("el digest es el SHA del documento canonicalizado: cambia si cambia el contenido")
    func digestDependsOnContent() throws {
        let key = try cert.pemKey()
        let unsigned = try SunatSamples.invoice.unsignedBytes()
        let a = try XMLSigner.sign(unsigned, key: key)
        let b = try XMLSigner.sign(unsigned, key: key)
        let changed = Array(unsigned.text.replacingOccurrences(of: "F001-697", with: "F001-698").utf8)
        let c = try XMLSigner.sign(changed, key: key)
        #expect(a.digestValue == b.digestValue)
        #expect(a.digestValue != c.digestValue)
    }

    @Test("un documento modificado después de firmar no verifica")
    func tamperedFails() throws {
        let key = try cert.pemKey()
        let signed = try XMLSigner.sign(try SunatSamples.invoice.unsignedBytes(), key: key)
        let text = signed.bytes.text
        let amount = try #require(text.range(of: "<cbc:PayableAmount currencyID=\"PEN\">"))
        let close = try #require(text.range(of: "</cbc:PayableAmount>", range: amount.upperBound..<text.endIndex))
        let original = String(text[amount.upperBound..<close.lowerBound])
        var tampered = text
        tampered.replaceSubrange(amount.upperBound..<close.lowerBound, with: original == "1.00" ? "2.00" : "1.00")
        let tamperedBytes = Array(tampered.utf8)

        let good = try xmlsecVerify(signed.bytes, certificate: cert.certPEM)
        #expect(good.status == 0, "\(good.output)")
        let bad = try xmlsecVerify(tamperedBytes, certificate: cert.certPEM)
        #expect(bad.status != 0)
        #expect(bad.output.contains("FAIL") || bad.output.contains("failed to verify"))
        #expect(try XMLSigner.verify(signed.bytes, key: key))
        #expect(try XMLSigner.verify(tamperedBytes, key: key) == false)
    }

    @Test("xmlsec1 no acepta la firma con otro certificado de confianza")
    func untrustedCertificateFails() throws {
        let other = try TestCertificate.make(subject: "/C=PE/O=OTRA S.A.C./CN=20000000001")
        let signed = try XMLSigner.sign(try SunatSamples.invoice.unsignedBytes(), key: cert.pemKey())
        let run = try xmlsecVerify(signed.bytes, certificate: other.certPEM)
        #expect(run.status != 0)
        #expect(try XMLSigner.verify(signed.bytes, key: other.pemKey()) == false)
    }

    @Test("los bytes firmados son el documento original más la firma: mismo árbol y mismos espacios")
    func whitespaceKept() throws {
        let unsigned = try SunatSamples.invoice.unsignedBytes()
        let signed = try XMLSigner.sign(unsigned, key: cert.pemKey())
        let withoutSignature = Array(SunatSamples.removingSignature(signed.bytes.text).utf8)
        // Canonical XML keeps every whitespace text node; only the serialisation of empty tags may differ.
        let before = try ToolRun.run(["xmllint", "--c14n", try writeTemp(unsigned, name: "a.xml").path])
        let after = try ToolRun.run(["xmllint", "--c14n", try writeTemp(withoutSignature, name: "b.xml").path])
        #expect(before.status == 0 && after.status == 0)
        #expect(before.output.count > 1000)
        #expect(before.output == after.output)
        // Pretty-printing would have re-indented the multi-line note; it must come out untouched.
        #expect(signed.bytes.text.contains("CINCUENTICUATRO Y\n        99/100</cbc:Note>"))
    }

    @Test("el Id de la firma es configurable")
    func signatureID() throws {
        let signed = try XMLSigner.sign(try SunatSamples.invoice.unsignedBytes(), key: cert.pemKey(), signatureID: "BYTEKSign")
        #expect(signed.bytes.text.contains("Id=\"BYTEKSign\""))
        #expect(try xmlsecVerify(signed.bytes, certificate: cert.certPEM).status == 0)
    }

    @Test("firmar desde Data da los mismos bytes que desde [UInt8]")
    func dataOverload() throws {
        let key = try cert.pemKey()
        let unsigned = try SunatSamples.invoice.unsignedBytes()
        let fromData = try XMLSigner.sign(Data(unsigned), key: key)
        let fromBytes = try XMLSigner.sign(unsigned, key: key)
        // RSA PKCS#1 v1.5 is deterministic, so the whole output matches.
        #expect(fromData.bytes == fromBytes.bytes)
        #expect(fromData.data == Data(fromBytes.bytes))
    }

    @Test("datos del certificado para la pantalla de configuración")
    func certificateInfo() throws {
        let info = try cert.pkcs12Key().certificateInfo()
        #expect(info.subject.contains("CN=20123456789"))
        #expect(info.subject.contains("O=BYTEK S.A.C.S."))
        let days = info.notAfter.timeIntervalSinceNow / 86_400
        #expect(days > 360 && days < 370)
    }

    @Test("firma desde 4 hilos a la vez con la misma clave")
    func concurrentSigning() throws {
        let key = try cert.pkcs12Key()
        let unsigned = try SunatSamples.invoice.unsignedBytes()
        let results = SignedBox()
        let group = DispatchGroup()
        let perThread = 40
        for thread in 0..<4 {
            group.enter()
            let worker = Thread {
                for i in 0..<perThread {
                    // Each document differs so a mixed-up result would be noticed.
                    let doc = Array(unsigned.text.replacingOccurrences(of: "F001-697", with: "F001-\(thread * 1000 + i)").utf8)
                    results.add(Result { try XMLSigner.sign(doc, key: key, algorithm: i.isMultiple(of: 2) ? .rsaSHA256 : .rsaSHA1) },
                                id: "F001-\(thread * 1000 + i)")
                }
                group.leave()
            }
            worker.start()
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        let all = results.snapshot()
        #expect(all.count == 4 * perThread)
        for (id, result) in all {
            let signed = try result.get()
            #expect(signed.bytes.text.contains("<cbc:ID>\(id)</cbc:ID>"))
            #expect(try XMLSigner.verify(signed.bytes, key: key))
        }
        // The independent judge on a few of them.
        for (_, result) in all.prefix(4) {
            #expect(try xmlsecVerify(try result.get().bytes, certificate: cert.certPEM).status == 0)
        }
    }
}

/// Collects results from plain threads.
final class SignedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(String, Result<SignedDocument, any Error>)] = []

    func add(_ result: Result<SignedDocument, any Error>, id: String) {
        lock.lock(); defer { lock.unlock() }
        items.append((id, result))
    }

    func snapshot() -> [(String, Result<SignedDocument, any Error>)] {
        lock.lock(); defer { lock.unlock() }
        return items
    }
}
