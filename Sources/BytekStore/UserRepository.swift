import BytekModel
import Foundation

/// Why a user operation was refused. The CLI and the TUI turn each case into Spanish text.
public enum UserRepositoryError: Error, Equatable {
    case invalid([UserField: UserError])
    case duplicateLogin(String)
    case notFound(String)
    /// The user exists but is disabled.
    case inactive(String)
    /// The user's role lacks `access` to `module`.
    case forbidden(login: String, role: Role, module: AppModule, access: Access)
    /// The change breaks a `UserChangeRule` (an admin disabling itself, the last active admin).
    case refused(UserChangeRefusal)
}

/// A user as the Usuarios screen lists it: with its row id and when it last opened the program.
public struct UserListing: Sendable, Hashable {
    public var id: Int64
    public var user: User
    public var lastLoginAt: Date?
}

/// The staff who may use BYTEK Core. Users are disabled, never deleted. Every change is audited.
public struct UserRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log).
    public let actor: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user actor: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.actor = actor; self.now = now
    }

    private var audit: AuditLog { AuditLog(db: db, user: actor, door: door, now: now) }

    /// Adds a user (login normalized to lower case). Refuses an invalid or taken login.
    @discardableResult
    public func add(_ user: User) throws -> User {
        let user = user.normalized()
        let errors = user.validate()
        guard errors.isEmpty else { throw UserRepositoryError.invalid(errors) }
        return try db.write {
            if try find(user.login) != nil { throw UserRepositoryError.duplicateLogin(user.login) }
            let stamp = now()
            try db.execute(
                "INSERT INTO app_user(login, name, role, active, created_at) VALUES (?, ?, ?, ?, ?)",
                [.text(user.login), .text(user.name), .text(user.role.rawValue), .int(user.active ? 1 : 0),
                 .text(ISOTimestamp.format(stamp))])
            try audit.append(entity: AuditEntity.user, entityId: db.lastInsertRowID, action: .create,
                             summary: "\(user.login) (\(user.role.rawValue))", after: user, at: stamp)
            return user
        }
    }

    /// Every user, by login.
    public func list() throws -> [User] {
        try db.query("SELECT login, name, role, active FROM app_user ORDER BY login").map(UserRepository.decode)
    }

    /// The user with this login, active or not.
    public func find(_ login: String) throws -> User? {
        try db.queryOne("SELECT login, name, role, active FROM app_user WHERE login = ?",
                        [.text(User.normalizeLogin(login))]).map(UserRepository.decode)
    }

    /// The user with this login if it exists and is active.
    public func findActive(_ login: String) throws -> User? {
        try find(login).flatMap { $0.active ? $0 : nil }
    }

    /// The active user with this login, or `notFound` / `inactive`.
    public func requireActive(_ login: String) throws -> User {
        guard let user = try find(login) else { throw UserRepositoryError.notFound(User.normalizeLogin(login)) }
        guard user.active else { throw UserRepositoryError.inactive(user.login) }
        return user
    }

    /// The active user with this login, if its role grants `access` to `module`; else the reason why not.
    public func authorize(_ login: String, _ access: Access, _ module: AppModule) throws -> User {
        let user = try requireActive(login)
        let granted = access == .write ? PermissionMatrix.canWrite(user.role, module)
            : access == .read ? PermissionMatrix.canRead(user.role, module) : true
        guard granted else {
            throw UserRepositoryError.forbidden(login: user.login, role: user.role, module: module, access: access)
        }
        return user
    }

    /// Disables a user (it can no longer open the program). Audited as `archive`.
    @discardableResult
    public func disable(_ login: String) throws -> User { try setActive(login, false) }

    /// Enables a disabled user. Audited as `restore`.
    @discardableResult
    public func enable(_ login: String) throws -> User { try setActive(login, true) }

    /// Changes a user's name and role. Audited as `update`.
    @discardableResult
    public func update(_ user: User) throws -> User {
        let user = user.normalized()
        let errors = user.validate()
        guard errors.isEmpty else { throw UserRepositoryError.invalid(errors) }
        return try db.write {
            guard let (id, before) = try findWithId(user.login) else { throw UserRepositoryError.notFound(user.login) }
            try check(before: before, after: user)
            try db.execute("UPDATE app_user SET name = ?, role = ?, active = ? WHERE id = ?",
                           [.text(user.name), .text(user.role.rawValue), .int(user.active ? 1 : 0), .int(id)])
            try audit.append(entity: AuditEntity.user, entityId: id, action: .update,
                             summary: "\(user.login) (\(user.role.rawValue))", before: before, after: user)
            return user
        }
    }

    private func setActive(_ login: String, _ active: Bool) throws -> User {
        try db.write {
            let login = User.normalizeLogin(login)
            guard let (id, before) = try findWithId(login) else { throw UserRepositoryError.notFound(login) }
            var after = before
            after.active = active
            guard before.active != active else { return before }
            try check(before: before, after: after)
            try db.execute("UPDATE app_user SET active = ? WHERE id = ?", [.int(active ? 1 : 0), .int(id)])
            try audit.append(entity: AuditEntity.user, entityId: id, action: active ? .restore : .archive,
                             summary: login, before: before, after: after)
            return after
        }
    }

    /// Refuses a change that breaks `UserChangeRule`, checked inside the write transaction.
    private func check(before: User, after: User) throws {
        let admins = Int(try db.scalar("SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1").intValue ?? 0)
        if let refusal = UserChangeRule.refusal(actor: User.normalizeLogin(actor), before: before, after: after,
                                                activeAdmins: admins) {
            throw UserRepositoryError.refused(refusal)
        }
    }

    /// Every user with its id and last login, by login (a staff list is small: no paging needed).
    public func listing() throws -> [UserListing] {
        try db.query("SELECT id, login, name, role, active, last_login_at FROM app_user ORDER BY login").map { row in
            let stamp = row.string("last_login_at")
            return UserListing(id: row.int("id"), user: UserRepository.decode(row),
                               lastLoginAt: stamp.isEmpty ? nil : ISOTimestamp.parse(stamp))
        }
    }

    /// Records that `login` opened the program now (not audited: it is not a change of the user).
    public func recordLogin(_ login: String) throws {
        try db.execute("UPDATE app_user SET last_login_at = ? WHERE login = ?",
                       [.text(ISOTimestamp.format(now())), .text(User.normalizeLogin(login))])
    }

    private func findWithId(_ login: String) throws -> (Int64, User)? {
        try db.queryOne("SELECT id, login, name, role, active FROM app_user WHERE login = ?", [.text(login)])
            .map { ($0.int("id"), UserRepository.decode($0)) }
    }

    static func decode(_ row: Row) -> User {
        User(login: row.string("login"), name: row.string("name"),
             role: Role(rawValue: row.string("role")) ?? .soporte, active: row.bool("active"))
    }
}
