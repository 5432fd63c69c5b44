import BytekModel
import BytekStore
import Foundation

/// Creating one-time portal links (invitation or reset): the token is random (256 bits), only its
/// SHA-256 is stored, and the link is built on the public URL. `PortalAccountService` calls these after
/// the actor's permission is checked; the worker's `portal.enlace` job builds the e-mailed ones.
public enum PortalInvitations {
    /// How long a link is valid.
    public static let lifetime: TimeInterval = 72 * 3600
    /// The worker job that e-mails a link (BytekWeb's PortalLinkJob runs it).
    public static let jobKind = "portal.enlace"

    public struct Invited: Sendable {
        /// The link to hand over; nil when it goes by e-mail (the worker job makes it when it sends).
        public let link: String?
        public let customers: [PortalCustomer]
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case noCustomerWithContact(String)
        case notAnEmail(String)
        case notATechnician(String)
        case noAccount(String)
        public var description: String {
            switch self {
            case .noCustomerWithContact(let e):
                return "ningún cliente activo tiene un contacto con el correo «\(e)»; agréguelo en Clientes primero"
            case .notAnEmail(let e): return "«\(e)» no es un correo electrónico (ejemplo: ana@empresa.pe)"
            case .notATechnician(let l): return "«\(l)» no es un usuario activo con rol técnico"
            case .noAccount(let e): return "«\(e)» no tiene cuenta del portal habilitada; invítelo primero"
            }
        }
    }

    public static func link(publicURL: String, token: String) -> String { publicURL + "/clave?t=" + token }

    /// A new link token (32 random bytes, base64url without padding) and the hash the store keeps.
    public static func token() -> (token: String, hash: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return (token, SHA256.hex(token))
    }

    /// The `portal.enlace` job's payload: account, purpose and the public URL the link is built on.
    public static func payload(account: Int64, purpose: PortalRepository.LinkPurpose, publicURL: String) throws -> String {
        let object: [String: Any] = ["cuenta": account, "proposito": purpose.rawValue, "url": publicURL]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Queues the e-mail with the link: at most one per account and purpose every 10 minutes, unless
    /// `everyTime` (a member of staff resetting an access means it, and is audited).
    @discardableResult
    public static func enqueueMail(db: Database, account: Int64, purpose: PortalRepository.LinkPurpose, publicURL: String,
                                   now: Date = Date(), everyTime: Bool = false) throws -> Job {
        let bucket = Int64(now.timeIntervalSince1970) / 600
        return try JobQueue(db: db).enqueue(kind: jobKind, payload: try payload(account: account, purpose: purpose, publicURL: publicURL),
                                            idempotencyKey: everyTime ? nil : "\(jobKind):\(account):\(purpose.rawValue):\(bucket)")
    }

    /// Invites the person with this e-mail for every active customer that has them as a contact; `byMail`
    /// queues the e-mail instead of returning the link.
    static func inviteContact(email: String, repository repo: PortalRepository, publicURL: String,
                              byMail: Bool, now: Date) throws -> Invited {
        let address = normalized(email)
        guard address.contains("@"), !address.contains(" ") else { throw Problem.notAnEmail(email) }
        let customers = try repo.customersWithContact(email: address)
        guard !customers.isEmpty else { throw Problem.noCustomerWithContact(address) }
        if byMail {
            try repo.db.write {
                let id = try repo.inviteContact(email: address, customers: customers.map(\.id), tokenHash: nil,
                                                validFor: lifetime)
                try enqueueMail(db: repo.db, account: id, purpose: .invitacion, publicURL: publicURL, now: now)
            }
            return Invited(link: nil, customers: customers)
        }
        let (token, hash) = token()
        try repo.inviteContact(email: address, customers: customers.map(\.id), tokenHash: hash, validFor: lifetime)
        return Invited(link: link(publicURL: publicURL, token: token), customers: customers)
    }

    /// Invites an active technician (role tecnico) to the technicians' pages.
    static func inviteTechnician(login: String, repository repo: PortalRepository, publicURL: String) throws -> String {
        guard let technician = try repo.activeTechnician(login: login) else { throw Problem.notATechnician(login) }
        let (token, hash) = token()
        try repo.inviteTechnician(userLogin: technician, tokenHash: hash, validFor: lifetime)
        return link(publicURL: publicURL, token: token)
    }

    static func normalized(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
