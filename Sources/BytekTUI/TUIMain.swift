import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Entry point of the terminal UI, called by `bytek tui`.
public enum TUIMain {
    /// Opens the terminal, runs the app on `store` as `session`'s user, restores the terminal.
    /// Returns the process exit status.
    @MainActor
    public static func run(store: Store, session: UserSession, environment: [String: String]) -> Int32 {
        let strings = Strings(environment: environment)
        // BYTEK_THEME wins over the theme the user chose in the palette (kept in the settings).
        let saved = Services(store: store, actor: session.actor).savedTheme()
        let requested = environment["BYTEK_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? saved
        var theme = Theme.fallback
        do {
            theme = try ThemeLoader.load(name: requested, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("Tema no encontrado («\(requested ?? "")»): se usa el predeterminado.\n".utf8))
            if let nc = environment["NO_COLOR"], !nc.isEmpty { theme = theme.withoutColor() }
        }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(theme: theme)
        } catch {
            FileHandle.standardError.write(Data((TUIMain.message(for: error, strings: strings) + "\n").utf8))
            return 1
        }
        let context = AppContext(strings: strings, session: session, now: { ProcessClock.now() })
        context.environment = environment
        let app = App(terminal: terminal, context: context, store: store)
        app.environment = environment
        app.run()
        terminal.close()
        return 0
    }

    /// What a user reads when the terminal cannot run the full-screen program.
    static func message(for error: any Error, strings: Strings) -> String {
        switch error as? CursesTerminal.Failure {
        case .noCursorAddressing(let term):
            return strings.format("app.noCursorAddressing", term.isEmpty ? "—" : term)
        case .cannotOpen(let term):
            return strings.format("app.cannotOpenTerminal", term.isEmpty ? "—" : term)
        case nil:
            return strings.format("app.cannotOpenTerminal", "—")
        }
    }
}
