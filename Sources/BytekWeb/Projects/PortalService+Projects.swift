import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The contact's projects, milestones and sign-offs, read and decided as that contact through
/// `services.milestones` (another customer's project or file reads as not found).
extension PortalService {
    struct ProjectsPage: Sendable {
        var customer: PortalCustomer
        var projects: [CustomerProjectOverview]
    }

    struct MilestoneView: Sendable {
        var record: MilestoneRecord
        /// What the contact may download: released files, or all of a milestone waiting for its approval.
        var deliverables: [DeliverableRecord]
        var signoffs: [SignoffRecord]
    }

    struct ProjectPage: Sendable {
        var customer: PortalCustomer
        var project: CustomerProjectOverview
        var milestones: [MilestoneView]
    }

    func projects(_ who: SignedIn, customerId: Int64) throws -> ProjectsPage? {
        try asContact(who, customerId: customerId) { services, customer in
            ProjectsPage(customer: customer, projects: try services.milestones.projects(customerId: customerId))
        }
    }

    func project(_ who: SignedIn, customerId: Int64, code: String) throws -> ProjectPage? {
        try asContact(who, customerId: customerId) { services, customer in
            guard let p = try services.milestones.projects(customerId: customerId).first(where: { $0.code == code }) else {
                throw ServiceError.notFound
            }
            let views = try p.milestones.map { m in
                let files = try services.milestones.deliverables(milestoneId: m.milestone.id)
                    .filter { $0.released || m.milestone.state == .ready }
                return MilestoneView(record: m, deliverables: files, signoffs: try services.milestones.signoffs(milestoneId: m.milestone.id))
            }
            return ProjectPage(customer: customer, project: p, milestones: views)
        }
    }

    /// The file of a deliverable the contact may download (its path on disk, streamed by the server).
    func deliverableFile(_ who: SignedIn, customerId: Int64, deliverableId: Int64) throws -> (name: String, path: String)? {
        try asContact(who, customerId: customerId) { services, _ in
            let d = try services.milestones.download(deliverableId: deliverableId)
            return (d.record.fileName, d.path)
        }
    }

    enum DecisionOutcome: Sendable { case done(SignoffDecision), refused(String) }

    /// The contact approves milestone `milestoneId` or asks for changes (comment required).
    func decide(_ who: SignedIn, customerId: Int64, milestoneId: Int64, decision: SignoffDecision,
                comment: String) throws -> DecisionOutcome? {
        try asContact(who, customerId: customerId) { services, _ in
            do {
                try services.milestones.decide(milestoneId: milestoneId, decision: decision, comment: comment)
                return .done(decision)
            } catch let e as MilestoneServiceError {
                return .refused(e.message)
            }
        }
    }
}
