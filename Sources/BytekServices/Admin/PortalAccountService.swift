import BytekModel
import BytekStore
import Foundation

/// Portal accounts, for a member of staff: invite a customer's contact (link printed or e-mailed by the
/// worker's `portal.enlace` job), invite a technician or reset its access, reset a contact's access.
/// Each account change and its audit entry (actor and door) are one transaction in PortalRepository.
public struct PortalAccountService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: PortalRepository { services.acting(PortalRepository.self) }

    /// Invites the contact with this e-mail for every active customer that has it; `byMail` queues the
    /// e-mail instead of returning the link.
    public func inviteContact(email: String, publicURL: String, byMail: Bool = false) throws -> PortalInvitations.Invited {
        try actor.authorize(.portalInviteContact)
        return try PortalInvitations.inviteContact(email: email, repository: repository, publicURL: publicURL,
                                                   byMail: byMail, now: services.now())
    }

    /// The portal account of a contact's e-mail, if any (Clientes `P` shows who has one).
    public func contactAccount(email: String) throws -> PortalAccount? {
        try actor.authorize(.portalInviteContact)
        return try repository.account(login: PortalInvitations.normalized(email))
    }

    /// Ends every session of the contact's account and e-mails a new link (reset purpose).
    @discardableResult
    public func resetContact(email: String, publicURL: String) throws -> Int {
        try actor.authorize(.portalResetContact)
        let address = PortalInvitations.normalized(email)
        let repo = repository
        guard let account = try repo.account(login: address), account.kind == .contacto, !account.disabled else {
            throw PortalInvitations.Problem.noAccount(address)
        }
        return try services.db.write {
            let ended = try repo.revokeSessions(account: account.id)
            try PortalInvitations.enqueueMail(db: services.db, account: account.id, purpose: .restablecer,
                                              publicURL: publicURL, now: services.now(), everyTime: true)
            return ended
        }
    }

    /// Invites an active technician; returns the one-time link to hand over.
    public func inviteTechnician(login: String, publicURL: String) throws -> String {
        try actor.authorize(.portalInviteTechnician)
        return try PortalInvitations.inviteTechnician(login: login, repository: repository, publicURL: publicURL)
    }

    /// Resets a technician's access: every session ends and a new link (72 h) is made (a technician without
    /// an account is invited). Returns the link and how many sessions ended.
    public func resetTechnician(login: String, publicURL: String) throws -> (link: String, endedSessions: Int) {
        try actor.authorize(.portalInviteTechnician)
        let repo = repository
        return try services.db.write {
            var ended = 0
            if let account = try repo.staffAccounts()[login] { ended = try repo.revokeSessions(account: account.id) }
            return (try PortalInvitations.inviteTechnician(login: login, repository: repo, publicURL: publicURL), ended)
        }
    }

    /// Technicians' portal accounts by login (Usuarios shows them).
    public func technicianAccounts() throws -> [String: PortalAccount] {
        try actor.authorize(.userList)
        return try repository.staffAccounts()
    }
}

extension Services {
    public var portalAccounts: PortalAccountService { PortalAccountService(services: self) }
}
