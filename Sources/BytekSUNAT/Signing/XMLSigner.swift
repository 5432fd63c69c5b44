import CSunatSign
import Foundation

/// Enveloped XML-DSig signing of UBL 2.1 documents the way SUNAT expects them.
///
/// The ds:Signature goes into the first root/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent,
/// which must be empty (whitespace allowed): Reference URI="", enveloped-signature transform, inclusive
/// C14N, KeyInfo with the X509Certificate only. Parsing never touches the network and keeps whitespace.
/// All functions are safe to call from several threads at once.
public enum XMLSigner {
    /// The signature's Id attribute unless told otherwise.
    public static let defaultSignatureID = "SignatureSP"

    /// Starts libxml2, xmlsec and OpenSSL now instead of on the first signature (once per process;
    /// later calls return at once). The worker calls it at start-up so a broken installation shows early.
    public static func initialize() throws(XMLSigningError) {
        let (rc, message) = CErrorBuffer.call { sunat_sign_init($0, $1) }
        guard rc == 0 else { throw .libraryUnavailable(message) }
    }

    /// Signs `xml` (UTF-8 UBL bytes with an empty ext:ExtensionContent).
    public static func sign(_ xml: [UInt8], key: SigningKey, algorithm: SignatureAlgorithm = .default,
                            signatureID: String = defaultSignatureID) throws(XMLSigningError) -> SignedDocument {
        var out: UnsafeMutablePointer<UInt8>?
        var outLength = 0
        var digest = [CChar](repeating: 0, count: 256)
        let (rc, message) = CErrorBuffer.call { err, len in
            xml.withUnsafeBufferPointer { x in
                digest.withUnsafeMutableBufferPointer { d in
                    sunat_sign_xml(x.baseAddress, x.count, key.handle, algorithm.cValue, signatureID,
                                   &out, &outLength, d.baseAddress, d.count, err, len)
                }
            }
        }
        guard rc == 0, let out else { throw .signingFailed(message) }
        defer { sunat_sign_free(out) }
        let bytes = [UInt8](UnsafeBufferPointer(start: out, count: outLength))
        let digestValue = String(decoding: digest.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return SignedDocument(bytes: bytes, digestValue: digestValue, algorithm: algorithm)
    }

    /// Signs `xml` given as `Data`.
    public static func sign(_ xml: Data, key: SigningKey, algorithm: SignatureAlgorithm = .default,
                            signatureID: String = defaultSignatureID) throws(XMLSigningError) -> SignedDocument {
        try sign([UInt8](xml), key: key, algorithm: algorithm, signatureID: signatureID)
    }

    /// The first ds:DigestValue of a signed document (e.g. a stored one), trimmed.
    public static func digestValue(of xml: [UInt8]) throws(XMLSigningError) -> String {
        var digest = [CChar](repeating: 0, count: 256)
        let (rc, message) = CErrorBuffer.call { err, len in
            xml.withUnsafeBufferPointer { x in
                digest.withUnsafeMutableBufferPointer { d in
                    sunat_digest_value(x.baseAddress, x.count, d.baseAddress, d.count, err, len)
                }
            }
        }
        guard rc == 0 else { throw .digestNotFound(message) }
        return String(decoding: digest.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Checks the document's first signature against `key`'s public key (a self-check before sending).
    /// Returns false when the signature does not match the document; throws when it cannot be processed.
    public static func verify(_ xml: [UInt8], key: SigningKey) throws(XMLSigningError) -> Bool {
        let (rc, message) = CErrorBuffer.call { err, len in
            xml.withUnsafeBufferPointer { sunat_verify_xml($0.baseAddress, $0.count, key.handle, err, len) }
        }
        switch rc {
        case 1: return true
        case 0: return false
        default: throw .verificationError(message)
        }
    }
}
