import BytekModel
import BytekServices
import BytekStore

/// Horas: the week grid of the signed-in person.
@MainActor
enum TimesheetsModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        TimesheetWeekScreen(store: store, context: context)
    }
}
