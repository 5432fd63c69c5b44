import BytekModel
import BytekServices
import BytekStore

/// Operaciones › Proyectos: the project list, each project's screen and the boards, over `services.projects`.
@MainActor
enum ProjectsModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        let services = context.services(store)
        return ProjectListScreen(desk: ServicesProjectsDesk(services: services, strings: context.strings), strings: context.strings,
                                 drafts: services.drafts, canWrite: context.can(.write, .projects))
    }
}
