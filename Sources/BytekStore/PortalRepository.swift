import BytekModel
import Foundation

/// A portal account as the web door sees it.
public struct PortalAccount: Sendable, Equatable {
    public enum Kind: String, Sendable { case contacto, tecnico }
    public let id: Int64
    public let kind: Kind
    /// The e-mail (contacts) or the user login (technicians), lower-cased.
    public let login: String
    public let userLogin: String?
    public let passwordHash: String?
    public let disabled: Bool
    public let lastLoginAt: String?
}

/// A customer a contact account may act for.
public struct PortalCustomer: Sendable, Equatable {
    public let id: Int64
    public let legalName: String
    public let docType: String
    public let docNumber: String

    public init(id: Int64, legalName: String, docType: String, docNumber: String) {
        self.id = id; self.legalName = legalName; self.docType = docType; self.docNumber = docNumber
    }
}

/// A stored session (found by the SHA-256 of its id).
public struct PortalSession: Sendable, Equatable {
    public let accountId: Int64
    public let customerId: Int64?
    public let csrf: String
    public let expiresAt: Date
}

/// Portal accounts, their customers, sessions and one-time links. Secrets arrive here already hashed:
/// this type never sees a password, a session id or an invitation token in clear.
public struct PortalRepository: Sendable {
    public let db: Database
    public let actor: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user actor: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.actor = actor; self.now = now
    }

    private var stamp: String { ISOTimestamp.format(now()) }

    // MARK: accounts

    public func account(login: String) throws -> PortalAccount? {
        try db.queryOne("SELECT * FROM portal_account WHERE login = ?", [.text(login.lowercased())]).map(Self.account)
    }

    public func account(id: Int64) throws -> PortalAccount? {
        try db.queryOne("SELECT * FROM portal_account WHERE id = ?", [.int(id)]).map(Self.account)
    }

    static func account(_ r: Row) -> PortalAccount {
        PortalAccount(id: r.int("id"), kind: PortalAccount.Kind(rawValue: r.string("kind")) ?? .contacto,
                      login: r.string("login"), userLogin: r.optionalString("user_login"),
                      passwordHash: r.optionalString("password_hash"), disabled: r.bool("disabled"),
                      lastLoginAt: r.optionalString("last_login_at"))
    }

    /// The customers (not archived) that have a contact with this e-mail.
    public func customersWithContact(email: String) throws -> [PortalCustomer] {
        try db.query("""
            SELECT DISTINCT c.id, c.legal_name, c.doc_type, c.doc_number FROM customer c
            JOIN customer_contact k ON k.customer_id = c.id
            WHERE lower(trim(k.email)) = ? AND c.archived = 0 ORDER BY c.legal_name, c.id
            """, [.text(email.lowercased())]).map(Self.customer)
    }

    static func customer(_ r: Row) -> PortalCustomer {
        PortalCustomer(id: r.int("id"), legalName: r.string("legal_name"), docType: r.string("doc_type"),
                       docNumber: r.string("doc_number"))
    }

    /// Creates (or reuses) the contact account for `email` and links it to `customers`, with an invitation
    /// whose token hash is `tokenHash` (none when nil: the e-mail job makes the link when it sends it), in one
    /// transaction with its audit entry. Returns the account id.
    @discardableResult
    public func inviteContact(email: String, customers: [Int64], tokenHash: String?, validFor: TimeInterval) throws -> Int64 {
        let login = email.lowercased()
        return try db.write {
            let id = try ensureAccount(kind: .contacto, login: login, userLogin: nil)
            for c in customers {
                try db.execute("INSERT OR IGNORE INTO portal_account_customer(account_id, customer_id) VALUES (?, ?)",
                               [.int(id), .int(c)])
            }
            if let tokenHash { try addLink(account: id, tokenHash: tokenHash, purpose: .invitacion, validFor: validFor) }
            try AuditLog(db: db, user: actor, door: door, now: now).append(
                entity: AuditEntity.portalAccount, entityId: id, action: .update,
                summary: "Invitación al portal para \(login) (\(customers.count) cliente(s))")
            return id
        }
    }

    /// Creates (or reuses) the technician account of `userLogin`, with an invitation.
    @discardableResult
    public func inviteTechnician(userLogin: String, tokenHash: String, validFor: TimeInterval) throws -> Int64 {
        try db.write {
            let id = try ensureAccount(kind: .tecnico, login: userLogin.lowercased(), userLogin: userLogin)
            try addLink(account: id, tokenHash: tokenHash, purpose: .invitacion, validFor: validFor)
            try AuditLog(db: db, user: actor, door: door, now: now).append(
                entity: AuditEntity.portalAccount, entityId: id, action: .update,
                summary: "Invitación al portal de técnicos para \(userLogin)")
            return id
        }
    }

    public enum LinkPurpose: String, Sendable { case invitacion, restablecer }

    /// Forgets a link that could not be delivered.
    public func deleteLink(tokenHash: String) throws {
        try db.execute("DELETE FROM portal_invite WHERE token_hash = ? AND used_at IS NULL", [.text(tokenHash)])
    }

    private func ensureAccount(kind: PortalAccount.Kind, login: String, userLogin: String?) throws -> Int64 {
        if let existing = try db.queryOne("SELECT id, kind FROM portal_account WHERE login = ?", [.text(login)]) {
            guard existing.string("kind") == kind.rawValue else {
                throw PortalRepositoryError.loginTaken(login)
            }
            return existing.int("id")
        }
        try db.execute("""
            INSERT INTO portal_account(kind, login, user_login, created_at) VALUES (?, ?, ?, ?)
            """, [.text(kind.rawValue), .text(login), userLogin.map { .text($0) } ?? .null, .text(stamp)])
        return db.lastInsertRowID
    }

    /// Stores a one-time link (its hash) for an account.
    public func addLink(account: Int64, tokenHash: String, purpose: LinkPurpose, validFor: TimeInterval) throws {
        try db.execute("""
            INSERT INTO portal_invite(token_hash, account_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
            """, [.text(tokenHash), .int(account), .text(purpose.rawValue), .text(stamp),
                  .text(ISOTimestamp.format(now().addingTimeInterval(validFor)))])
    }

    /// The account of a valid (unused, unexpired) link; nil otherwise.
    public func invitedAccount(tokenHash: String) throws -> PortalAccount? {
        try db.queryOne("""
            SELECT a.* FROM portal_invite i JOIN portal_account a ON a.id = i.account_id
            WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ? AND a.disabled = 0
            """, [.text(tokenHash), .text(stamp)]).map(Self.account)
    }

    /// Uses the link: sets the password hash, marks every open link of the account used and deletes all
    /// its sessions (a password change logs out everywhere). False when the link is no longer valid.
    public func setPassword(tokenHash: String, passwordHash: String) throws -> Bool {
        try db.write {
            guard let account = try invitedAccount(tokenHash: tokenHash) else { return false }
            try db.execute("UPDATE portal_account SET password_hash = ?, password_set_at = ? WHERE id = ?",
                           [.text(passwordHash), .text(stamp), .int(account.id)])
            try db.execute("UPDATE portal_invite SET used_at = ? WHERE account_id = ? AND used_at IS NULL",
                           [.text(stamp), .int(account.id)])
            try db.execute("DELETE FROM portal_session WHERE account_id = ?", [.int(account.id)])
            try AuditLog(db: db, user: account.login, door: door, now: now).append(
                entity: AuditEntity.portalAccount, entityId: account.id, action: .update, summary: "Contraseña del portal establecida")
            return true
        }
    }

    /// The customers a contact account may act for now: linked, not archived, and still having a
    /// contact with the account's e-mail (removing the contact from the customer removes the access).
    public func customers(account: PortalAccount) throws -> [PortalCustomer] {
        guard account.kind == .contacto else { return [] }
        return try db.query("""
            SELECT c.id, c.legal_name, c.doc_type, c.doc_number FROM portal_account_customer l
            JOIN customer c ON c.id = l.customer_id
            WHERE l.account_id = ? AND c.archived = 0
              AND EXISTS (SELECT 1 FROM customer_contact k WHERE k.customer_id = c.id AND lower(trim(k.email)) = ?)
            ORDER BY c.legal_name, c.id
            """, [.int(account.id), .text(account.login)]).map(Self.customer)
    }

    /// The contact rows (name, role, phone) of this e-mail at one customer.
    public func contacts(email: String, customer: Int64) throws -> [Contact] {
        try db.query("""
            SELECT name, role, email, phone, whatsapp FROM customer_contact
            WHERE customer_id = ? AND lower(trim(email)) = ? ORDER BY id
            """, [.int(customer), .text(email.lowercased())]).map {
            Contact(name: $0.string("name"), role: $0.string("role"), email: $0.string("email"),
                    phone: $0.string("phone"), whatsapp: $0.string("whatsapp"))
        }
    }

    /// The display name of an app user (technicians).
    public func userName(login: String) throws -> String? {
        try db.queryOne("SELECT name FROM app_user WHERE login = ? AND active = 1", [.text(login)])?.string("name")
    }

    /// The login of an active user with the technician role; nil otherwise.
    public func activeTechnician(login: String) throws -> String? {
        try db.queryOne("SELECT login FROM app_user WHERE login = ? AND active = 1 AND role = 'tecnico'",
                        [.text(login)])?.string("login")
    }

    // MARK: sessions

    public func createSession(tokenHash: String, account: Int64, customer: Int64?, csrf: String, validFor: TimeInterval) throws {
        try db.write {
            try db.execute("""
                INSERT INTO portal_session(token_hash, account_id, customer_id, csrf, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [.text(tokenHash), .int(account), customer.map { .int($0) } ?? .null, .text(csrf), .text(stamp),
                      .text(ISOTimestamp.format(now().addingTimeInterval(validFor)))])
            try db.execute("UPDATE portal_account SET last_login_at = ? WHERE id = ?", [.text(stamp), .int(account)])
            try db.execute("DELETE FROM portal_session WHERE expires_at <= ?", [.text(stamp)])
        }
    }

    public func session(tokenHash: String) throws -> PortalSession? {
        guard let r = try db.queryOne("""
            SELECT s.* FROM portal_session s JOIN portal_account a ON a.id = s.account_id
            WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0
            """, [.text(tokenHash), .text(stamp)]) else { return nil }
        return PortalSession(accountId: r.int("account_id"), customerId: r["customer_id"].intValue,
                             csrf: r.string("csrf"), expiresAt: ISOTimestamp.parse(r.string("expires_at")) ?? now())
    }

    public func chooseCustomer(tokenHash: String, customer: Int64) throws {
        try db.execute("UPDATE portal_session SET customer_id = ? WHERE token_hash = ?", [.int(customer), .text(tokenHash)])
    }

    public func deleteSession(tokenHash: String) throws {
        try db.execute("DELETE FROM portal_session WHERE token_hash = ?", [.text(tokenHash)])
    }

    public func sessionCount(account: Int64) throws -> Int {
        Int(try db.scalar("SELECT count(*) FROM portal_session WHERE account_id = ?", [.int(account)]).intValue ?? 0)
    }
}

public enum PortalRepositoryError: Error, Equatable, CustomStringConvertible {
    case loginTaken(String)
    public var description: String {
        switch self {
        case .loginTaken(let l): return "«\(l)» ya es la cuenta de portal de otro tipo de persona (contacto o técnico)"
        }
    }
}
