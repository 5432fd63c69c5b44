import BytekModel
import BytekServices
import BytekStore

/// Horas: the week grid of the signed-in person. (Placeholder until the grid lands.)
@MainActor
enum TimesheetsModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        PlaceholderScreen(title: context.strings["module.timesheets"])
    }
}
