import BytekStore
import BytekWeb

/// The demo's portal contact: the contact (with an e-mail) of the first demo customer gets a portal account
/// for every customer it is a contact of, with a known password, so `bytek serve` can be tried at once.
enum DemoPortal {
    static let password = "portal-demo-2026"
    static let address = "http://127.0.0.1:8080"

    /// The account's login (its e-mail); nil when no demo customer has a contact with an e-mail.
    static func create(db: Database) throws -> String? {
        guard let email = try db.queryOne("""
            SELECT lower(trim(k.email)) AS email FROM customer_contact k JOIN customer c ON c.id = k.customer_id
            WHERE trim(k.email) <> '' AND c.archived = 0 ORDER BY c.id, k.id LIMIT 1
            """)?.string("email") else { return nil }
        let repo = PortalRepository(db: db, user: "demo")
        let customers = try repo.customersWithContact(email: email).map(\.id)
        // A link used at once, in this process: its token is never shown nor kept.
        let tokenHash = Sodium.sha256Hex(Sodium.token())
        try repo.inviteContact(email: email, customers: customers, tokenHash: tokenHash, validFor: 60)
        guard try repo.setPassword(tokenHash: tokenHash, passwordHash: try PasswordHasher().hash(password)) else { return nil }
        return email
    }
}
