import BytekStore
import Foundation
import Testing
@testable import BytekSUNAT

/// The certificate named by the secrets file, in each form the file accepts, opens as the signing key.
@Suite struct SecretsCertificateTests {
    @Test func certificateFromTheSecretsFileAsPFXPathInlinePEMOrPEMPath() throws {
        let cert = try TestCertificate.shared.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-secrets-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bytek-secretos"
        let env = ["BYTEK_SECRETS": path, "BYTEK_SUNAT_CREDENTIALS": folder + "/no-hay"]
        let sol = [("sol_user", "MODDATOS"), ("sol_password", "moddatos")]
        func subject() throws -> String {
            let credentials = try EInvoicingCredentials.load(environment: env)
            return try SigningKey(credentials: credentials).certificateInfo().subject
        }

        try SecretsFile.upsert(sol + [("cert_pfx", cert.pkcs12.path), ("cert_password", TestCertificate.pkcs12Password)], at: path)
        #expect(try subject().contains("CN=20123456789"))

        // An inline PEM block (several lines in the file) for the certificate, a PEM file for the key.
        try FileManager.default.removeItem(atPath: path)
        let pem = try String(contentsOf: cert.certPEM, encoding: .utf8)
        try SecretsFile.upsert(sol + [("cert_pem", pem), ("cert_key_pem", cert.keyPEM.path)], at: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n").count > 10)
        #expect(try Secrets.load(environment: env).value("cert_pem") == pem)
        #expect(try subject().contains("CN=20123456789"))

        // Without the key the credentials say what is missing.
        try SecretsFile.upsert([("cert_key_pem", "")], at: path)
        #expect(throws: EInvoicingSettingsError.credentialsMissing("la clave privada del certificado (cert_key_pem)")) {
            try EInvoicingCredentials.load(environment: env)
        }
    }
}
