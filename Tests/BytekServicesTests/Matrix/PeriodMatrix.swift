import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// The monthly close. The seed closes March 2026 (the matrix's day is in May), so reopening has a
/// closed month; closing takes April.
enum PeriodMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, _ in
        try PeriodRepository(db: store.db, user: "setup", now: MatrixWorld.now)
            .close(YearMonth(year: 2026, month: 3), sireNote: "Ticket 99")
    }

    static let expected: [String: String] = [
        "periodo.ver": "admin finanzas",
        "periodo.cerrar": "admin finanzas",
        "periodo.reabrir": "admin",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.periodView) { s, _, _ in
            guard try s.periods.months().contains(where: { $0.closed && $0.month == YearMonth(year: 2026, month: 3) }) else {
                throw ServiceError.notFound
            }
        },
        MatrixCase(.periodClose) { s, _, _ in
            try s.periods.close(YearMonth(year: 2026, month: 4), sireFiled: true, note: "Ticket 100")
        },
        MatrixCase(.periodReopen) { s, _, _ in
            try s.periods.reopen(YearMonth(year: 2026, month: 3), reason: "Corregir una factura")
        },
    ]
}
