import BytekModel
import BytekStore
import Foundation

/// The staff users, for an actor: add, change name or role, disable and enable (the store refuses what
/// breaks `UserChangeRule`: disabling oneself, leaving no active admin), list, and logins.
public struct UserService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    /// The repository acting as this actor, through its door.
    var repository: UserRepository { services.acting(UserRepository.self) }

    /// Every user, by login.
    public func list() throws -> [User] {
        try actor.authorize(.userList)
        return try repository.list()
    }

    /// Every user with its id and last login, by login.
    public func listing() throws -> [UserListing] {
        try actor.authorize(.userList)
        return try repository.listing()
    }

    /// Each user's last login (time and door), by login.
    public func lastLogins() throws -> [String: (at: Date, door: String)] {
        try actor.authorize(.userList)
        return try services.acting(SSHKeyRepository.self).lastLogins()
    }

    @discardableResult
    public func create(_ user: User) throws -> User {
        try actor.authorize(.userCreate)
        return try repository.add(user)
    }

    /// Changes name and role (the login stays).
    @discardableResult
    public func update(_ user: User) throws -> User {
        try actor.authorize(.userEdit)
        return try repository.update(user)
    }

    @discardableResult
    public func disable(_ login: String) throws -> User {
        try actor.authorize(.userDisable)
        return try repository.disable(login)
    }

    @discardableResult
    public func enable(_ login: String) throws -> User {
        try actor.authorize(.userDisable)
        return try repository.enable(login)
    }

    /// Records that the acting user came in through its door from `address` (an SSH session): its last
    /// login and an audit entry with what it asked for.
    public func recordLogin(from address: String, command: String?) throws {
        try actor.authorize(.userLogin)
        guard case .staff(let login, _) = actor.kind else { throw ServiceError.notFound }
        try services.acting(SSHKeyRepository.self).recordLogin(login, door: actor.door.rawValue, from: address, command: command)
    }

    /// Records that the acting user opened the program (shown in Usuarios; not a change of the user, not audited).
    public func touchLogin() throws {
        try actor.authorize(.userLogin)
        guard case .staff(let login, _) = actor.kind else { throw ServiceError.notFound }
        try repository.recordLogin(login)
    }
}

extension Services {
    public var users: UserService { UserService(services: self) }

    /// The first user of a database without users: an admin, created by whoever runs the command (the
    /// emptiness check and the insert share one transaction, so two "first" users cannot race). Nil when
    /// the database already has users: then the caller adds through `users` as an admin.
    public static func createFirstAdmin(_ user: User, store: Store, door: Door,
                                        now: @escaping @Sendable () -> Date = { Date() }) throws -> User? {
        let db = store.db
        return try db.write {
            guard (try db.scalar("SELECT count(*) FROM app_user").intValue ?? 0) == 0 else { return nil }
            guard user.role == .admin else { throw FirstUserError.mustBeAdmin }
            var repo = UserRepository(db: db, user: User.normalizeLogin(user.login), now: now)
            repo.door = door
            return try repo.add(user)
        }
    }
}

/// Why the first user of an empty database was refused.
public enum FirstUserError: Error, Equatable, Sendable {
    /// An empty database's first user must be an admin.
    case mustBeAdmin
}
