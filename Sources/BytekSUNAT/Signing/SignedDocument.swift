import Foundation

/// A signed UBL document: the exact bytes to zip and send (never re-serialise them: any change breaks
/// the signature) and the reference's DigestValue, the "hash" SUNAT prints on the invoice.
public struct SignedDocument: Sendable, Hashable {
    /// The signed XML, UTF-8, exactly as it must be stored and sent.
    public let bytes: [UInt8]
    /// The base64 DigestValue of the signature's only reference (whole document, enveloped).
    public let digestValue: String
    public let algorithm: SignatureAlgorithm

    public init(bytes: [UInt8], digestValue: String, algorithm: SignatureAlgorithm) {
        self.bytes = bytes
        self.digestValue = digestValue
        self.algorithm = algorithm
    }

    /// The same bytes as `Data`.
    public var data: Data { Data(bytes) }
}
