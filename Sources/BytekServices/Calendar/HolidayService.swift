import BytekModel
import BytekStore
import Foundation

extension HolidayRepository: ActingRepository {}

/// Peru's holidays and the working calendar, for an actor: everyone reads them and counts working
/// days; the admin adds and removes the days declared by decree. The law's days of a year are written
/// to the table the first time the year is read.
public struct HolidayService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: HolidayRepository { services.acting(HolidayRepository.self) }

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LocalDate(services.now(), in: ExchangeRateService.lima) }

    /// The holidays of `year` (the law's and those added by decree), in date order.
    public func list(year: Int) throws -> [Holiday] {
        try actor.authorize(.holidayView)
        let span = try WorkingCalendar.span(year...year)
        try repository.ensureYears(year...year)
        return try repository.list(from: span.lowerBound, to: span.upperBound)
    }

    /// The working calendar of whole `years`.
    public func calendar(years: ClosedRange<Int>) throws -> WorkingCalendar {
        try actor.authorize(.holidayView)
        return try repository.calendar(years: years)
    }

    /// The working days from `from` to `to`, both included.
    public func workingDays(from: LocalDate, to: LocalDate) throws -> Int {
        try actor.authorize(.holidayView)
        return try repository.calendar(from: from, to: to).workingDays(between: from, and: to)
    }

    /// A template's steps counted back from the promised date (the last one due on it, or on the
    /// last working day before it).
    public func scheduleBackwards(_ template: ProjectTemplate, promised: LocalDate) throws -> TemplateSchedule {
        try actor.authorize(.holidayView)
        try template.validate()
        let first = max(PeruHolidays.years.lowerBound, promised.year - Self.yearsSpanned(template.totalWorkingDays))
        return try TemplateSchedule.backwards(template, promised: promised,
                                              calendar: repository.calendar(years: first...promised.year))
    }

    /// A template's steps counted forwards from `start`.
    public func scheduleForwards(_ template: ProjectTemplate, from start: LocalDate) throws -> TemplateSchedule {
        try actor.authorize(.holidayView)
        try template.validate()
        let last = min(PeruHolidays.years.upperBound, start.year + Self.yearsSpanned(template.totalWorkingDays))
        return try TemplateSchedule.forwards(template, from: start, calendar: repository.calendar(years: start.year...last))
    }

    /// Adds a day declared non-working by decree (admin).
    @discardableResult
    public func add(day: LocalDate, name: String, decree: String) throws -> Holiday {
        try actor.authorize(.holidayEdit)
        return try repository.add(day: day, name: name, decree: decree)
    }

    /// Removes a day added by decree (admin); the law's days are refused.
    @discardableResult
    public func remove(day: LocalDate) throws -> Holiday {
        try actor.authorize(.holidayEdit)
        return try repository.remove(day: day)
    }

    /// A day typed by a user (`2026-12-24`), within the years kept; `field` names it in the message.
    public static func day(_ text: String, field: String = "fecha") throws(CalendarError) -> LocalDate {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let d = LocalDate(t) else { throw .invalidDay(field: field, text: text) }
        guard PeruHolidays.years.contains(d.year) else { throw .yearOutOfRange(String(d.year)) }
        return d
    }

    /// A year typed by a user (`2026`), within the years kept.
    public static func year(_ text: String) throws(CalendarError) -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count <= 4, t.allSatisfy(\.isASCII), let y = Int(t), PeruHolidays.years.contains(y) else {
            throw .yearOutOfRange(text)
        }
        return y
    }

    /// Whole years a count of working days can span, with room to spare (a year has about 245).
    static func yearsSpanned(_ workingDays: Int) -> Int { workingDays / 200 + 1 }
}

extension Services {
    public var holidays: HolidayService { HolidayService(services: self) }
}
