import CSodium

/// HMAC-SHA256 and a constant-time compare through libsodium: what verifies Izipay's kr-hash (and the web
/// door's signed hooks, through `Sodium`).
public enum GatewaySignature {
    private static let ready: Bool = sodium_init() >= 0

    /// HMAC-SHA256 of `message` with a key of any length.
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        precondition(ready, "libsodium no pudo iniciarse")
        var state = crypto_auth_hmacsha256_state()
        var out = [UInt8](repeating: 0, count: Int(crypto_auth_hmacsha256_BYTES))
        _ = crypto_auth_hmacsha256_init(&state, key, key.count)
        _ = crypto_auth_hmacsha256_update(&state, message, UInt64(message.count))
        _ = crypto_auth_hmacsha256_final(&state, &out)
        return out
    }

    /// True when both byte strings are equal, in time that does not depend on where they differ.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        precondition(ready, "libsodium no pudo iniciarse")
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return sodium_memcmp(a, b, a.count) == 0
    }

    /// True when `hexSignature` (upper or lower case) is the HMAC-SHA256 of the exact bytes of `message`.
    public static func verifyHex(_ hexSignature: String, key: String, message: String) -> Bool {
        guard let given = unhex(hexSignature) else { return false }
        return constantTimeEqual(hmacSHA256(key: Array(key.utf8), message: Array(message.utf8)), given)
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes of a hex string; nil when it is not hex.
    public static func unhex(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        func v(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let h = v(u[i]), let l = v(u[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }
}
