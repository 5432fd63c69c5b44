/// Which days are worked: Monday to Friday, except the non-working days (holidays, days declared by
/// decree). It knows the holidays of `covers` only; counting past it throws `outsideCalendar` rather
/// than silently treating an unknown year as having no holidays.
public struct WorkingCalendar: Sendable, Hashable {
    /// The most working days one count may move (about 40 years): a bigger count is a typing error.
    public static let maxWorkingDays = 10_000

    public let nonWorking: Set<LocalDate>
    /// The days whose holidays are known.
    public let covers: ClosedRange<LocalDate>

    public init(nonWorking: Set<LocalDate>, covers: ClosedRange<LocalDate>) {
        self.nonWorking = nonWorking; self.covers = covers
    }

    /// The calendar of Peru's national holidays (no decrees) for `years`.
    public static func peru(years: ClosedRange<Int>) throws(CalendarError) -> WorkingCalendar {
        var days = Set<LocalDate>()
        for y in years { for h in try PeruHolidays.of(y) { days.insert(h.day) } }
        return WorkingCalendar(nonWorking: days, covers: try Self.span(years))
    }

    /// 1 January of the first year … 31 December of the last (years checked against `PeruHolidays.years`).
    public static func span(_ years: ClosedRange<Int>) throws(CalendarError) -> ClosedRange<LocalDate> {
        guard PeruHolidays.years.contains(years.lowerBound) else { throw .yearOutOfRange(String(years.lowerBound)) }
        guard PeruHolidays.years.contains(years.upperBound) else { throw .yearOutOfRange(String(years.upperBound)) }
        guard let first = LocalDate(year: years.lowerBound, month: 1, day: 1),
              let last = LocalDate(year: years.upperBound, month: 12, day: 31) else { throw .yearOutOfRange(String(years.lowerBound)) }
        return first...last
    }

    /// Whether `day` is worked: not Saturday or Sunday, not a non-working day.
    public func isWorkingDay(_ day: LocalDate) -> Bool {
        !day.isWeekend && !nonWorking.contains(day)
    }

    /// The day `workingDays` working days after `day` (`day` itself is not counted; 0 gives `day`).
    public func add(workingDays n: Int, to day: LocalDate) throws(CalendarError) -> LocalDate {
        try step(n, from: day, by: 1, field: "días hábiles")
    }

    /// The day `workingDays` working days before `day` (`day` itself is not counted; 0 gives `day`).
    public func subtract(workingDays n: Int, from day: LocalDate) throws(CalendarError) -> LocalDate {
        try step(n, from: day, by: -1, field: "días hábiles")
    }

    /// The working days from `start` to `end`, both included (0 when none is worked).
    public func workingDays(between start: LocalDate, and end: LocalDate) throws(CalendarError) -> Int {
        guard start <= end else { throw .rangeReversed(from: start, to: end) }
        try check(start); try check(end)
        var count = 0
        var d = start
        while d <= end {
            if isWorkingDay(d) { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }

    /// `day` if it is worked, else the last working day before it.
    public func lastWorkingDay(onOrBefore day: LocalDate) throws(CalendarError) -> LocalDate {
        try check(day)
        var d = day
        while !isWorkingDay(d) { d = d.adding(days: -1); try check(d) }
        return d
    }

    /// `day` if it is worked, else the first working day after it.
    public func nextWorkingDay(onOrAfter day: LocalDate) throws(CalendarError) -> LocalDate {
        try check(day)
        var d = day
        while !isWorkingDay(d) { d = d.adding(days: 1); try check(d) }
        return d
    }

    private func step(_ n: Int, from day: LocalDate, by delta: Int, field: String) throws(CalendarError) -> LocalDate {
        guard n >= 0 else { throw .negativeDays(field: field) }
        guard n <= Self.maxWorkingDays else { throw .tooManyDays(field: field, max: Self.maxWorkingDays) }
        try check(day)
        var d = day
        var left = n
        while left > 0 {
            d = d.adding(days: delta)
            try check(d)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    private func check(_ day: LocalDate) throws(CalendarError) {
        guard covers.contains(day) else { throw .outsideCalendar(day) }
    }
}
