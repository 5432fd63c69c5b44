import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The holiday table behind the operations: the law's days written once per year (idempotent), a day
/// added by decree moving a template's dates, the law's days kept, and nothing half-written on refusal.
@Suite struct HolidayServiceTests {
    /// 03/12/2026, 10:00 in Lima.
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_310_000) }

    final class World {
        let path = NSTemporaryDirectory() + "bytek-holidays-" + UUID().uuidString + ".sqlite"
        let store: Store
        init() throws { store = try Store(path: path) }
        deinit { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }

        func services(_ role: Role) -> Services {
            Services(store: store, actor: .staff(role.rawValue, role: role, door: .tui), now: HolidayServiceTests.now,
                     environment: { [:] })
        }
        func count(_ sql: String) throws -> Int64 { try store.db.scalar(sql).intValue ?? -1 }
    }

    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test func theLawsDaysAreWrittenOncePerYear() throws {
        let w = try World()
        let s = w.services(.tecnico)
        #expect(s.holidays.today == Self.day("2026-12-03"))
        #expect(try s.holidays.list(year: 2026).count == 16)
        #expect(try s.holidays.list(year: 2026).count == 16)
        _ = try s.holidays.calendar(years: 2025...2027)
        #expect(try w.count("SELECT count(*) FROM holiday") == 48)
        #expect(try w.count("SELECT count(*) FROM holiday WHERE origin = 'semana_santa'") == 6)
        #expect(try w.count("SELECT count(*) FROM audit_log WHERE entity = 'feriado'") == 3)
        #expect(try w.count("SELECT count(*) FROM holiday WHERE day = '2027-03-25' AND name = 'Jueves Santo'") == 1)
    }

    @Test func aDecreeDayMovesTheScheduleAndCanBeRemoved() throws {
        let w = try World()
        let admin = w.services(.admin)
        let landing = DefaultTemplates.landingPage
        let before = try admin.holidays.scheduleForwards(landing, from: Self.day("2026-12-24"))
        #expect(before.start == Self.day("2026-12-24") && before.due == Self.day("2027-01-05"))
        try admin.holidays.add(day: Self.day("2026-12-24"), name: "Día no laborable", decree: "D.S. 123-2026-PCM")
        let after = try admin.holidays.scheduleForwards(landing, from: Self.day("2026-12-24"))
        #expect(after.start == Self.day("2026-12-28") && after.due == Self.day("2027-01-06"))
        let back = try admin.holidays.scheduleBackwards(landing, promised: Self.day("2027-01-04"))
        #expect(back.entries.map(\.start.description) == ["2026-12-22", "2026-12-23", "2026-12-28", "2026-12-29", "2026-12-31", "2027-01-04"])
        #expect(try admin.holidays.workingDays(from: Self.day("2026-12-01"), to: Self.day("2026-12-31")) == 19)
        let removed = try admin.holidays.remove(day: Self.day("2026-12-24"))
        #expect(removed.origin == .decree && removed.decree == "D.S. 123-2026-PCM")
        #expect(try admin.holidays.workingDays(from: Self.day("2026-12-01"), to: Self.day("2026-12-31")) == 20)
    }

    @Test func refusalsLeaveNothingWritten() throws {
        let w = try World()
        let admin = w.services(.admin)
        _ = try admin.holidays.list(year: 2026)
        let rows = try w.count("SELECT count(*) FROM holiday")
        let audit = try w.count("SELECT count(*) FROM audit_log")
        #expect(throws: HolidayError.fixedByLaw(Self.day("2026-04-03"), name: "Viernes Santo", law: "D. Leg. 713")) {
            try admin.holidays.remove(day: Self.day("2026-04-03"))
        }
        #expect(throws: HolidayError.alreadyHoliday(Self.day("2026-07-28"), name: "Fiestas Patrias")) {
            try admin.holidays.add(day: Self.day("2026-07-28"), name: "Otro", decree: "D.S. 1-2026-PCM")
        }
        #expect(throws: CalendarError.required(field: "nombre")) {
            try admin.holidays.add(day: Self.day("2026-07-27"), name: "  ", decree: "D.S. 1-2026-PCM")
        }
        #expect(throws: ServiceError.self) {
            try w.services(.finanzas).holidays.add(day: Self.day("2026-07-27"), name: "Puente", decree: "D.S. 1-2026-PCM")
        }
        #expect(throws: CalendarError.outsideCalendar(Self.day("2200-01-01"))) {
            try admin.holidays.scheduleForwards(DefaultTemplates.landingPage, from: Self.day("2199-12-28"))
        }
        // Only 2199's law days were written (read for the schedule, with their one audit entry).
        #expect(try w.count("SELECT count(*) FROM holiday WHERE day < '2199'") == rows)
        #expect(try w.count("SELECT count(*) FROM holiday WHERE day > '2199' AND origin <> 'decreto'") == 16)
        #expect(try w.count("SELECT count(*) FROM audit_log") == audit + 1)
    }

    @Test func typedDaysAndYears() throws {
        #expect(throws: CalendarError.yearOutOfRange("99999")) { try HolidayService.year("99999") }
        #expect(throws: CalendarError.yearOutOfRange("２０２６")) { try HolidayService.year("２０２６") }
        #expect(throws: CalendarError.invalidDay(field: "desde", text: "2026-2-3")) { try HolidayService.day("2026-2-3", field: "desde") }
        #expect(throws: CalendarError.yearOutOfRange("1899")) { try HolidayService.day("1899-12-31") }
        #expect(try HolidayService.year(" 2026 ") == 2026)
    }
}
