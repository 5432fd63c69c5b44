import Foundation

/// What kind of follow-up an activity is.
public enum ActivityKind: String, CaseIterable, Sendable, Codable, Hashable {
    case call, meeting, email, whatsapp, task
}

/// A follow-up on a deal: a call, meeting, e-mail, WhatsApp message or task, due on a day.
public struct Activity: Sendable, Hashable, Codable {
    /// Set by the store.
    public var id: Int64?
    public var dealId: Int64
    public var kind: ActivityKind
    public var subject: String
    public var dueDate: LocalDate?
    /// The login it is assigned to.
    public var owner: String
    public var done: Bool

    public init(id: Int64? = nil, dealId: Int64, kind: ActivityKind, subject: String, dueDate: LocalDate? = nil,
                owner: String, done: Bool = false) {
        self.id = id; self.dealId = dealId; self.kind = kind; self.subject = subject; self.dueDate = dueDate
        self.owner = owner; self.done = done
    }

    /// Not done and due before `today`.
    public func isOverdue(today: LocalDate) -> Bool { !done && (dueDate.map { $0 < today } ?? false) }

    /// Not done and due on `today`.
    public func isDueToday(_ today: LocalDate) -> Bool { !done && dueDate == today }
}
