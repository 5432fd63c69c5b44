import BytekModel
import BytekServices

/// The screens of the other parts of Delivery that the Proyectos screens open: a milestone (deliverables,
/// sign-off, its invoice), a project's profitability, the manager's alarms and the gate's lift dialog. The
/// real desk builds them over its services; a desk without services (tests) opens none.
@MainActor
protocol ProjectsDeskScreens {
    func milestoneScreen(milestoneId: Int64) -> (any Screen)?
    func profitabilityScreen(projectId: Int64) throws -> (any Screen)?
    func alarmsScreen() -> (any Screen)?
    func gateLiftDialog(projectId: Int64, name: String, onLifted: @escaping @MainActor () -> Void) -> (any Screen)?
}

extension ServicesProjectsDesk: ProjectsDeskScreens {
    func milestoneScreen(milestoneId: Int64) -> (any Screen)? {
        MilestoneScreen(services: services, milestoneId: milestoneId, strings: strings)
    }

    func profitabilityScreen(projectId: Int64) throws -> (any Screen)? {
        ProfitabilityProjectScreen(line: try services.profitability.project(projectId), strings: strings)
    }

    func alarmsScreen() -> (any Screen)? { ProjectAlarmsScreen(services: services, strings: strings) }

    func gateLiftDialog(projectId: Int64, name: String, onLifted: @escaping @MainActor () -> Void) -> (any Screen)? {
        ProjectGateLiftDialog(services: services, strings: strings, projectId: projectId, projectName: name) { _ in onLifted() }
    }
}
