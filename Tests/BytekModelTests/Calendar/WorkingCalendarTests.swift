import BytekModel
import Testing

/// Working days over Peru's calendar, counted by hand on the 2026–2027 calendar.
@Suite struct WorkingCalendarTests {
    static func day(_ text: String) -> LocalDate { LocalDate(text)! }
    static let peru = try! WorkingCalendar.peru(years: 2025...2027)

    @Test func weekendsAndHolidaysAreNotWorked() {
        let c = Self.peru
        #expect(c.isWorkingDay(Self.day("2026-04-01")))         // miércoles santo
        #expect(!c.isWorkingDay(Self.day("2026-04-02")))        // Jueves Santo
        #expect(!c.isWorkingDay(Self.day("2026-04-03")))        // Viernes Santo
        #expect(!c.isWorkingDay(Self.day("2026-04-04")))        // sábado
        #expect(c.isWorkingDay(Self.day("2026-04-06")))
        #expect(!c.isWorkingDay(Self.day("2026-07-28")))
    }

    @Test func addAndSubtractSkipHolyWeek() throws {
        let c = Self.peru
        // mié 01/04 + 1 → (jue, vie santos, sáb, dom) → lun 06/04.
        #expect(try c.add(workingDays: 1, to: Self.day("2026-04-01")) == Self.day("2026-04-06"))
        #expect(try c.subtract(workingDays: 1, from: Self.day("2026-04-06")) == Self.day("2026-04-01"))
        #expect(try c.add(workingDays: 0, to: Self.day("2026-04-04")) == Self.day("2026-04-04"))
        // Fiestas Patrias 2026: jue 23 (FAP), mar 28 y mié 29. From lun 20/07, 5 working days: 21, 22, 24, 27, 30.
        #expect(try c.add(workingDays: 5, to: Self.day("2026-07-20")) == Self.day("2026-07-30"))
        #expect(try c.subtract(workingDays: 5, from: Self.day("2026-07-30")) == Self.day("2026-07-20"))
    }

    @Test func countsBothEndsIncluded() throws {
        let c = Self.peru
        // December 2026: 23 weekdays, less mar 08, mié 09 and vie 25.
        #expect(try c.workingDays(between: Self.day("2026-12-01"), and: Self.day("2026-12-31")) == 20)
        #expect(try c.workingDays(between: Self.day("2026-04-02"), and: Self.day("2026-04-05")) == 0)
        #expect(try c.workingDays(between: Self.day("2026-04-06"), and: Self.day("2026-04-06")) == 1)
        #expect(throws: CalendarError.rangeReversed(from: Self.day("2026-12-31"), to: Self.day("2026-12-01"))) {
            try c.workingDays(between: Self.day("2026-12-31"), and: Self.day("2026-12-01"))
        }
    }

    @Test func lastWorkingDayOnOrBeforeAcrossTheYearEnd() throws {
        let c = Self.peru
        // vie 01/01/2027 Año Nuevo → jue 31/12/2026.
        #expect(try c.lastWorkingDay(onOrBefore: Self.day("2027-01-03")) == Self.day("2026-12-31"))
        #expect(try c.lastWorkingDay(onOrBefore: Self.day("2026-12-31")) == Self.day("2026-12-31"))
        #expect(try c.nextWorkingDay(onOrAfter: Self.day("2026-12-25")) == Self.day("2026-12-28"))
    }

    @Test func limitsAreRefusedWithSpanishMessages() throws {
        let c = try WorkingCalendar.peru(years: 2020...2069)
        let start = Self.day("2026-01-05")
        #expect(throws: CalendarError.negativeDays(field: "días hábiles")) { try c.add(workingDays: -1, to: start) }
        #expect(throws: CalendarError.tooManyDays(field: "días hábiles", max: 10_000)) {
            try c.add(workingDays: 10_001, to: start)
        }
        // 10,000 working days is about 41 years: within 2020–2069.
        let far = try c.add(workingDays: 10_000, to: start)
        #expect(far.year == 2066 || far.year == 2067)
        #expect(try c.subtract(workingDays: 10_000, from: far) == start)
        #expect(CalendarError.tooManyDays(field: "días hábiles", max: 10_000).message
                == "días hábiles: use a lo más 10000 días hábiles")
        // Past the years loaded it stops instead of treating them as holiday-free.
        #expect(throws: CalendarError.outsideCalendar(Self.day("2028-01-01"))) {
            try Self.peru.add(workingDays: 400, to: Self.day("2027-06-01"))
        }
        #expect(CalendarError.outsideCalendar(Self.day("2028-01-01")).message.hasPrefix("calendario: el 01/01/2028 está fuera"))
    }
}
