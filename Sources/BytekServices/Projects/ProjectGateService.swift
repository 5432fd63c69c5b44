import BytekModel
import BytekStore
import Foundation

extension GateRepository: ActingRepository {}

/// The payment gate of U2 projects (issue 13 §3). Other services ask it before they move a task to
/// "en curso", log hours or release a deliverable; it answers what holds the work (nil when free).
///
/// Nothing is stored about the block itself: it is computed from the open receivables of the milestone
/// invoices (`PaymentGate.block`), so a payment recorded in Cobranzas lifts it by itself. Only the early
/// lifts of finanzas/admin are rows (`project_gate_lift`), audited.
public struct ProjectGateService: Sendable {
    let services: Services
    var actor: Actor { services.actor }
    var repository: GateRepository { services.acting(GateRepository.self) }

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LocalDate(services.now(), in: ExchangeRateService.lima) }

    /// The grace days after a due date (setting `hitos.gracia_dias`, 0…365, default 0).
    public var graceDays: Int {
        PaymentGate.graceDays((try? SettingsRepository(db: services.db).value(PaymentGate.graceSetting)) ?? nil)
    }

    /// What holds work on milestone `milestoneId` of project `projectId` (nil milestone: work on the
    /// project not under a milestone, held whenever the project is blocked, which needs a milestone after
    /// the overdue one); nil when nothing does. Asked by other operations after their own authorization,
    /// so it checks none itself.
    public func block(projectId: Int64, milestoneId: Int64?) throws -> GateBlock? {
        let milestones = try repository.milestones(projectId: projectId)
        guard let b = try computed(projectId: projectId, milestones: milestones).block else { return nil }
        guard let milestoneId else { return b }
        guard let m = milestones.first(where: { $0.id == milestoneId }) else { return nil }
        return b.holds(milestonePosition: m.position) ? b : nil
    }

    /// Throws `ProjectGateError.blocked` when the gate holds work on that milestone.
    public func check(projectId: Int64, milestoneId: Int64?) throws {
        if let b = try block(projectId: projectId, milestoneId: milestoneId) { throw ProjectGateError.blocked(b) }
    }

    /// What the gate says of a project, for its screens: what is overdue, the lift in force (who, why,
    /// until), and so what holds work now.
    public func status(projectId: Int64) throws -> GateStatus {
        try actor.authorize(.gateView)
        guard try repository.project(projectId) != nil else { throw GateLiftError.projectNotFound(projectId) }
        return try computed(projectId: projectId, milestones: repository.milestones(projectId: projectId))
    }

    /// Every project blocked now (active or paused, not lifted), by project id: the lock of the lists and
    /// boards, from ONE query over the overdue receivables joined to the milestones (no query per project).
    public func blockedProjects() throws -> [Int64: GateBlock] {
        try actor.authorize(.gateView)
        return try blocked()
    }

    func blocked() throws -> [Int64: GateBlock] {
        let today = self.today
        let rows = try repository.overdueMilestoneReceivables(dueBefore: today.adding(days: -graceDays), today: today)
        var result: [Int64: GateBlock] = [:]
        for (projectId, group) in Dictionary(grouping: rows, by: \.projectId) {
            var milestones: [PaymentGate.Milestone] = []
            for r in group where !milestones.contains(where: { $0.id == r.milestone.id }) { milestones.append(r.milestone) }
            // The last milestone of the project stands for those after the overdue one (nothing held without it).
            if let last = group.first?.lastPosition, !milestones.contains(where: { $0.position == last }) {
                milestones.append(PaymentGate.Milestone(id: 0, position: last, name: "", documentId: nil))
            }
            if let b = PaymentGate.block(projectId: projectId, milestones: milestones, receivables: group.map(\.receivable),
                                         today: today, graceDays: graceDays, liftedUntil: group.first?.liftedUntil) {
                result[projectId] = b
            }
        }
        return result
    }

    /// Lifts the gate of `projectId` until `until` (inclusive) with `reason` (required): finanzas or admin.
    /// `until` goes from today to today + 90 days. Recorded and audited; it falls back after `until` unpaid.
    @discardableResult
    public func lift(projectId: Int64, reason: String, until: LocalDate) throws -> GateLift {
        try actor.authorize(.gateLift)
        let today = self.today
        guard until >= today else { throw GateLiftError.untilInPast(until, today: today) }
        let max = today.adding(days: PaymentGate.maxLiftDays)
        guard until <= max else { throw GateLiftError.untilTooFar(until, max: max) }
        return try repository.lift(projectId: projectId, reason: reason, until: until, today: today)
    }

    /// Ends the lift in force now: the gate closes again at once if the invoice is still overdue.
    @discardableResult
    public func endLift(projectId: Int64) throws -> GateLift {
        try actor.authorize(.gateLift)
        return try repository.endLift(projectId: projectId, today: today)
    }

    /// Every lift of a project, newest first (the project's history).
    public func lifts(projectId: Int64) throws -> [GateLift] {
        try actor.authorize(.gateView)
        return try repository.lifts(projectId: projectId)
    }

    /// The project whose code (or id) the user typed.
    public func project(code: String) throws -> GateRepository.ProjectHeader {
        try actor.authorize(.gateView)
        guard let p = try repository.project(code: code) else { throw GateLiftError.projectNotFound(Int64(code) ?? 0) }
        return p
    }

    /// A date typed by the user (aaaa-mm-dd), or `GateLiftError.invalidDate`.
    public static func date(_ text: String) throws -> LocalDate {
        guard let d = LocalDate(text.trimmingCharacters(in: .whitespaces)) else { throw GateLiftError.invalidDate(text) }
        return d
    }

    func computed(projectId: Int64, milestones: [PaymentGate.Milestone]) throws -> GateStatus {
        let today = self.today
        let overdue = PaymentGate.block(projectId: projectId, milestones: milestones,
                                        receivables: try repository.openReceivables(projectId: projectId),
                                        today: today, graceDays: graceDays)
        let lift = overdue == nil ? nil : try repository.activeLift(projectId: projectId, today: today)
        return GateStatus(overdue: overdue, lift: lift)
    }
}

extension Services {
    public var projectGate: ProjectGateService { ProjectGateService(services: self) }
}
