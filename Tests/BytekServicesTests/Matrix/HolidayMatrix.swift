import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// The holiday table. The seed adds a day by decree (so removing has one); adding takes another day.
enum HolidayMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, _ in
        try HolidayRepository(db: store.db, user: "setup", now: MatrixWorld.now)
            .add(day: LocalDate(year: 2026, month: 12, day: 24)!, name: "Día no laborable", decree: "D.S. 123-2026-PCM")
    }

    static let expected: [String: String] = [
        "feriados.ver": ExpectedMatrix.staffAll + " worker",
        "feriados.editar": "admin",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.holidayView) { s, _, _ in
            let list = try s.holidays.list(year: 2026)
            guard list.contains(where: { $0.day.description == "2026-12-24" && $0.origin == .decree }),
                  list.contains(where: { $0.day.description == "2026-04-03" && $0.name == "Viernes Santo" }) else {
                throw ServiceError.notFound
            }
        },
        MatrixCase(.holidayEdit) { s, _, _ in
            try s.holidays.add(day: LocalDate(year: 2026, month: 12, day: 31)!, name: "Día no laborable",
                               decree: "D.S. 124-2026-PCM")
            try s.holidays.remove(day: LocalDate(year: 2026, month: 12, day: 24)!)
        },
    ]
}
