import BytekModel
import BytekServices
import BytekStore
import BytekWeb

/// The portal actions the TUI offers (Clientes `P`, Usuarios `r`), through the same operations as
/// `bytek portal invite`: the portal accounts' service makes the account, the link and its audit entry.
@MainActor
enum PortalDoor {
    /// The address links are built on: $BYTEK_PUBLIC_URL when valid, else the serve default.
    static func publicURL(_ context: AppContext) -> String {
        context.environment["BYTEK_PUBLIC_URL"].flatMap(WebConfig.parsePublicURL) ?? "http://127.0.0.1:8080"
    }

    /// Lets the user pick one of the customer's contacts that has an e-mail, then queues the invitation
    /// e-mail (the worker sends the one-time link), like `bytek portal invite CORREO --correo`.
    static func inviteContact(of customer: Customer, db: Database, context: AppContext) {
        inviteContact(of: customer, services: context.services(Store(opened: db)), context: context)
    }

    static func inviteContact(of customer: Customer, services: Services, context: AppContext) {
        let s = context.strings
        guard context.require(.write, .customers) else { return }
        let portal = services.portalAccounts
        let contacts = customer.contacts.filter { EmailAddress.isValid($0.email) }
        guard !contacts.isEmpty else {
            context.error(s.format("portal.err.noEmail", customer.legalName))
            return
        }
        let entries = contacts.enumerated().map { i, c in
            let has = (try? portal.contactAccount(email: c.email)) ?? nil
            return PickerEntry(id: Int64(i), title: (c.name.isEmpty ? c.email : c.name + " · " + c.email),
                               detail: s[has == nil ? "portal.noAccount" : "portal.hasAccount"])
        }
        context.present(QuotePicker(title: s.format("portal.pick", customer.legalName), strings: s, search: { query in
            let words = TextFold.fold(query).split(separator: " ")
            return entries.filter { e in words.allSatisfy { TextFold.fold(e.title).contains($0) } }
        }) { entry in
            let email = contacts[Int(entry.id)].email
            do {
                _ = try portal.inviteContact(email: email, publicURL: publicURL(context), byMail: true)
                context.ok(s.format("portal.invited", email.trimmingCharacters(in: .whitespaces).lowercased()))
            } catch {
                context.error(message(error, s))
            }
        })
    }

    /// Resets a technician's portal access: every session ends and a new one-time link (72 h) is shown
    /// to hand over (technicians have no e-mail in BYTEK); a technician without an account is invited.
    static func resetTechnician(_ user: User, services: Services, context: AppContext, done: @escaping @MainActor () -> Void) {
        let s = context.strings
        guard context.require(.write, .users) else { return }
        guard user.role == .tecnico, user.active else {
            context.error(s.format("portal.err.notTechnician", user.login))
            return
        }
        let portal = services.portalAccounts
        let account = (try? portal.technicianAccounts()[user.login]) ?? nil
        let question = s.format(account == nil ? "portal.confirmInvite" : "portal.confirmReset", user.login)
        context.present(ConfirmDialog(message: question, danger: account != nil) { yes in
            guard yes else { return }
            do {
                let (link, ended) = try portal.resetTechnician(login: user.login, publicURL: publicURL(context))
                context.ok(s.format("portal.resetOk", user.login, String(ended)))
                context.present(MessageDialog(message: s.format("portal.linkFor", user.login) + "\n\n" + link,
                                              title: s["portal.linkTitle"]))
            } catch {
                context.error(message(error, s))
            }
            done()
        })
    }

    static func message(_ error: Error, _ s: Strings) -> String {
        switch error {
        case let p as PortalInvitations.Problem: return p.description
        case let p as PortalRepositoryError: return p.description
        default: return StoreErrorText.describe(error, s)
        }
    }
}
