import Foundation
import Testing
@testable import BytekModel

@Suite struct ExchangeRateTests {
    static func day(_ s: String) -> LocalDate { LocalDate(s)! }
    static func rate(_ s: String, _ sell: Int64 = 3_750) -> ExchangeRate {
        ExchangeRate(date: day(s), buyMilli: sell - 8, sellMilli: sell)
    }

    @Test func theDaysOwnRateHasNoNote() throws {
        let c = try ExchangeRateRule.rateFor(Self.day("2026-12-03"), in: [Self.rate("2026-12-02"), Self.rate("2026-12-03", 3_761)])
        #expect(c.sell == Decimal(string: "3.761"))
        #expect(c.daysBefore == 0)
        #expect(c.note == "")
    }

    @Test func anEarlierRateUpToSevenDaysIsUsedAndSaidSo() throws {
        let c = try ExchangeRateRule.rateFor(Self.day("2026-12-03"), in: [Self.rate("2026-11-26"), Self.rate("2026-12-01", 3_744)])
        #expect(c.note == "del 01/12 (2 días antes)")
        #expect(c.sell == Decimal(string: "3.744"))
        let week = try ExchangeRateRule.rateFor(Self.day("2026-12-03"), in: [Self.rate("2026-11-26")])
        #expect(week.note == "del 26/11 (7 días antes)")
        let one = try ExchangeRateRule.rateFor(Self.day("2026-12-03"), in: [Self.rate("2026-12-02")])
        #expect(one.note == "del 02/12 (1 día antes)")
    }

    @Test func olderThanSevenDaysMustBeEntered() {
        #expect(throws: ExchangeRateError.missing(day: Self.day("2026-12-03"), latest: Self.day("2026-11-25"))) {
            try ExchangeRateRule.rateFor(Self.day("2026-12-03"), in: [Self.rate("2026-11-25"), Self.rate("2026-12-04")])
        }
        let e = ExchangeRateError.missing(day: Self.day("2026-12-03"), latest: Self.day("2026-11-25"))
        #expect(e.message == "no hay tipo de cambio desde el 25/11: regístrelo en Finanzas › Tipo de cambio")
        #expect(ExchangeRateError.missing(day: Self.day("2026-12-03"), latest: nil).message
                == "no hay tipo de cambio para el 03/12: regístrelo en Finanzas › Tipo de cambio")
    }

    @Test func typedRatesAreExactWithThreeDecimals() throws {
        #expect(try ExchangeRate.milli("3.752", confirmed: false) == 3_752)
        #expect(try ExchangeRate.milli("3,75", confirmed: false) == 3_750)
        #expect(ExchangeRate.text(3_750) == "3.750")
        #expect(ExchangeRate.text(4) == "0.004")
        #expect(throws: AmountLimitError.tooManyDecimals(.exchangeRate, max: 3)) { try ExchangeRate.milli("3.7521", confirmed: false) }
        #expect(throws: AmountLimitError.exchangeRateNotPositive) { try ExchangeRate.milli("0", confirmed: false) }
        #expect(throws: AmountLimitError.notANumber(.exchangeRate)) { try ExchangeRate.milli("3.7x", confirmed: false) }
        #expect(throws: AmountLimitError.exchangeRateOutsideBand(Decimal(string: "7.1")!)) { try ExchangeRate.milli("7.1", confirmed: false) }
        #expect(try ExchangeRate.milli("7.1", confirmed: true) == 7_100)
        #expect(throws: AmountLimitError.tooLarge(.exchangeRate, max: 1000)) { try ExchangeRate.milli("1000000000000", confirmed: true) }
    }

    @Test func sunatFilesAreReadAndBadLinesReported() {
        let sunat = ExchangeRateCSV.parse("01/12/2026|3.741|3.749|\n02/12/2026|3.745|3.752|\n")
        #expect(sunat.problems.isEmpty)
        #expect(sunat.rows.map(\.sellMilli) == [3_749, 3_752])
        #expect(sunat.rows.first?.date == Self.day("2026-12-01"))

        let csv = ExchangeRateCSV.parse("""
        \u{FEFF}Venta;Compra;Fecha
        3,749;3,741;2026-12-01
        3,75;3,74;31/11/2026
        3.75;3.76;2026-12-02
        9;3.7;2026-12-03
        3.75;3.74;2026-12-01
        3.75
        """)
        #expect(csv.rows.count == 1)
        #expect(csv.rows.first?.buyMilli == 3_741)
        #expect(csv.problems.map(\.description) == [
            "línea 3: la fecha «31/11/2026» no es válida: use dd/mm/aaaa o aaaa-mm-dd",
            "línea 4: la compra (3.760) no puede ser mayor que la venta (3.750)",
            "línea 5: venta: El tipo de cambio 9 no está entre 2.5 y 6 soles por dólar.",
            "línea 6: la fecha 01/12/2026 ya está en la línea 2",
            "línea 7: faltan columnas (fecha, compra, venta)",
        ])
    }
}
