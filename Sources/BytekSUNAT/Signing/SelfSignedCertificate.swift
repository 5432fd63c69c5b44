import CSunatSign
import Foundation

/// A throwaway self-signed certificate (RSA 2048, SHA-256) as a password-protected PKCS#12, made with
/// libcrypto. Only for the demo and the local emulator: SUNAT accepts certificates from its authorities.
public enum SelfSignedCertificate {
    /// The PKCS#12 bytes; subject C=PE, O=`organization`, CN=`commonName`.
    public static func pkcs12(commonName: String, organization: String, password: String,
                              validDays: Int = 730) throws(XMLSigningError) -> Data {
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        let (rc, message) = CErrorBuffer.call { err, len in
            sunat_self_signed_pkcs12(commonName, organization, password, Int32(validDays), &out, &length, err, len)
        }
        guard rc == 0, let out else { throw .keyUnreadable(message) }
        defer { sunat_self_signed_free(out) }
        return Data(bytes: out, count: length)
    }
}
