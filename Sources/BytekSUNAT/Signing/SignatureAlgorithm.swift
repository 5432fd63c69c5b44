import CSunatSign

/// The XML-DSig signature algorithm. The reference digest follows it: RSA-SHA256 digests with SHA-256,
/// RSA-SHA1 with SHA-1 (still accepted by SUNAT, kept selectable for older validators).
public enum SignatureAlgorithm: String, CaseIterable, Sendable, Codable, Hashable {
    case rsaSHA256 = "rsa-sha256"
    case rsaSHA1 = "rsa-sha1"

    /// The project's default for new documents.
    public static let `default`: SignatureAlgorithm = .rsaSHA256

    var cValue: sunat_sign_algorithm {
        switch self {
        case .rsaSHA256: return SUNAT_SIGN_RSA_SHA256
        case .rsaSHA1: return SUNAT_SIGN_RSA_SHA1
        }
    }
}
