import Foundation

extension PortalRepository {
    /// The portal account of each staff login that has one (technicians), by login.
    public func staffAccounts() throws -> [String: PortalAccount] {
        var out: [String: PortalAccount] = [:]
        for row in try db.query("SELECT * FROM portal_account WHERE user_login IS NOT NULL") {
            let account = Self.account(row)
            if let login = account.userLogin { out[login] = account }
        }
        return out
    }

    /// Ends every session of the account (a reset: whoever holds an old cookie is out), audited.
    /// Returns how many sessions ended.
    @discardableResult
    public func revokeSessions(account: Int64) throws -> Int {
        try db.write {
            let count = try sessionCount(account: account)
            try db.execute("DELETE FROM portal_session WHERE account_id = ?", [.int(account)])
            try AuditLog(db: db, user: actor, door: door, now: now).append(
                entity: AuditEntity.portalAccount, entityId: account, action: .update,
                summary: "Acceso al portal restablecido: \(count) sesión(es) cerradas")
            return count
        }
    }
}
