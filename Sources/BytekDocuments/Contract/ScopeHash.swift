import BytekModel
import Foundation

/// The fingerprint a contract prints of its scope: the same scope text always gives the same 64
/// hex digits, and any change to it (one character) gives different ones.
public enum ScopeHash {
    /// The lowercase hex SHA-256 of the UTF-8 bytes of `text` (OpenSSL's libcrypto).
    public static func sha256Hex(_ text: String) -> String { SHA256.hex(text) }

    /// The canonical scope text of a list of scope lines: one per line, trimmed, "\n" separated,
    /// so the hash does not depend on trailing spaces.
    public static func canonicalText(_ lines: [String]) -> String {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
    }
}
