import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

enum RatesMatrix: MatrixArea {
    /// A rate of the day before the matrix's day, so reading it succeeds (with its note).
    static let seed: MatrixSeed = { store, _ in
        let day = LocalDate(MatrixWorld.now(), in: ExchangeRateService.lima)
        try ExchangeRateRepository(db: store.db, user: "setup", now: MatrixWorld.now)
            .save(ExchangeRate(date: day.adding(days: -1), buyMilli: 3_741, sellMilli: 3_748))
    }

    static let expected: [String: String] = [
        "tipocambio.ver": ExpectedMatrix.staffAll + " worker",
        "tipocambio.registrar": "admin finanzas",
        "tipocambio.importar": "admin finanzas",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.rateView) { s, _, _ in
            let d = try s.exchangeRates.defaultRate(for: s.exchangeRates.today)
            guard d.rate == Decimal(string: "3.748"), d.note == "del " + ExchangeRateRule.dayMonth(d.fromDate) + " (1 día antes)"
            else { throw MatrixRateError.wrongRate("\(d)") }
        },
        MatrixCase(.rateRecord) { s, _, _ in
            try s.exchangeRates.record(date: s.exchangeRates.today, buy: "3.752", sell: "3.759")
        },
        MatrixCase(.rateImport) { s, _, _ in
            let report = try s.exchangeRates.importRates("fecha,compra,venta\n2026-05-10,3.701,3.709\n")
            guard report.created == 1 else { throw MatrixRateError.wrongRate("\(report)") }
        },
    ]
}

enum MatrixRateError: Error { case wrongRate(String) }
