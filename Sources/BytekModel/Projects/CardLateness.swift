/// The 7-day promise on a card (issue 13 §2), counted in working days against today:
/// - `danger` when the card is past its due date (due before today) and not done;
/// - `warning` when it is due within 1 working day (today, or by the next working day), or when its
///   project's promised date is within 2 working days (or already passed), and it is not done;
/// - `onTime` otherwise. Done and cancelled cards are never late; a card without a due date is
///   judged by its project's promised date only.
public enum CardLateness: String, Sendable, Hashable, CaseIterable, Comparable {
    case onTime = "ok"
    case warning = "aviso"
    case danger = "peligro"

    public var displayName: String {
        switch self {
        case .onTime: return "A tiempo"
        case .warning: return "Por vencer"
        case .danger: return "Atrasada"
        }
    }

    public static func < (a: CardLateness, b: CardLateness) -> Bool { a.rank < b.rank }
    var rank: Int { self == .onTime ? 0 : self == .warning ? 1 : 2 }

    /// The working days a lateness is judged by: the first and second working days after today.
    public struct Horizon: Sendable, Hashable {
        public var today: LocalDate
        /// The first working day after today (a card due by it is `warning`).
        public var oneWorkingDay: LocalDate
        /// The second working day after today (a project promised by it puts its cards in `warning`).
        public var twoWorkingDays: LocalDate

        public init(today: LocalDate, oneWorkingDay: LocalDate, twoWorkingDays: LocalDate) {
            self.today = today; self.oneWorkingDay = oneWorkingDay; self.twoWorkingDays = twoWorkingDays
        }

        /// From a working calendar covering today and the next weeks.
        public init(today: LocalDate, calendar: WorkingCalendar) throws(CalendarError) {
            self.init(today: today, oneWorkingDay: try calendar.add(workingDays: 1, to: today),
                      twoWorkingDays: try calendar.add(workingDays: 2, to: today))
        }
    }

    public static func of(state: TaskState, due: LocalDate?, promised: LocalDate?, horizon: Horizon) -> CardLateness {
        guard state != .done && state != .cancelled else { return .onTime }
        if let due {
            if due < horizon.today { return .danger }
            if due <= horizon.oneWorkingDay { return .warning }
        }
        if let promised, promised <= horizon.twoWorkingDays { return .warning }
        return .onTime
    }
}
