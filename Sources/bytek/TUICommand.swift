import BytekStore
import BytekTUI

/// `bytek tui` (and `bytek` alone): the terminal UI, as an active user of any role; the screens
/// enforce the permission matrix.
@MainActor
enum TUICommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        try args.finish()
        let store = try context.openStore()
        let user = try context.requireUser(store)
        try? context.services(store, user).users.touchLogin()  // shown in Usuarios
        let session = UserSession(login: user.login, name: user.name, role: user.role)
        return TUIMain.run(store: store, session: session, environment: context.environment)
    }
}
