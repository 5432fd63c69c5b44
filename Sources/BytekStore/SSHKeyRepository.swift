import BytekModel
import Foundation

/// Why an SSH key operation was refused.
public enum SSHKeyError: Error, Equatable {
    /// The key (by fingerprint) is already registered, for this login.
    case duplicate(fingerprint: String, login: String)
    case notFound(Int64)
}

/// One registered SSH key: whose it is, what it is, who added it and when.
public struct SSHKeyRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var login: String
    public var userActive: Bool
    public var type: String
    public var base64: String
    public var fingerprint: String
    public var comment: String
    public var addedAt: Date
    public var addedBy: String

    public var key: SSHPublicKey { SSHPublicKey(type: type, base64: base64, comment: comment) }
}

/// The staff's SSH keys (`bytek ssh-keys`) and the logins made with them. Every change is audited; the
/// caller rewrites authorized_keys inside the same transaction, so the file and the table agree.
public struct SSHKeyRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log).
    public let actor: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date
    public static let entity = "ssh_key"

    public init(db: Database, user actor: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.actor = actor; self.now = now
    }

    /// Registers `key` for the active user `login`. Refuses an unknown or disabled user and a key
    /// registered before (to anyone).
    @discardableResult
    public func add(_ key: SSHPublicKey, login: String) throws -> SSHKeyRecord {
        try db.write {
            let user = try UserRepository(db: db, user: actor).requireActive(login)
            if let other = try db.queryOne(
                "SELECT u.login FROM ssh_key k JOIN app_user u ON u.id = k.user_id WHERE k.fingerprint = ?",
                [.text(key.fingerprint)]) {
                throw SSHKeyError.duplicate(fingerprint: key.fingerprint, login: other.string("login"))
            }
            let stamp = now()
            try db.execute(
                """
                INSERT INTO ssh_key(user_id, key_type, key_base64, fingerprint, comment, added_at, added_by)
                VALUES ((SELECT id FROM app_user WHERE login = ?), ?, ?, ?, ?, ?, ?)
                """,
                [.text(user.login), .text(key.type), .text(key.base64), .text(key.fingerprint), .text(key.comment),
                 .text(ISOTimestamp.format(stamp)), .text(actor)])
            let id = db.lastInsertRowID
            let record = SSHKeyRecord(id: id, login: user.login, userActive: true, type: key.type, base64: key.base64,
                                      fingerprint: key.fingerprint, comment: key.comment, addedAt: stamp, addedBy: actor)
            try AuditLog(db: db, user: actor, door: door, now: now).append(
                entity: SSHKeyRepository.entity, entityId: id, action: .create,
                summary: "\(user.login) \(key.type) \(key.fingerprint)", after: record, at: stamp)
            return record
        }
    }

    /// Every key, by id.
    public func list() throws -> [SSHKeyRecord] {
        try db.query(
            """
            SELECT k.id, u.login, u.active, k.key_type, k.key_base64, k.fingerprint, k.comment, k.added_at, k.added_by
            FROM ssh_key k JOIN app_user u ON u.id = k.user_id ORDER BY k.id
            """).map { row in
                SSHKeyRecord(id: row.int("id"), login: row.string("login"), userActive: row.bool("active"),
                             type: row.string("key_type"), base64: row.string("key_base64"),
                             fingerprint: row.string("fingerprint"), comment: row.string("comment"),
                             addedAt: ISOTimestamp.parse(row.string("added_at")) ?? Date(timeIntervalSince1970: 0),
                             addedBy: row.string("added_by"))
            }
    }

    /// Removes the key `id`; returns what it was.
    @discardableResult
    public func remove(_ id: Int64) throws -> SSHKeyRecord {
        try db.write {
            guard let record = try list().first(where: { $0.id == id }) else { throw SSHKeyError.notFound(id) }
            try db.execute("DELETE FROM ssh_key WHERE id = ?", [.int(id)])
            try AuditLog(db: db, user: actor, door: door, now: now).append(
                entity: SSHKeyRepository.entity, entityId: id, action: .delete,
                summary: "\(record.login) \(record.type) \(record.fingerprint)", before: record)
            return record
        }
    }

    /// Records that `login` came in through `door` (e.g. "ssh"): the user's last login and an audit
    /// entry (action `login`) with where from and what was asked.
    public func recordLogin(_ login: String, door: String, from address: String, command: String?) throws {
        struct LoginFacts: Encodable { let door: String; let from: String; let command: String? }
        try db.write {
            let stamp = now()
            guard let id = try db.scalar("SELECT id FROM app_user WHERE login = ?", [.text(login)]).intValue else {
                throw UserRepositoryError.notFound(login)
            }
            try db.execute("UPDATE app_user SET last_login_at = ?, last_login_door = ? WHERE id = ?",
                           [.text(ISOTimestamp.format(stamp)), .text(door), .int(id)])
            let what = command.map { ": \($0)" } ?? ""
            try AuditLog(db: db, user: login, door: Door(rawValue: door), now: now).append(
                entity: AuditEntity.user, entityId: id, action: .login,
                summary: "ingreso por \(door) desde \(address.isEmpty ? "?" : address)\(what)",
                after: LoginFacts(door: door, from: address, command: command), at: stamp)
        }
    }

    /// Each user's last login (time and door), by login; users who never logged in are absent.
    public func lastLogins() throws -> [String: (at: Date, door: String)] {
        var result: [String: (at: Date, door: String)] = [:]
        for row in try db.query("SELECT login, last_login_at, last_login_door FROM app_user WHERE last_login_at IS NOT NULL") {
            if let at = ISOTimestamp.parse(row.string("last_login_at")) {
                result[row.string("login")] = (at, row.string("last_login_door"))
            }
        }
        return result
    }
}
