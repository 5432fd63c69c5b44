import BytekModel

/// Who is acting, through which door. Every operation of BytekServices takes one and asks it for
/// permission and scope before anything is read or written.
public struct Actor: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A member of staff with a login and a role (the TUI, the CLI, SSH; a technician on the web).
        case staff(login: String, role: Role)
        /// A customer's contact logged in to the portal, acting for `customerId` (picked after login
        /// when the address is the contact of several customers).
        case contact(accountId: Int64, customerId: Int64, email: String)
        /// A machine identified by its serial or sender name (a biometric clock, a card gateway).
        case device(name: String)
        /// The background worker running a job.
        case worker
    }

    public let kind: Kind
    public let door: Door
    /// The role whose permissions apply: the staff member's. Contacts, devices and the worker have none:
    /// operations say what each of them may do.
    public let role: Role?
    /// The customer a contact acts for; nil for everyone else.
    public let customerScope: Int64?

    // `role` and `customerScope` are stored, not computed by matching `kind`: Swift 6.3's optimizer
    // crashed (SIL ownership verifier, CopyPropagation) on that match inlined into a screen's getter in
    // release builds.
    public init(_ kind: Kind, door: Door) {
        self.kind = kind; self.door = door
        switch kind {
        case .staff(_, let role): self.role = role; customerScope = nil
        case .contact(_, let customerId, _): role = nil; customerScope = customerId
        case .device, .worker: role = nil; customerScope = nil
        }
    }

    /// A member of staff.
    public static func staff(_ login: String, role: Role, door: Door) -> Actor {
        Actor(.staff(login: login, role: role), door: door)
    }

    /// The worker.
    public static let worker = Actor(.worker, door: .worker)

    /// The name written in the audit log: the login, `contacto:<email>`, `equipo:<name>` or `worker`.
    public var auditName: String {
        switch kind {
        case .staff(let login, _): return login
        case .contact(_, _, let email): return "contacto:" + email
        case .device(let name): return "equipo:" + name
        case .worker: return "worker"
        }
    }
}
