import BytekModel
import BytekStore
import Foundation

/// Staff SSH keys (admin only): each key's row and the managed block of the service account's
/// authorized_keys change in one transaction (`SSHKeyAccess`), as `bytek ssh-keys` and Usuarios `k` do.
/// `file` is the `--authorized-keys` option; without it the path comes from $BYTEK_AUTHORIZED_KEYS, the
/// saved setting, or ~/.ssh/authorized_keys.
public struct SSHKeyService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    func access(_ file: String?) throws -> SSHKeyAccess {
        try SSHKeyAccess.forStore(services.db, actor: actor.auditName, door: actor.door, database: services.store.path,
                                  option: file, environment: services.environment(), now: services.now)
    }

    /// The keys with each user's last login, and the authorized_keys file in use.
    public struct Listing: Sendable {
        public let file: String
        public let keys: [SSHKeyRecord]
        public let lastLogins: [String: (at: Date, door: String)]
    }

    public func list(file: String? = nil) throws -> Listing {
        try actor.authorize(.sshKeyList)
        let access = try access(file)
        return Listing(file: access.file.path, keys: try access.repo.list(), lastLogins: try access.repo.lastLogins())
    }

    /// The keys of one user.
    public func keys(of login: String) throws -> [SSHKeyRecord] {
        try actor.authorize(.sshKeyList)
        return try access(nil).repo.list().filter { $0.login == login }
    }

    /// Registers the public key in `keyFileText` (a .pub file's text: one key line) for `login` and rewrites
    /// the block; returns the record and the file written.
    @discardableResult
    public func add(keyFileText: String, login: String, file: String? = nil) throws -> (record: SSHKeyRecord, file: String) {
        try actor.authorize(.sshKeyAdd)
        let key = try SSHPublicKey.parseFile(keyFileText)
        let access = try access(file)
        return (try access.add(key, login: login), access.file.path)
    }

    @discardableResult
    public func remove(_ id: Int64, file: String? = nil) throws -> SSHKeyRecord {
        try actor.authorize(.sshKeyRemove)
        return try access(file).remove(id)
    }

    /// Rewrites the block from the database: the file and how many keys it holds.
    public func sync(file: String? = nil) throws -> (file: String, keys: Int) {
        try actor.authorize(.sshKeySync)
        let access = try access(file)
        return (access.file.path, try access.sync())
    }

    /// The authorized_keys path in use.
    public func filePath(_ file: String? = nil) throws -> String {
        try actor.authorize(.sshKeyList)
        return try access(file).file.path
    }

    /// Saves `path` as this installation's authorized_keys; returns it absolute.
    public func setFilePath(_ path: String) throws -> String {
        try actor.authorize(.sshKeySync)
        let absolute = AuthorizedKeysFile.absolute(path)
        try SettingsRepository(db: services.db).set(AuthorizedKeysFile.settingKey, absolute)
        return absolute
    }
}

extension Services {
    public var sshKeys: SSHKeyService { SSHKeyService(services: self) }
}
