import BytekModel
import BytekServices
import BytekStore

/// `bytek user add|list|disable|enable`: admins only, except the first user of an empty database.
@MainActor
enum UserCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else { throw CLIError.usage("falta la acción: add, list, disable o enable", command: "user") }
        switch sub {
        case "add": return try add(&args, context)
        case "list": return try list(&args, context)
        case "disable": return try setActive(&args, context, false)
        case "enable": return try setActive(&args, context, true)
        default: throw CLIError.usage("acción desconocida: \(sub)", command: "user")
        }
    }

    private static func add(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let name = try args.option("--name") else { throw CLIError.usage("falta --name NOMBRE", command: "user") }
        guard let roleText = try args.option("--role") else { throw CLIError.usage("falta --role ROL", command: "user") }
        let login = try args.requirePositional("el USUARIO")
        try args.finish()
        guard let role = Role(input: roleText) else {
            throw CLIError.usage("rol desconocido: «\(roleText)» (roles: \(Role.allCases.map(\.displayName).joined(separator: ", ")))",
                                 command: "user")
        }
        let store = try context.openStore()
        let user = User(login: login, name: name, role: role)
        // An empty database's first user (an admin) is created by whoever runs the command.
        let created = try Services.createFirstAdmin(user, store: store, door: context.options.door)
            ?? context.services(store, try context.requireUser(store)).users.create(user)
        Console.out("Usuario «\(created.login)» creado (rol \(created.role.displayName)).")
        return 0
    }

    private static func list(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        try args.finish()
        let store = try context.openStore()
        let service = context.services(store, try context.requireUser(store)).users
        let users = try service.list()
        let loginWidth = max(7, users.map(\.login.count).max() ?? 0)
        let nameWidth = max(6, users.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        let lastLogins = try service.lastLogins()
        Console.out(pad("USUARIO", loginWidth) + "  " + pad("NOMBRE", nameWidth) + "  " + pad("ROL", 11) + "  "
            + pad("ESTADO", 13) + "  ÚLTIMO INGRESO")
        for u in users {
            let last = lastLogins[u.login].map { "\(ISOTimestamp.localMinute($0.at)) \($0.door)" } ?? "—"
            Console.out(pad(u.login, loginWidth) + "  " + pad(u.name, nameWidth) + "  " + pad(u.role.displayName, 11)
                + "  " + pad(u.active ? "activo" : "deshabilitado", 13) + "  " + last)
        }
        return 0
    }

    private static func setActive(_ args: inout Arguments, _ context: CommandContext, _ active: Bool) throws -> Int32 {
        let login = try args.requirePositional("el USUARIO")
        try args.finish()
        let store = try context.openStore()
        let users = context.services(store, try context.requireUser(store)).users
        // The store refuses disabling oneself and the last active admin (`UserChangeRule`).
        let user = active ? try users.enable(login) : try users.disable(login)
        Console.out("Usuario «\(user.login)» " + (active ? "habilitado." : "deshabilitado."))
        return 0
    }
}
