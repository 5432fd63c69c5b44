import BytekStore
import Foundation

extension SigningKey {
    /// The company certificate named by the credentials: the PFX given in base64, its file, or a PEM
    /// certificate with its key (inline or as files).
    public convenience init(credentials: EInvoicingCredentials) throws(XMLSigningError) {
        if let b64 = credentials.certificateBase64 {
            try self.init(pkcs12Base64: b64, password: credentials.certificatePassword)
        } else if let cert = credentials.certificatePEM, let key = credentials.privateKeyPEM {
            let password = credentials.certificatePassword.isEmpty ? nil : credentials.certificatePassword
            try self.init(privateKeyPEM: Self.pem(key), certificatePEM: Self.pem(cert), password: password)
        } else {
            try self.init(pkcs12Path: credentials.certificatePath ?? "", password: credentials.certificatePassword)
        }
    }

    /// Inline PEM text as is; anything else is a path to a PEM file.
    private static func pem(_ value: String) -> Data {
        if value.hasPrefix("-----BEGIN ") { return Data(value.utf8) }
        return FileManager.default.contents(atPath: value) ?? Data()
    }
}
