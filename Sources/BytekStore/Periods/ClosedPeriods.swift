import BytekModel
import Foundation

/// Months closed by finanzas once their sales register is filed in SIRE: nothing dated in a closed month is
/// issued, paid, noted or voided afterwards (issue 11 §1, "Period close").
public struct ClosedPeriods: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Throws when `date` falls in a closed month. `action` names what was tried ("emitir", "registrar el
    /// pago", "anular"…) for the message.
    public func check(_ date: LocalDate, action: String) throws {
        // Filled in by period close (issue 11 §1).
    }
}
