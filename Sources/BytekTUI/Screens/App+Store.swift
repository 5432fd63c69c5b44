import BytekServices
import BytekStore

extension App {
    /// The app over a store: every module, the palette's record search, and refresh on other
    /// processes' commits. The one way to build it (the program, the benchmark, the tests).
    public convenience init(terminal: Terminal, context: AppContext, store: Store) {
        self.init(terminal: terminal, context: context, modules: Modules.entries(store: store),
                  dataVersion: { store.db.dataVersion() })
        paletteRecords = Modules.paletteRecords(store: store, context: context)
        let services = context.services(store)
        rememberTheme = { name in services.rememberTheme(name) }
        timerBar = TimerBar(store: store)
    }
}
