import CSunatSign
import Foundation

/// The company's signing key: an RSA private key with its X.509 certificate, checked to belong together
/// when loaded. Immutable and safe to share between threads; several threads may sign with one key at once.
public final class SigningKey: @unchecked Sendable {
    // @unchecked: the C key is never mutated after loading and signing only reads it (sunat_sign.c),
    // so sharing the pointer between threads is safe; it is freed once, when the last reference goes.
    let handle: OpaquePointer

    private init(loading load: (UnsafeMutablePointer<CChar>, Int) -> OpaquePointer?) throws(XMLSigningError) {
        let (key, message) = CErrorBuffer.call(load)
        guard let key else { throw .keyUnreadable(message) }
        handle = key
    }

    deinit { sunat_key_free(handle) }

    /// A PKCS#12 file (.pfx / .p12), as SUNAT certificates are usually delivered.
    public convenience init(pkcs12Path path: String, password: String) throws(XMLSigningError) {
        try self.init { sunat_key_load_pkcs12_file(path, password, $0, $1) }
    }

    /// PKCS#12 bytes, e.g. decoded from an environment variable.
    public convenience init(pkcs12 data: Data, password: String) throws(XMLSigningError) {
        let bytes = [UInt8](data)
        try self.init { err, len in
            bytes.withUnsafeBufferPointer { sunat_key_load_pkcs12_memory($0.baseAddress, $0.count, password, err, len) }
        }
    }

    /// PKCS#12 as base64 text (line breaks allowed), the usual way to keep it in an environment variable.
    public convenience init(pkcs12Base64 text: String, password: String) throws(XMLSigningError) {
        guard let data = try? SunatBase64.decode(text) else { throw .keyUnreadable("el certificado no está en base64") }
        try self.init(pkcs12: data, password: password)
    }

    /// A PEM private key file and a PEM certificate file. `password` only for an encrypted key.
    public convenience init(privateKeyPEMPath: String, certificatePEMPath: String, password: String? = nil) throws(XMLSigningError) {
        try self.init { sunat_key_load_pem_files(privateKeyPEMPath, certificatePEMPath, password, $0, $1) }
    }

    /// A PEM private key and a PEM certificate held in memory. `password` only for an encrypted key.
    public convenience init(privateKeyPEM: Data, certificatePEM: Data, password: String? = nil) throws(XMLSigningError) {
        let key = [UInt8](privateKeyPEM)
        let cert = [UInt8](certificatePEM)
        try self.init { err, len in
            key.withUnsafeBufferPointer { k in
                cert.withUnsafeBufferPointer { c in
                    sunat_key_load_pem_memory(k.baseAddress, k.count, c.baseAddress, c.count, password, err, len)
                }
            }
        }
    }

    /// The certificate's subject (RFC 2253, e.g. "CN=20123456789,O=BYTEK S.A.C.S.,C=PE") and expiry,
    /// for the settings screen and expiry warnings.
    public func certificateInfo() throws(XMLSigningError) -> CertificateInfo {
        var subject = [CChar](repeating: 0, count: 1024)
        var notAfter: Int64 = 0
        let (rc, message) = CErrorBuffer.call { err, len in
            subject.withUnsafeMutableBufferPointer { s in
                sunat_key_certificate_info(handle, s.baseAddress, s.count, &notAfter, err, len)
            }
        }
        guard rc == 0 else { throw .keyUnreadable(message) }
        let subjectBytes = subject.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return CertificateInfo(subject: String(decoding: subjectBytes, as: UTF8.self),
                               notAfter: Date(timeIntervalSince1970: TimeInterval(notAfter)))
    }
}

/// What the settings screen shows about a certificate.
public struct CertificateInfo: Sendable, Hashable {
    public let subject: String
    public let notAfter: Date
}
