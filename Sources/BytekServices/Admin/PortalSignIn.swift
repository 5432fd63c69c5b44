import BytekModel
import BytekStore
import Foundation

/// The portal's own steps around signing in, for the web door and the worker's link job: they come
/// before there is an actor (a visitor with a password or a one-time link) or act for the signed-in
/// account itself, and touch only portal accounts, sessions and links. Once a contact has picked its
/// customer, business data goes through the other services with a customer-scoped `Actor`.
public struct PortalSignIn: Sendable {
    let repository: PortalRepository

    /// `who` is the account's login (or "portal", "worker") for the audit entries these steps write.
    public init(db: Database, who: String = "portal", now: @escaping @Sendable () -> Date = { Date() }) {
        var r = PortalRepository(db: db, user: who, now: now)
        r.door = who == "worker" ? .worker : .web
        repository = r
    }

    public func account(login: String) throws -> PortalAccount? { try repository.account(login: login) }
    public func account(id: Int64) throws -> PortalAccount? { try repository.account(id: id) }

    /// The display name of an active user (a technician's account); nil when the user is gone or disabled.
    public func activeUserName(login: String) throws -> String? { try repository.userName(login: login) }

    /// The customers a contact account may act for (its links, customers not archived, still its contact).
    public func customers(of account: PortalAccount) throws -> [PortalCustomer] { try repository.customers(account: account) }

    public func createSession(tokenHash: String, account: Int64, customer: Int64?, csrf: String, validFor: TimeInterval) throws {
        try repository.createSession(tokenHash: tokenHash, account: account, customer: customer, csrf: csrf, validFor: validFor)
    }

    public func session(tokenHash: String) throws -> PortalSession? { try repository.session(tokenHash: tokenHash) }
    public func chooseCustomer(tokenHash: String, customer: Int64) throws {
        try repository.chooseCustomer(tokenHash: tokenHash, customer: customer)
    }
    public func deleteSession(tokenHash: String) throws { try repository.deleteSession(tokenHash: tokenHash) }

    /// The account a one-time link opens; nil when unknown, used or expired.
    public func invitedAccount(tokenHash: String) throws -> PortalAccount? { try repository.invitedAccount(tokenHash: tokenHash) }

    /// Stores the password's hash and uses the link (which ends every session); false when the link is not valid.
    public func setPassword(tokenHash: String, passwordHash: String) throws -> Bool {
        try repository.setPassword(tokenHash: tokenHash, passwordHash: passwordHash)
    }

    /// "Forgot password": queues the reset e-mail when `email` is an enabled contact account; nothing otherwise.
    public func forgot(email: String, publicURL: String) throws {
        let address = PortalInvitations.normalized(email)
        guard !address.isEmpty, address.utf8.count <= 254,
              let account = try repository.account(login: address), account.kind == .contacto, !account.disabled else { return }
        try PortalInvitations.enqueueMail(db: repository.db, account: account.id, purpose: .restablecer, publicURL: publicURL,
                                          now: repository.now())
    }

    /// A link the worker is about to e-mail (only its hash is kept), and its removal when the e-mail fails.
    public func addLink(account: Int64, tokenHash: String, purpose: PortalRepository.LinkPurpose) throws {
        try repository.addLink(account: account, tokenHash: tokenHash, purpose: purpose, validFor: PortalInvitations.lifetime)
    }
    public func deleteLink(tokenHash: String) throws { try repository.deleteLink(tokenHash: tokenHash) }
}
