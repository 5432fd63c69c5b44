import BytekModel
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
        let db = store.db
        let created: User = try db.write {
            // The emptiness check and the insert share one transaction, so two "first" users cannot race.
            let empty = (try db.scalar("SELECT count(*) FROM app_user").intValue ?? 0) == 0
            if empty {
                guard role == .admin else {
                    throw CLIError.failure("la base de datos no tiene usuarios: el primero debe tener el rol admin")
                }
            } else {
                _ = try context.requireUser(store, .write, .users)
            }
            let actor = empty ? User.normalizeLogin(login) : context.login
            return try UserRepository(db: db, user: actor).add(User(login: login, name: name, role: role))
        }
        Console.out("Usuario «\(created.login)» creado (rol \(created.role.displayName)).")
        return 0
    }

    private static func list(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        try args.finish()
        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .users)
        let users = try UserRepository(db: store.db, user: context.login).list()
        let loginWidth = max(7, users.map(\.login.count).max() ?? 0)
        let nameWidth = max(6, users.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        let lastLogins = try SSHKeyRepository(db: store.db, user: context.login).lastLogins()
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
        let db = store.db
        let user: User = try db.write {
            _ = try context.requireUser(store, .write, .users)
            let repo = UserRepository(db: db, user: context.login)
            // The store refuses disabling oneself and the last active admin (`UserChangeRule`).
            return active ? try repo.enable(login) : try repo.disable(login)
        }
        Console.out("Usuario «\(user.login)» " + (active ? "habilitado." : "deshabilitado."))
        return 0
    }
}
