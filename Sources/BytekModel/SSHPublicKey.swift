import Foundation

/// Why a public key file was refused. `message` is the Spanish text a user reads.
public enum SSHPublicKeyError: Error, Equatable, Sendable {
    case empty
    case privateKey
    case rfc4716
    case multipleKeys(Int)
    case hasOptions
    case unknownType(String)
    case unsupportedType(String)
    case malformed
    case invalidComment
    case tooLarge

    public var message: String {
        switch self {
        case .empty: return "el archivo no tiene ninguna clave pública"
        case .privateKey:
            return "el archivo es una clave PRIVADA: no la comparta; indique el archivo .pub (p. ej. ~/.ssh/id_ed25519.pub)"
        case .rfc4716:
            return "la clave está en formato SSH2 (RFC 4716); conviértala con «ssh-keygen -i -f ARCHIVO» y use el resultado"
        case .multipleKeys(let n): return "el archivo tiene \(n) claves; indique un archivo con una sola clave pública"
        case .hasOptions:
            return "la línea de la clave tiene opciones delante (command=, from=…); indique el archivo .pub tal como lo generó ssh-keygen"
        case .unknownType(let t):
            return "«\(SSHPublicKey.printable(t))» no es un tipo de clave pública SSH (use ssh-ed25519, ecdsa-sha2-nistp256/384/521 o ssh-rsa)"
        case .unsupportedType(let t): return "el tipo de clave \(t) ya no es seguro ni lo acepta OpenSSH; genere una con «ssh-keygen -t ed25519»"
        case .malformed: return "la clave pública está dañada (su parte en base64 no es una clave de ese tipo)"
        case .invalidComment: return "el comentario de la clave tiene caracteres de control o pasa de 200 caracteres"
        case .tooLarge: return "el archivo es demasiado grande para ser una clave pública (más de 64 KiB)"
        }
    }
}

/// One OpenSSH public key (`TYPE BASE64 [COMMENT]`), checked: a known type, base64 that decodes to a key
/// blob of that same type. `fingerprint` is what `ssh-keygen -lf` prints (`SHA256:…`, unpadded base64).
public struct SSHPublicKey: Sendable, Hashable {
    public let type: String
    public let base64: String
    public let comment: String

    /// A key already checked by `parseLine` (e.g. read back from the store).
    public init(type: String, base64: String, comment: String) {
        self.type = type; self.base64 = base64; self.comment = comment
    }

    /// The key types OpenSSH accepts by default.
    public static let knownTypes: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]
    static let retiredTypes: Set<String> = ["ssh-dss"]
    public static let maximumFileSize = 64 * 1024

    /// Parses the text of a `.pub` file: exactly one key line (blank lines and `#` comments ignored).
    public static func parseFile(_ text: String) throws -> SSHPublicKey {
        if text.utf8.count > maximumFileSize { throw SSHPublicKeyError.tooLarge }
        if text.contains("PRIVATE KEY-----") || text.contains("PuTTY-User-Key-File") { throw SSHPublicKeyError.privateKey }
        if text.contains("---- BEGIN SSH2 PUBLIC KEY ----") { throw SSHPublicKeyError.rfc4716 }
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let line = lines.first else { throw SSHPublicKeyError.empty }
        guard lines.count == 1 else { throw SSHPublicKeyError.multipleKeys(lines.count) }
        return try parseLine(line)
    }

    /// Parses one `TYPE BASE64 [COMMENT]` line.
    public static func parseLine(_ line: String) throws -> SSHPublicKey {
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard let type = words.first else { throw SSHPublicKeyError.empty }
        if retiredTypes.contains(type) { throw SSHPublicKeyError.unsupportedType(type) }
        guard knownTypes.contains(type) else {
            if words.count >= 2, knownTypes.contains(words[1]) || type.contains("=") { throw SSHPublicKeyError.hasOptions }
            throw SSHPublicKeyError.unknownType(String(type.prefix(40)))
        }
        guard words.count >= 2, let blob = Data(base64Encoded: words[1]), blob.count >= 19, blob.count <= 16 * 1024,
              blobType(Array(blob)) == type else { throw SSHPublicKeyError.malformed }
        let comment = words.count > 2 ? words[2].trimmingCharacters(in: .whitespaces) : ""
        guard comment.count <= 200, !comment.unicodeScalars.contains(where: isControl) else {
            throw SSHPublicKeyError.invalidComment
        }
        return SSHPublicKey(type: type, base64: words[1], comment: comment)
    }

    /// The first length-prefixed string of the SSH wire blob: the key's own statement of its type.
    static func blobType(_ blob: [UInt8]) -> String? {
        guard blob.count >= 4 else { return nil }
        let length = blob[0..<4].reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, length <= 64, blob.count >= 4 + length else { return nil }
        return String(bytes: blob[4..<(4 + length)], encoding: .ascii)
    }

    /// `SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -lf` prints it.
    public var fingerprint: String {
        let blob = Array(Data(base64Encoded: base64) ?? Data())
        let digest = Data(SHA256.digest(blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The key as an authorized_keys entry without options: `TYPE BASE64 [COMMENT]`.
    public var line: String { comment.isEmpty ? "\(type) \(base64)" : "\(type) \(base64) \(comment)" }

    static func isControl(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (0x7F...0x9F).contains(s.value) }

    /// `text` with control characters shown as `?`, for messages that echo what someone sent.
    public static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "?" : $0 }))
    }
}
