import BytekModel
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
        let saved = try? SettingsRepository(db: store.db).value(SettingsRepository.themeKey(user: session.login))
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
            let term = environment["TERM"] ?? ""
            FileHandle.standardError.write(Data("No se pudo abrir la terminal (TERM=\(term)). Use una terminal compatible, p. ej. TERM=xterm-256color.\n".utf8))
            return 1
        }
        let context = AppContext(strings: strings, session: session)
        context.environment = environment
        let app = App(terminal: terminal, context: context, store: store)
        app.environment = environment
        app.run()
        terminal.close()
        return 0
    }
}
