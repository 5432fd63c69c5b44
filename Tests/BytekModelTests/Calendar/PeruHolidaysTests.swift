import BytekModel
import Testing

/// Easter and Peru's holidays: known dates, a second algorithm over 1,000 years, and the years each
/// recent law starts counting.
@Suite struct PeruHolidaysTests {
    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test func easterOfKnownYears() {
        #expect(Easter.sunday(2024) == Self.day("2024-03-31"))
        #expect(Easter.sunday(2025) == Self.day("2025-04-20"))
        #expect(Easter.sunday(2026) == Self.day("2026-04-05"))
        #expect(Easter.sunday(2027) == Self.day("2027-03-28"))
        #expect(Easter.sunday(2028) == Self.day("2028-04-16"))
        // The extremes of the Gregorian computus.
        #expect(Easter.sunday(1818) == Self.day("1818-03-22"))
        #expect(Easter.sunday(2038) == Self.day("2038-04-25"))
    }

    /// Oudin's algorithm (1940, as in Tøndering's Calendar FAQ): different arithmetic, same answer.
    static func oudin(_ y: Int) -> LocalDate {
        let g = y % 19, c = y / 100
        let h = (c - c / 4 - (8 * c + 13) / 25 + 19 * g + 15) % 30
        let i = h - (h / 28) * (1 - (29 / (h + 1)) * ((21 - g) / 11))
        let j = (y + y / 4 + i + 2 - c + c / 4) % 7
        let l = i - j
        let month = 3 + (l + 40) / 44
        return LocalDate(year: y, month: month, day: l + 28 - 31 * (month / 4))!
    }

    @Test func easterAgreesWithASecondAlgorithmForAThousandYearsAndIsASunday() {
        for y in 1600..<2600 {
            let e = Easter.sunday(y)
            #expect(e == Self.oudin(y), "Pascua \(y)")
            #expect(e.isoWeekday == 7, "Pascua \(y) no cae domingo")
            #expect(e >= LocalDate(year: y, month: 3, day: 22)! && e <= LocalDate(year: y, month: 4, day: 25)!)
        }
    }

    @Test func weekdaysFromTheEpoch() {
        #expect(Self.day("1970-01-01").isoWeekday == 4)
        #expect(Self.day("2026-12-03").weekdayName == "jueves")
        #expect(Self.day("1969-12-28").weekdayName == "domingo")
        #expect(Self.day("2027-01-04").weekdayName == "lunes")
    }

    @Test func theSixteenHolidaysOf2025() throws {
        let list = try PeruHolidays.of(2025)
        #expect(list.map(\.day.description) == [
            "2025-01-01", "2025-04-17", "2025-04-18", "2025-05-01", "2025-06-07", "2025-06-29", "2025-07-23",
            "2025-07-28", "2025-07-29", "2025-08-06", "2025-08-30", "2025-10-08", "2025-11-01", "2025-12-08",
            "2025-12-09", "2025-12-25",
        ])
        #expect(list[1].name == "Jueves Santo" && list[1].origin == .holyWeek)
        #expect(list[2].name == "Viernes Santo")
        #expect(list.first { $0.day.description == "2025-06-07" }?.decree == "Ley 31788")
        #expect(list.first { $0.day.description == "2025-12-25" }?.origin == .fixed)
    }

    @Test func recentLawsCountFromTheirFirstYear() throws {
        func has(_ year: Int, _ mmdd: String) throws -> Bool {
            try PeruHolidays.of(year).contains { $0.day.description == "\(year)-\(mmdd)" }
        }
        #expect(try PeruHolidays.of(2021).count == 12)
        #expect(try !has(2021, "08-06") && has(2022, "08-06"))   // Ley 31530
        #expect(try !has(2021, "12-09") && has(2022, "12-09"))   // Ley 31381
        #expect(try !has(2022, "07-23") && has(2023, "07-23"))   // Ley 31822
        #expect(try !has(2023, "06-07") && has(2024, "06-07"))   // Ley 31788
        #expect(try PeruHolidays.of(2024).count == 16)
        #expect(PeruHolidays.holiday(on: Self.day("2026-04-03"))?.name == "Viernes Santo")
        #expect(PeruHolidays.holiday(on: Self.day("2026-04-06")) == nil)
    }

    @Test func aYearOutsideTheKeptOnesIsRefusedInSpanish() {
        #expect(throws: CalendarError.yearOutOfRange("99999")) { try PeruHolidays.of(99999) }
        #expect(CalendarError.yearOutOfRange("99999").message == "año: «99999» no es un año entre 1900 y 2199")
        #expect(throws: CalendarError.yearOutOfRange("1899")) { try PeruHolidays.of(1899) }
    }
}
