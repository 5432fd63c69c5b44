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
        var theme = Theme.fallback
        do {
            theme = try ThemeLoader.load(name: nil, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("Tema no encontrado (\(environment["BYTEK_THEME"] ?? "")): se usa el predeterminado.\n".utf8))
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
        let app = App(terminal: terminal, context: context, store: store)
        app.run()
        terminal.close()
        return 0
    }
}
