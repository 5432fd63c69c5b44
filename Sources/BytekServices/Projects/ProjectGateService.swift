import BytekModel
import BytekStore
import Foundation

/// The payment gate of U2 projects (issue 13 §3). Other services ask it before they move a task to
/// "en curso", log hours or release a deliverable; it answers what holds the work (nil when free).
///
/// Skeleton: the rule over receivables, the lifts and the alarms land with the gate's part; until then
/// nothing is held.
public struct ProjectGateService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    /// What holds work on milestone `milestoneId` of project `projectId` (nil milestone: work on the
    /// project not under a milestone); nil when nothing does.
    public func block(projectId: Int64, milestoneId: Int64?) throws -> GateBlock? {
        nil
    }

    /// Throws `ProjectGateError.blocked` when the gate holds work on that milestone.
    public func check(projectId: Int64, milestoneId: Int64?) throws {
        if let b = try block(projectId: projectId, milestoneId: milestoneId) { throw ProjectGateError.blocked(b) }
    }
}

extension Services {
    public var projectGate: ProjectGateService { ProjectGateService(services: self) }
}
