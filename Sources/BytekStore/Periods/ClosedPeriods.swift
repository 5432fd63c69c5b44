import BytekModel
import Foundation

/// Months closed by finanzas once their sales register is filed in SIRE: nothing dated in a closed month is
/// issued, paid, noted or voided afterwards (issue 11 §1, "Period close").
public struct ClosedPeriods: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Throws `PeriodError.closed` when `date` falls in a closed month. `action` names what was tried
    /// ("emitir", "registrar el pago", "anular"…) for the message.
    public func check(_ date: LocalDate, action: String) throws {
        if try isClosed(date.yearMonth) { throw PeriodError.closed(month: date.yearMonth, date: date, action: action) }
    }

    /// Whether `month` is closed now.
    public func isClosed(_ month: YearMonth) throws -> Bool {
        try db.queryOne("SELECT 1 FROM period WHERE month = ? AND closed = 1", [.text(month.description)]) != nil
    }
}
