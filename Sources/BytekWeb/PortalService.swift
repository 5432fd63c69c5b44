import BytekGateways
import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The portal's operations, each one call with the store access in one place (they move into the
/// operations layer, BytekServices, when it exists). No HTTP here: the routes translate.
public final class PortalService: Sendable {
    public static let inviteLifetime = PortalInvitations.lifetime
    public static let minPasswordLength = 10
    public static let maxPasswordLength = 128

    let pool: DatabasePool
    let hasher: PasswordHasher
    let throttle: LoginThrottle
    let sessionLifetime: TimeInterval
    /// The card gateways the charge engine uses for the contacts' payments (none: no pay pages).
    let gateways: [any CardGateway]
    /// A hash of a random password: checked when the account does not exist, so timing tells nothing.
    private let decoyHash: String

    public init(pool: DatabasePool, hasher: PasswordHasher, throttle: LoginThrottle, sessionLifetime: TimeInterval,
                gateways: [any CardGateway] = []) throws {
        self.pool = pool; self.hasher = hasher; self.throttle = throttle; self.sessionLifetime = sessionLifetime
        self.gateways = gateways
        decoyHash = try hasher.hash(Sodium.token())
    }

    private func repository(_ db: Database, _ actor: String = "portal") -> PortalSignIn {
        PortalSignIn(db: db, who: actor)
    }

    // MARK: login and sessions

    public enum LoginOutcome: Equatable, Sendable {
        case loggedIn(sessionToken: String)
        case refused
        case wait(seconds: Int)
    }

    public func login(_ login: String, password: String, address: String) throws -> LoginOutcome {
        let name = login.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let waitFor = throttle.wait(account: name, address: address)
        if waitFor > 0 { return .wait(seconds: Int(waitFor.rounded(.up))) }
        let account = try pool.with { db in try repository(db).account(login: name) }
        let usable = try account.map { try isUsable($0) } ?? false
        let matches = hasher.verify(password, against: (usable ? account?.passwordHash : nil) ?? decoyHash)
        guard let account, usable, matches, !password.isEmpty else {
            throttle.failed(account: name, address: address)
            return .refused
        }
        throttle.succeeded(account: name)
        let token = Sodium.token()
        let customers = try customers(of: account)
        try pool.with { db in
            try repository(db, account.login).createSession(
                tokenHash: Sodium.sha256Hex(token), account: account.id,
                customer: customers.count == 1 ? customers[0].id : nil, csrf: Sodium.token(), validFor: sessionLifetime)
        }
        return .loggedIn(sessionToken: token)
    }

    /// An account may log in when it has a password, is enabled and (technicians) its user is active.
    private func isUsable(_ account: PortalAccount) throws -> Bool {
        guard !account.disabled, account.passwordHash != nil else { return false }
        if account.kind == .tecnico {
            return try pool.with { db in try repository(db).activeUserName(login: account.userLogin ?? "") } != nil
        }
        return true
    }

    /// Who a session cookie belongs to; nil when unknown or expired.
    public struct SignedIn: Sendable {
        public let account: PortalAccount
        public let session: PortalSession
        public let tokenHash: String
    }

    public func signedIn(sessionToken: String?) throws -> SignedIn? {
        guard let sessionToken, !sessionToken.isEmpty, sessionToken.utf8.count <= 100 else { return nil }
        let hash = Sodium.sha256Hex(sessionToken)
        return try pool.with { db in
            let repo = repository(db)
            guard let session = try repo.session(tokenHash: hash), let account = try repo.account(id: session.accountId)
            else { return nil }
            return SignedIn(account: account, session: session, tokenHash: hash)
        }
    }

    public func logout(_ who: SignedIn) throws {
        try pool.with { db in try repository(db, who.account.login).deleteSession(tokenHash: who.tokenHash) }
    }

    // MARK: scope

    public func customers(of account: PortalAccount) throws -> [PortalCustomer] {
        try pool.with { db in try repository(db).customers(of: account) }
    }

    /// What a contact's home shows for one customer; nil when the account may not see that customer
    /// (the page then says "no encontrado", never that it exists).
    public struct ContactHome: Sendable {
        public let customer: Customer
        public let contacts: [Contact]
        public let allCustomers: [PortalCustomer]
    }

    /// The customer is one of the account's (its link rows); its record and the contact's own rows are read
    /// through the operations layer as that contact, scoped to that customer.
    public func contactHome(_ who: SignedIn, customerId: Int64) throws -> ContactHome? {
        guard who.account.kind == .contacto else { return nil }
        let all = try customers(of: who.account)
        guard all.contains(where: { $0.id == customerId }) else { return nil }
        return try pool.with { db in
            if who.session.customerId != customerId {
                try repository(db, who.account.login).chooseCustomer(tokenHash: who.tokenHash, customer: customerId)
            }
            let actor = Actor(.contact(accountId: who.account.id, customerId: customerId, email: who.account.login), door: .web)
            guard let customer = try Services(store: Store(opened: db), actor: actor).customers.get(customerId) else { return nil }
            let own = customer.contacts.filter {
                $0.email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() == who.account.login
            }
            return ContactHome(customer: customer, contacts: own, allCustomers: all)
        }
    }

    public func technicianName(_ who: SignedIn) throws -> String {
        try pool.with { db in try repository(db).activeUserName(login: who.account.userLogin ?? "") } ?? who.account.login
    }

    // MARK: one-time links

    /// "Forgot password": queues a reset e-mail when the address is an enabled contact account; nothing
    /// otherwise. The caller answers the same either way.
    public func forgot(email: String, publicURL: String) throws {
        try pool.with { db in try repository(db).forgot(email: email, publicURL: publicURL) }
    }

    /// The account a link opens; nil when the link is unknown, used or expired.
    public func invitation(token: String?) throws -> PortalAccount? {
        guard let token, !token.isEmpty, token.utf8.count <= 100 else { return nil }
        return try pool.with { db in try repository(db).invitedAccount(tokenHash: Sodium.sha256Hex(token)) }
    }

    public enum PasswordProblem: Error, Equatable, Sendable {
        case tooShort, tooLong, mismatch, linkInvalid
        public var message: String {
            switch self {
            case .tooShort: return "Contraseña: use al menos \(PortalService.minPasswordLength) caracteres."
            case .tooLong: return "Contraseña: use como máximo \(PortalService.maxPasswordLength) caracteres."
            case .mismatch: return "Repita la contraseña: no coincide con la primera."
            case .linkInvalid: return "El enlace ya fue usado o venció. Pida uno nuevo con «¿Olvidó su contraseña?»."
            }
        }
    }

    /// Checks the new password, then stores its hash and uses the link (which also ends every session).
    public func setPassword(token: String, password: String, repeated: String) throws {
        let length = password.count
        if length < Self.minPasswordLength { throw PasswordProblem.tooShort }
        if length > Self.maxPasswordLength { throw PasswordProblem.tooLong }
        if password != repeated { throw PasswordProblem.mismatch }
        guard try invitation(token: token) != nil else { throw PasswordProblem.linkInvalid }
        let hash = try hasher.hash(password)
        let ok = try pool.with { db in
            try repository(db).setPassword(tokenHash: Sodium.sha256Hex(token), passwordHash: hash)
        }
        if !ok { throw PasswordProblem.linkInvalid }
    }
}
