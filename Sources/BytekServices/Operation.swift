import BytekModel

/// One business action of BYTEK Core, with who may do it. The list of every operation is
/// `Operation.all`; the permission matrix test walks it for every role and kind of actor, and the
/// README prints it as a table (`bytek permissions`).
public struct Operation: Sendable, Hashable, CustomStringConvertible {
    /// The operation's name, in Spanish as the matrix prints it: "cliente.crear".
    public let name: String
    /// The module whose access decides, when `rule` is nil.
    public let module: AppModule
    /// The access to `module` it needs (.read or .write).
    public let access: Access
    /// A rule of its own (e.g. only admin; field groups of the catalog) instead of the module's access.
    public let rule: (@Sendable (Role) -> Bool)?
    /// Whether a customer's contact may do it, over its own customer's rows only.
    public let contacts: Bool
    /// Whether the worker may do it (unattended jobs).
    public let worker: Bool

    public init(_ name: String, _ module: AppModule, _ access: Access, contacts: Bool = false, worker: Bool = false,
                rule: (@Sendable (Role) -> Bool)? = nil) {
        self.name = name; self.module = module; self.access = access
        self.contacts = contacts; self.worker = worker; self.rule = rule
    }

    /// Whether `role` may do it.
    public func allows(_ role: Role) -> Bool {
        if let rule { return rule(role) }
        switch access {
        case .none: return true
        case .read: return PermissionMatrix.canRead(role, module)
        case .write: return PermissionMatrix.canWrite(role, module)
        }
    }

    /// Whether `actor` may do it at all (the scope of its rows is checked apart, on the row).
    public func allows(_ actor: Actor) -> Bool {
        switch actor.kind {
        case .staff(_, let role): return allows(role)
        case .contact: return contacts
        case .worker: return worker
        case .device: return false
        }
    }

    public var description: String { name }
    public static func == (a: Operation, b: Operation) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
