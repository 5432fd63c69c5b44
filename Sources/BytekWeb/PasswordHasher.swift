import CSodium
import Foundation

/// Argon2id password hashing (libsodium's crypto_pwhash_str with the INTERACTIVE limits: 64 MiB, t=2).
/// At most two hashes run at once, so a burst of logins cannot exhaust memory. Passwords are never
/// stored, logged or kept beyond the call.
public final class PasswordHasher: @unchecked Sendable {
    public static let concurrentHashes = 2
    private let slots = DispatchSemaphore(value: PasswordHasher.concurrentHashes)
    private let lock = NSLock()
    private var running = 0
    /// The most hashes that ever ran at once (the limit is checked by the tests).
    public private(set) var peak = 0

    public init() { Sodium.initialize() }

    /// The Argon2id string (algorithm, parameters, salt and hash) to store.
    public func hash(_ password: String) throws -> String {
        enter()
        defer { leave() }
        var out = [CChar](repeating: 0, count: bytek_pwhash_strbytes())
        let bytes = Array(password.utf8) + [0], n = UInt64(bytes.count - 1)
        let rc = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) {
                crypto_pwhash_str(&out, $0.baseAddress!, n, bytek_pwhash_opslimit(), bytek_pwhash_memlimit())
            }
        }
        guard rc == 0 else { throw PasswordHasherError.outOfMemory }
        return String(decoding: out.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func enter() {
        slots.wait()
        lock.lock(); running += 1; peak = max(peak, running); lock.unlock()
    }

    private func leave() {
        lock.lock(); running -= 1; lock.unlock()
        slots.signal()
    }

    /// True when `password` matches the stored string.
    public func verify(_ password: String, against stored: String) -> Bool {
        enter()
        defer { leave() }
        let bytes = Array(password.utf8) + [0], n = UInt64(bytes.count - 1)
        return bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { crypto_pwhash_str_verify(stored, $0.baseAddress!, n) == 0 }
        }
    }
}

public enum PasswordHasherError: Error, CustomStringConvertible {
    case outOfMemory
    public var description: String { "no hay memoria suficiente para calcular la contraseña; inténtelo de nuevo" }
}
