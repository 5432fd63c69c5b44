import COpenSSL

extension SHA256 {
    /// SHA-256 over bytes given piece by piece (a file read in chunks), through libcrypto.
    public final class Hasher {
        private let context: OpaquePointer?

        public init() {
            context = EVP_MD_CTX_new()
            // Fails only when libcrypto cannot allocate; `finish` then returns an empty digest.
            if let context { EVP_DigestInit_ex(context, EVP_sha256(), nil) }
        }

        deinit { EVP_MD_CTX_free(context) }

        public func update(_ bytes: UnsafeRawBufferPointer) {
            guard let context, let base = bytes.baseAddress, bytes.count > 0 else { return }
            EVP_DigestUpdate(context, base, bytes.count)
        }

        /// The lowercase hexadecimal digest; the hasher must not be used afterwards.
        public func finishHex() -> String {
            guard let context else { return "" }
            var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, &out, &length)
            return out.prefix(Int(length)).map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
        }
    }
}
