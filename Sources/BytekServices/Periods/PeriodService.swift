import BytekModel
import BytekStore
import Foundation

/// The monthly close (issue 11 §1): finanzas closes a month once its sales register is filed in SIRE;
/// nothing dated in it is issued, paid, noted or voided afterwards; an admin may reopen it, with a reason.
public struct PeriodService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: PeriodRepository { services.acting(PeriodRepository.self) }

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LocalDate(services.now(), in: ExchangeRateService.lima) }

    /// One row per month from the first one ever closed (or `count` months back, whichever is earlier) up
    /// to the last ended month, newest first: its state and history.
    public func months(count: Int = 12) throws -> [ClosedPeriod] {
        try actor.authorize(.periodView)
        let stored = try repository.list()
        let byMonth = Dictionary(stored.map { ($0.month, $0) }, uniquingKeysWith: { a, _ in a })
        let current = today.yearMonth
        var month = current
        for _ in 0..<max(count, 1) { month = Self.previous(month) }
        if let oldest = stored.map(\.month).min(), oldest < month { month = oldest }
        var rows: [ClosedPeriod] = []
        while month < current {
            rows.append(byMonth[month] ?? ClosedPeriod(month: month, closed: false, closedBy: "", closedAt: "", sireNote: ""))
            month = PeriodMonth.next(month)
        }
        return rows.reversed()
    }

    /// The month typed by the user ("2026-11"), or `PeriodError.invalidMonth`.
    public static func month(_ text: String) throws -> YearMonth {
        guard let m = PeriodMonth.parse(text) else { throw PeriodError.invalidMonth(text) }
        return m
    }

    /// Closes `month`: it must have ended, and the user confirms that its register was filed in SIRE
    /// (`sireFiled`), with an optional note (ticket number).
    public func close(_ month: YearMonth, sireFiled: Bool, note: String = "") throws {
        try actor.authorize(.periodClose)
        guard month < today.yearMonth else { throw PeriodError.notEnded(month) }
        guard sireFiled else { throw PeriodError.sireNotConfirmed(month) }
        try repository.close(month, sireNote: note.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Reopens a closed month (admin); `reason` is required and goes to the audit log.
    public func reopen(_ month: YearMonth, reason: String) throws {
        try actor.authorize(.periodReopen)
        try repository.reopen(month, reason: reason)
    }

    static func previous(_ m: YearMonth) -> YearMonth {
        m.month == 1 ? YearMonth(year: m.year - 1, month: 12) : YearMonth(year: m.year, month: m.month - 1)
    }
}

extension Services {
    public var periods: PeriodService { PeriodService(services: self) }
}
