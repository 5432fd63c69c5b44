/// A month finanzas closed once its sales register was filed in SIRE, or reopened since (`closed` false,
/// its history kept): nothing dated in a closed month is issued, paid, noted or voided.
public struct ClosedPeriod: Sendable, Hashable, Codable {
    public var month: YearMonth
    public var closed: Bool
    /// Who closed it last, when (ISO timestamp), and the SIRE note (ticket number, "presentado el 05/12").
    public var closedBy: String
    public var closedAt: String
    public var sireNote: String
    /// Every close and reopen, oldest first.
    public var history: [PeriodEvent]

    public init(month: YearMonth, closed: Bool, closedBy: String, closedAt: String, sireNote: String,
                history: [PeriodEvent] = []) {
        self.month = month; self.closed = closed; self.closedBy = closedBy; self.closedAt = closedAt
        self.sireNote = sireNote; self.history = history
    }
}

/// One close or reopen of a month: who, when, and the SIRE note (close) or the reason (reopen).
public struct PeriodEvent: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable { case cerrar, reabrir }
    public var action: Action
    public var user: String
    public var at: String
    public var text: String

    public init(action: Action, user: String, at: String, text: String) {
        self.action = action; self.user = user; self.at = at; self.text = text
    }
}
