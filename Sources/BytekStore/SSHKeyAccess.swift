import BytekModel
import Foundation

/// Adding and removing staff SSH keys the one way every front does it (`bytek ssh-keys`, the Usuarios
/// screen): the database row and this database's managed block of authorized_keys change in one
/// transaction, so a key never sits in one and not the other.
public struct SSHKeyAccess: Sendable {
    public let db: Database
    public let file: AuthorizedKeysFile
    /// The absolute database path the forced commands name.
    public let database: String
    /// The `bytek` binary the forced commands run.
    public let binary: String
    public let repo: SSHKeyRepository

    public init(db: Database, actor: String, door: Door? = nil, file: AuthorizedKeysFile, database: String,
                binary: String = AuthorizedKeysFile.currentBinary(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.file = file; self.binary = binary
        self.database = AuthorizedKeysFile.absolute(database)
        var repo = SSHKeyRepository(db: db, user: actor, now: now)
        repo.door = door
        self.repo = repo
    }

    /// The access for `database`, its authorized_keys found the way the CLI finds it: `option`, else
    /// $BYTEK_AUTHORIZED_KEYS, else the setting `ssh.authorized_keys`, else ~/.ssh/authorized_keys.
    public static func forStore(_ db: Database, actor: String, door: Door? = nil, database: String, option: String? = nil,
                                environment: [String: String], now: @escaping @Sendable () -> Date = { Date() }) throws -> SSHKeyAccess {
        let path = try AuthorizedKeysFile.path(option: option, environment: environment, settings: SettingsRepository(db: db))
        return SSHKeyAccess(db: db, actor: actor, door: door, file: AuthorizedKeysFile(path: path), database: database, now: now)
    }

    /// Registers `key` for `login` and rewrites the block.
    @discardableResult
    public func add(_ key: SSHPublicKey, login: String) throws -> SSHKeyRecord {
        try db.write {
            let record = try repo.add(key, login: login)
            try file.sync(repo, binary: binary, database: database, adding: key)
            return record
        }
    }

    /// Removes key `id` and rewrites the block.
    @discardableResult
    public func remove(_ id: Int64) throws -> SSHKeyRecord {
        try db.write {
            let record = try repo.remove(id)
            try file.sync(repo, binary: binary, database: database)
            return record
        }
    }

    /// Rewrites the block from the database; returns how many keys it holds.
    public func sync() throws -> Int {
        try db.write {
            try file.sync(repo, binary: binary, database: database)
            return try repo.list().count
        }
    }

    /// A Spanish sentence for the errors adding or removing a key can raise; nil for others.
    public static func message(_ error: Error) -> String? {
        switch error {
        case let e as SSHPublicKeyError: return "clave pública: " + e.message
        case let e as AuthorizedKeysError: return e.message
        case let e as AuthorizedKeysFileError: return e.message
        case let e as SSHKeyError:
            switch e {
            case .duplicate(let fingerprint, let login): return "esa clave (\(fingerprint)) ya está registrada para «\(login)»"
            case .notFound(let id): return "no existe la clave SSH \(id)"
            }
        default: return nil
        }
    }
}
