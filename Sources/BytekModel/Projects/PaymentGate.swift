import Foundation

/// The payment gate's rule (issue 13 §3), pure: which milestone invoice of a U2 project is overdue and
/// what that holds. Nothing is stored: the block is computed from the receivables each time, so a payment
/// recorded in Cobranzas lifts it by itself.
public enum PaymentGate {
    /// The setting with the grace days after a due date before the gate closes (default 0).
    public static let graceSetting = "hitos.gracia_dias"
    public static let defaultGraceDays = 0
    public static let graceRange = 0...365
    /// A lift lasts at most this many days from today.
    public static let maxLiftDays = 90

    /// One milestone of the project as the gate sees it.
    public struct Milestone: Sendable, Hashable {
        public var id: Int64
        public var position: Int
        public var name: String
        /// The milestone's invoice (e_document id), once issued.
        public var documentId: Int64?
        public init(id: Int64, position: Int, name: String, documentId: Int64?) {
            self.id = id; self.position = position; self.name = name; self.documentId = documentId
        }
    }

    /// The grace days read from the setting's text: a whole number 0…365, else the default.
    public static func graceDays(_ text: String?) -> Int {
        guard let t = text?.trimmingCharacters(in: .whitespaces), let n = Int(t), graceRange.contains(n) else {
            return defaultGraceDays
        }
        return n
    }

    /// Whether `r` is overdue on `today`: open (not settled, not cancelled) more than `graceDays` after
    /// its due date.
    public static func isOverdue(_ r: Receivable, today: LocalDate, graceDays: Int) -> Bool {
        r.isOpen && r.daysOverdue(on: today) > graceDays
    }

    /// What holds project `projectId` on `today`: the EARLIEST milestone (by position) whose invoice has an
    /// overdue receivable (the net or the detracción, any cuota), with the documents, what is owed on them
    /// per currency (amount − settled) and the days since the oldest due date. Nil when no invoice is
    /// overdue, when no milestone comes after the overdue one (nothing to hold), or while a lift is in
    /// force (`today` ≤ `liftedUntil`; after that date the gate falls back if still unpaid).
    public static func block(projectId: Int64, milestones: [Milestone], receivables: [Receivable], today: LocalDate,
                             graceDays: Int, liftedUntil: LocalDate? = nil) -> GateBlock? {
        if let until = liftedUntil, today <= until { return nil }
        let byDocument = Dictionary(grouping: receivables.filter { isOverdue($0, today: today, graceDays: graceDays) },
                                    by: \.documentId)
        let ordered = milestones.sorted { $0.position < $1.position }
        guard let last = ordered.last else { return nil }
        for m in ordered {
            guard let doc = m.documentId, let overdue = byDocument[doc], !overdue.isEmpty else { continue }
            guard m.position < last.position else { return nil }
            let sorted = overdue.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
            var documents: [String] = []
            for r in sorted where !documents.contains(r.documentID) { documents.append(r.documentID) }
            var owed: [Currency: Money] = [:]
            for r in sorted { owed[r.currency] = (owed[r.currency] ?? .zero(r.currency)) + r.balance }
            let dueSince = sorted[0].dueDate
            return GateBlock(projectId: projectId, overdueMilestonePosition: m.position, overdueMilestoneName: m.name,
                             documents: documents,
                             owed: Currency.allCases.compactMap { owed[$0] },
                             dueSince: dueSince, daysOverdue: dueSince.days(until: today))
        }
        return nil
    }
}
