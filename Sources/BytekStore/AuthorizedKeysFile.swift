import BytekModel
import Foundation

/// The service account's authorized_keys file: read whole, written atomically (a temp file beside it,
/// mode 0600, fsync, rename), so sshd never reads half a file and a failure leaves the old one.
public struct AuthorizedKeysFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Where the file is: `--authorized-keys`, else $BYTEK_AUTHORIZED_KEYS, else the database setting
    /// `ssh.authorized_keys`, else ~/.ssh/authorized_keys.
    public static func path(option: String?, environment: [String: String], settings: SettingsRepository) throws -> String {
        if let option, !option.isEmpty { return absolute(option) }
        if let env = environment["BYTEK_AUTHORIZED_KEYS"], !env.isEmpty { return absolute(env) }
        if let saved = try settings.value(settingKey), !saved.isEmpty { return saved }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.ssh/authorized_keys"
    }

    public static let settingKey = "ssh.authorized_keys"

    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
            .standardized.path
    }

    /// The text of the file; empty when it does not exist yet.
    public func read() throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Replaces the file with `content`. A missing folder is created 0700; a `.ssh` folder that others
    /// may read or write is closed to 0700 (sshd's StrictModes refuses group- or world-writable ones).
    public func write(_ content: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let fm = FileManager.default
        if !fm.fileExists(atPath: folder) {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } else if (folder as NSString).lastPathComponent == ".ssh",
                  let attrs = try? fm.attributesOfItem(atPath: folder),
                  (attrs[.ownerAccountID] as? NSNumber)?.uint32Value == getuid(),
                  let mode = attrs[.posixPermissions] as? NSNumber, mode.intValue & 0o077 != 0 {
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
        }
        let temp = folder + "/.authorized_keys.bytek-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw AuthorizedKeysFileError(path: temp, reason: String(cString: strerror(errno))) }
        var ok = true
        let bytes = Array(content.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { ok = false; break }
                offset += n
            }
        }
        if fchmod(fd, 0o600) != 0 || fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw AuthorizedKeysFileError(path: path, reason: reason)
        }
    }

    /// Rewrites this database's block from the keys in `repo`, each forcing `bytek ssh-session LOGIN`.
    /// `adding`, when given, must not already sit outside the block.
    public func sync(_ repo: SSHKeyRepository, binary: String, database: String, adding: SSHPublicKey? = nil) throws {
        let content = try read()
        if let adding, let line = AuthorizedKeysBlock.lineOutsideBlock(holding: adding, in: content, database: database) {
            throw AuthorizedKeysError.keyOutsideBlock(line: line)
        }
        let lines = try repo.list().map { record in
            AuthorizedKeysBlock.keyLine(
                command: try AuthorizedKeysBlock.forcedCommand(binary: binary, database: database, login: record.login),
                key: record.key)
        }
        try write(try AuthorizedKeysBlock.replacing(in: content, database: database, with: lines, file: path))
    }

    /// The absolute path of the running `bytek`: argv[0] made absolute when it names a file, else
    /// /proc/self/exe. A symlink such as /usr/local/bin/bytek is kept, so upgrades keep working.
    public static func currentBinary() -> String {
        if let arg0 = CommandLine.arguments.first, arg0.contains("/") { return absolute(arg0) }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return exe }
        return "bytek"
    }
}

/// The authorized_keys file (or its temporary twin) could not be written.
public struct AuthorizedKeysFileError: Error, Equatable, Sendable {
    public let path: String
    public let reason: String
    public var message: String { "no se pudo escribir \(path): \(reason)" }
}
