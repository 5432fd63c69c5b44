import BytekStore
import Foundation

/// Creating one-time links (invitation or reset): the token is random (256 bits), only its SHA-256 is
/// stored, and the link is built on the public URL. Used by `bytek portal invite` (and later the TUI).
public enum PortalInvitations {
    public struct Invited: Sendable {
        /// The link to hand over; nil when it goes by e-mail (the worker job makes it when it sends).
        public let link: String?
        public let customers: [PortalCustomer]
    }

    public enum Problem: Error, CustomStringConvertible {
        case noCustomerWithContact(String)
        case notAnEmail(String)
        case notATechnician(String)
        public var description: String {
            switch self {
            case .noCustomerWithContact(let e):
                return "ningún cliente activo tiene un contacto con el correo «\(e)»; agréguelo en Clientes primero"
            case .notAnEmail(let e): return "«\(e)» no es un correo electrónico (ejemplo: ana@empresa.pe)"
            case .notATechnician(let l): return "«\(l)» no es un usuario activo con rol técnico"
            }
        }
    }

    public static func link(publicURL: String, token: String) -> String { publicURL + "/clave?t=" + token }

    /// Invites the person with this e-mail for every active customer that has them as a contact; `byMail`
    /// queues the e-mail instead of returning the link.
    public static func inviteContact(email: String, db: Database, actor: String, publicURL: String,
                                     byMail: Bool = false) throws -> Invited {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard address.contains("@"), !address.contains(" ") else { throw Problem.notAnEmail(email) }
        let repo = PortalRepository(db: db, user: actor)
        let customers = try repo.customersWithContact(email: address)
        guard !customers.isEmpty else { throw Problem.noCustomerWithContact(address) }
        if byMail {
            try db.write {
                let id = try repo.inviteContact(email: address, customers: customers.map(\.id), tokenHash: nil,
                                                validFor: PortalService.inviteLifetime)
                try PortalLinkJob.enqueue(db: db, account: id, purpose: .invitacion, publicURL: publicURL)
            }
            return Invited(link: nil, customers: customers)
        }
        let token = Sodium.token()
        try repo.inviteContact(email: address, customers: customers.map(\.id), tokenHash: Sodium.sha256Hex(token),
                               validFor: PortalService.inviteLifetime)
        return Invited(link: link(publicURL: publicURL, token: token), customers: customers)
    }

    /// Invites an active technician (role tecnico) to the technicians' pages.
    public static func inviteTechnician(login: String, db: Database, actor: String, publicURL: String) throws -> String {
        let repo = PortalRepository(db: db, user: actor)
        guard let technician = try repo.activeTechnician(login: login) else { throw Problem.notATechnician(login) }
        let token = Sodium.token()
        try repo.inviteTechnician(
            userLogin: technician, tokenHash: Sodium.sha256Hex(token), validFor: PortalService.inviteLifetime)
        return link(publicURL: publicURL, token: token)
    }
}
