import BytekModel
import BytekServices
import BytekStore

/// Proyectos: the project list, each project's screen and the boards. (Placeholder until the list lands.)
@MainActor
enum ProjectsModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        PlaceholderScreen(title: context.strings["module.projects"])
    }
}
