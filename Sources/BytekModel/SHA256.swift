import COpenSSL

/// SHA-256 through OpenSSL's libcrypto (the same library xmlsec signs with).
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &out, &length, EVP_sha256(), nil)
        }
        // EVP_Digest only fails when the library cannot allocate; there is nothing to hash then.
        precondition(ok == 1, "EVP_Digest(SHA-256) failed")
        return Array(out.prefix(Int(length)))
    }

    /// The lowercase hexadecimal digest of the UTF-8 bytes of `text`.
    public static func hex(_ text: String) -> String {
        digest(Array(text.utf8)).map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
    }
}
