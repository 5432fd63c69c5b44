import BytekStore
import Foundation

extension SigningKey {
    /// The company certificate named by the credentials: the PFX given in base64 (environment) or its file.
    public convenience init(credentials: EInvoicingCredentials) throws(XMLSigningError) {
        if let b64 = credentials.certificateBase64 {
            try self.init(pkcs12Base64: b64, password: credentials.certificatePassword)
        } else {
            try self.init(pkcs12Path: credentials.certificatePath ?? "", password: credentials.certificatePassword)
        }
    }
}
