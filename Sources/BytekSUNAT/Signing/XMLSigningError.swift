/// Why signing, key loading or verification failed. Each case carries the library's message (Spanish
/// summary first, then the libxml2/xmlsec/OpenSSL details); the UI turns the case into its own text.
public enum XMLSigningError: Error, Equatable, Sendable, Hashable {
    /// libxml2/xmlsec/OpenSSL could not be started (missing or incompatible libraries).
    case libraryUnavailable(String)
    /// The certificate or key could not be read: wrong password, wrong format, key and certificate
    /// that do not belong together, not RSA, or no certificate.
    case keyUnreadable(String)
    /// The document could not be signed: not well-formed XML, no empty ext:ExtensionContent, ...
    case signingFailed(String)
    /// The document has no ds:DigestValue.
    case digestNotFound(String)
    /// The signature could not be processed at all (as opposed to a signature that does not match).
    case verificationError(String)

    /// The message the C signer produced.
    public var libraryMessage: String {
        switch self {
        case .libraryUnavailable(let m), .keyUnreadable(let m), .signingFailed(let m),
             .digestNotFound(let m), .verificationError(let m):
            return m
        }
    }
}
