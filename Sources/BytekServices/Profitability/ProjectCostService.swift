import BytekModel
import BytekStore
import Foundation

extension ProjectCostRepository: ActingRepository {}

/// The other costs of a project (purchases, licences, subcontracts entered by hand) for an actor:
/// operaciones, finanzas and admin list and add them; admin and finanzas reverse one with a reason.
public struct ProjectCostService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: ProjectCostRepository { services.acting(ProjectCostRepository.self) }

    /// The costs of a project, reversed ones included, by day.
    public func list(projectId: Int64) throws -> [ProjectCost] {
        try actor.authorize(.projectCostList)
        return try repository.list(projectId: projectId)
    }

    /// Adds a cost typed by the user (each refusal names its field).
    @discardableResult
    public func add(_ input: ProjectCostInput, projectId: Int64) throws -> ProjectCost {
        try actor.authorize(.projectCostAdd)
        return try repository.add(input, projectId: projectId)
    }

    /// Reverses a cost with a reason; it stays listed as reversed and stops counting.
    @discardableResult
    public func reverse(id: Int64, reason: String) throws -> ProjectCost {
        try actor.authorize(.projectCostReverse)
        return try repository.reverse(id: id, reason: reason)
    }
}

extension Services {
    public var projectCosts: ProjectCostService { ProjectCostService(services: self) }
}
