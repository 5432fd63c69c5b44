import BytekGateways
import CSodium
import Foundation

/// The few libsodium calls the web door needs: random tokens, SHA-256, HMAC-SHA256 and a constant-time compare.
public enum Sodium {
    private static let ready: Bool = sodium_init() >= 0

    /// Initialises libsodium once (safe to call from any thread).
    public static func initialize() {
        precondition(ready, "libsodium no pudo iniciarse")
    }

    /// `count` random bytes from the system's CSPRNG.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        initialize()
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return bytes
    }

    /// A random 256-bit token, base64url without padding (43 characters, safe in URLs and cookies).
    public static func token() -> String { base64url(randomBytes(32)) }

    public static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 of the text, lower-case hex: what the store keeps instead of a session id or a link token.
    public static func sha256Hex(_ text: String) -> String {
        initialize()
        let input = Array(text.utf8)
        var out = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        _ = crypto_hash_sha256(&out, input, UInt64(input.count))
        return hex(out)
    }

    /// HMAC-SHA256 of `message` with a key of any length.
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        GatewaySignature.hmacSHA256(key: key, message: message)
    }

    /// True when both byte strings are equal, in time that does not depend on where they differ.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool { GatewaySignature.constantTimeEqual(a, b) }

    public static func hex(_ bytes: [UInt8]) -> String { GatewaySignature.hex(bytes) }

    /// Bytes of a hex string; nil when it is not hex.
    public static func unhex(_ text: String) -> [UInt8]? { GatewaySignature.unhex(text) }
}
