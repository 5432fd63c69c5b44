import Foundation
import Testing
@testable import BytekSUNAT

@Suite("Firma XML-DSig: errores")
struct SigningErrorTests {
    let cert: TestCertificate

    init() throws {
        cert = try TestCertificate.shared.get()
    }

    @Test("contraseña PKCS#12 incorrecta")
    func wrongPassword() throws {
        #expect(throws: XMLSigningError.self) { try SigningKey(pkcs12Path: cert.pkcs12.path, password: "otra") }
        do {
            _ = try SigningKey(pkcs12Path: cert.pkcs12.path, password: "otra")
        } catch {
            guard case .keyUnreadable(let message) = error else { Issue.record("caso inesperado \(error)"); return }
            #expect(!message.isEmpty)
        }
    }

    @Test("archivo inexistente")
    func missingFile() {
        #expect(throws: XMLSigningError.self) {
            try SigningKey(pkcs12Path: cert.directory.appendingPathComponent("no-existe.pfx").path, password: "x")
        }
    }

    @Test("clave y certificado que no corresponden")
    func mismatchedCertificate() throws {
        let other = try TestCertificate.make(subject: "/C=PE/O=OTRA S.A.C./CN=20000000001")
        do {
            _ = try SigningKey(privateKeyPEMPath: cert.keyPEM.path, certificatePEMPath: other.certPEM.path)
            Issue.record("debió fallar")
        } catch {
            guard case .keyUnreadable(let message) = error else { Issue.record("caso inesperado \(error)"); return }
            #expect(message.contains("no corresponde"))
        }
    }

    @Test("clave PEM cifrada: con contraseña firma, sin ella falla sin pedir nada por terminal")
    func encryptedPEM() throws {
        let encrypted = cert.directory.appendingPathComponent("key-enc-\(UUID().uuidString).pem")
        let run = try ToolRun.run(["openssl", "pkey", "-in", cert.keyPEM.path, "-aes256", "-passout", "pass:secreto",
                                   "-out", encrypted.path])
        try #require(run.status == 0, "\(run.output)")
        let key = try SigningKey(privateKeyPEMPath: encrypted.path, certificatePEMPath: cert.certPEM.path, password: "secreto")
        let signed = try XMLSigner.sign(try SunatSamples.invoice.unsignedBytes(), key: key)
        #expect(try xmlsecVerify(signed.bytes, certificate: cert.certPEM).status == 0)
        #expect(throws: XMLSigningError.self) {
            try SigningKey(privateKeyPEMPath: encrypted.path, certificatePEMPath: cert.certPEM.path)
        }
    }

    @Test("base64 inválido del certificado")
    func badBase64() {
        #expect(throws: XMLSigningError.self) { try SigningKey(pkcs12Base64: "%%%no-base64", password: "x") }
    }

    @Test("XML mal formado, sin UBLExtensions, o ya firmado", arguments: [
        "<Invoice><cbc:ID>F001-1</Invoice>",
        "<?xml version=\"1.0\"?><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>",
        "",
    ])
    func badDocuments(xml: String) throws {
        let key = try cert.pemKey()
        do {
            _ = try XMLSigner.sign(Array(xml.utf8), key: key)
            Issue.record("debió fallar")
        } catch {
            guard case .signingFailed(let message) = error else { Issue.record("caso inesperado \(error)"); return }
            #expect(!message.isEmpty)
        }
    }

    @Test("no firma dos veces el mismo documento")
    func alreadySigned() throws {
        let key = try cert.pemKey()
        let signed = try XMLSigner.sign(try SunatSamples.invoice.unsignedBytes(), key: key)
        #expect(throws: XMLSigningError.self) { try XMLSigner.sign(signed.bytes, key: key) }
        // Nor the original sample with its placeholder signature.
        let placeholder = try [UInt8](Data(contentsOf: SunatSamples.invoice.url))
        #expect(throws: XMLSigningError.self) { try XMLSigner.sign(placeholder, key: key) }
    }

    @Test("no se descarga nada de la red al leer el XML")
    func noNetwork() throws {
        let key = try cert.pemKey()
        let unsigned = try SunatSamples.invoice.unsignedBytes().text
        // An external DTD would be fetched without NONET; here parsing must not try (and must not hang).
        let withDTD = unsigned.replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Invoice SYSTEM \"http://10.255.255.1/invoice.dtd\">")
        let start = Date()
        _ = try? XMLSigner.sign(Array(withDTD.utf8), key: key)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("documento sin firma: no hay valor resumen")
    func digestMissing() throws {
        #expect(throws: XMLSigningError.self) { try XMLSigner.digestValue(of: try SunatSamples.invoice.unsignedBytes()) }
    }
}
