import BytekModel
import BytekServices
import BytekStore
import Foundation

/// What the Recordatorios screens read and do, each call one operation of `services.reminders`;
/// `ServicesReminderDesk` is the real one. The screens hold no repository.
@MainActor
protocol ReminderDesk: AnyObject {
    var today: LocalDate { get }
    func policies() throws -> [ReminderPolicy]
    /// What today's run would send, and who is held back.
    func plan() throws -> ReminderPlan
    func outgoing(_ batch: ReminderBatch) throws -> ReminderOutgoing
    /// `level` filled in for a real customer's open receivables (nil when it owes nothing).
    func preview(_ level: ReminderLevel, customerId: Int64) throws -> ReminderOutgoing?
    func saveLevel(_ level: ReminderLevel, policyId: Int64) throws -> ReminderLevel
    func settings(customerId: Int64) throws -> ReminderCustomerSettings
    func history(customerId: Int64) throws -> [ReminderHistoryEntry]
    func pause(customerId: Int64, _ paused: Bool) throws
    func dispute(customerId: Int64, _ open: Bool) throws
    func promise(customerId: Int64, until: LocalDate?) throws
    func describe(_ error: Error) -> String
}

@MainActor
final class ServicesReminderDesk: ReminderDesk {
    let services: Services
    let strings: Strings

    init(services: Services, strings: Strings) { self.services = services; self.strings = strings }

    var reminders: ReminderService { services.reminders }
    var today: LocalDate { reminders.today }
    func policies() throws -> [ReminderPolicy] { try reminders.policies() }
    func plan() throws -> ReminderPlan { try reminders.plan() }
    func outgoing(_ batch: ReminderBatch) throws -> ReminderOutgoing { try reminders.outgoing(batch) }
    func preview(_ level: ReminderLevel, customerId: Int64) throws -> ReminderOutgoing? { try reminders.preview(level, customerId: customerId) }
    func saveLevel(_ level: ReminderLevel, policyId: Int64) throws -> ReminderLevel { try reminders.saveLevel(level, policyId: policyId) }
    func settings(customerId: Int64) throws -> ReminderCustomerSettings { try reminders.settings(customerId: customerId) }
    func history(customerId: Int64) throws -> [ReminderHistoryEntry] { try reminders.history(customerId: customerId) }
    func pause(customerId: Int64, _ paused: Bool) throws { try reminders.pause(customerId: customerId, paused) }
    func dispute(customerId: Int64, _ open: Bool) throws { try reminders.dispute(customerId: customerId, open) }
    func promise(customerId: Int64, until: LocalDate?) throws { try reminders.promise(customerId: customerId, until: until) }

    func describe(_ error: Error) -> String {
        if let e = error as? ReminderPolicyError { return e.message }
        if let e = error as? ReminderStoreError { return e.message }
        return ErrorText(strings).describe(error)
    }
}
