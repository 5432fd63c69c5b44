import BytekModel
import Foundation

/// The `holiday` table the admin keeps: the law's days of each year (written once, the first time the
/// year is used) and the days added by decree. Each change is one transaction with its audit entry.
///
/// Removing: only days added by decree are removed. A holiday of the law (fixed or Holy Week) is not:
/// `ensureYear` would write it again, and a change of the law is a change of `PeruHolidays`.
public struct HolidayRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let auditEntity = "feriado"
    public static let maxName = 120
    public static let maxDecree = 60

    /// Writes the law's holidays of `year` that are missing (idempotent); returns how many it wrote.
    /// One audit entry per year that gained rows.
    @discardableResult
    public func ensureYear(_ year: Int) throws -> Int {
        let law = try PeruHolidays.of(year)
        return try db.write {
            var written = 0
            let at = ISOTimestamp.format(now())
            for h in law {
                try db.execute("""
                    INSERT INTO holiday(day, name, origin, decree, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(day) DO NOTHING
                    """, [.text(h.day.description), .text(h.name), .text(h.origin.rawValue), .text(h.decree),
                          .text(user), .text(at)])
                written += db.changes
            }
            if written > 0 {
                try AuditLog(db: db, user: user, door: door, now: now).append(
                    entity: Self.auditEntity, entityId: Int64(year), action: .create,
                    summary: "Feriados de ley de \(year) (\(written) días)")
            }
            return written
        }
    }

    /// Writes the law's holidays of every year in `years` that are missing.
    public func ensureYears(_ years: ClosedRange<Int>) throws {
        guard PeruHolidays.years.contains(years.lowerBound) else { throw CalendarError.yearOutOfRange(String(years.lowerBound)) }
        guard PeruHolidays.years.contains(years.upperBound) else { throw CalendarError.yearOutOfRange(String(years.upperBound)) }
        var stored: [Int: Int] = [:]
        for row in try db.query("""
            SELECT substr(day, 1, 4) AS y, count(*) AS n FROM holiday WHERE origin <> 'decreto' AND day BETWEEN ? AND ? GROUP BY y
            """, [.text("\(years.lowerBound)-01-01"), .text("\(years.upperBound)-12-31")]) {
            if let y = Int(row.string("y")) { stored[y] = Int(row.int("n")) }
        }
        for y in years {
            if try stored[y] != PeruHolidays.of(y).count { try ensureYear(y) }
        }
    }

    /// The holidays stored from `from` to `to`, both included, in date order.
    public func list(from: LocalDate, to: LocalDate) throws -> [Holiday] {
        try db.query("SELECT * FROM holiday WHERE day BETWEEN ? AND ? ORDER BY day",
                     [.text(from.description), .text(to.description)]).compactMap(Self.holiday)
    }

    public func get(_ day: LocalDate) throws -> Holiday? {
        try db.queryOne("SELECT * FROM holiday WHERE day = ?", [.text(day.description)]).flatMap(Self.holiday)
    }

    /// Adds a non-working day declared by decree (a feriado or a día no laborable): name and decree
    /// required. Refused on a day that already is a holiday.
    @discardableResult
    public func add(day: LocalDate, name: String, decree: String) throws -> Holiday {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let decree = decree.trimmingCharacters(in: .whitespacesAndNewlines)
        guard PeruHolidays.years.contains(day.year) else { throw CalendarError.yearOutOfRange(String(day.year)) }
        guard !name.isEmpty else { throw CalendarError.required(field: "nombre") }
        guard name.count <= Self.maxName else { throw CalendarError.textTooLong(field: "nombre", max: Self.maxName) }
        guard !decree.isEmpty else { throw CalendarError.required(field: "decreto (p. ej. D.S. 123-2026-PCM)") }
        guard decree.count <= Self.maxDecree else { throw CalendarError.textTooLong(field: "decreto", max: Self.maxDecree) }
        let holiday = Holiday(day: day, name: name, origin: .decree, decree: decree)
        try db.write {
            if let law = PeruHolidays.holiday(on: day) { throw HolidayError.alreadyHoliday(day, name: law.name) }
            if let stored = try get(day) { throw HolidayError.alreadyHoliday(day, name: stored.name) }
            try db.execute("""
                INSERT INTO holiday(day, name, origin, decree, added_by, added_at) VALUES (?, ?, 'decreto', ?, ?, ?)
                """, [.text(day.description), .text(name), .text(decree), .text(user), .text(ISOTimestamp.format(now()))])
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: Self.entityId(day), action: .create,
                summary: "Día no laborable \(day) «\(name)» (\(decree))", after: holiday)
        }
        return holiday
    }

    /// Removes a day added by decree; a holiday of the law is refused (`HolidayError.fixedByLaw`).
    @discardableResult
    public func remove(day: LocalDate) throws -> Holiday {
        try db.write {
            if let law = PeruHolidays.holiday(on: day) {
                throw HolidayError.fixedByLaw(day, name: law.name, law: law.decree)
            }
            guard let before = try get(day) else { throw HolidayError.notHoliday(day) }
            guard before.origin == .decree else { throw HolidayError.fixedByLaw(day, name: before.name, law: before.decree) }
            try db.execute("DELETE FROM holiday WHERE day = ?", [.text(day.description)])
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: Self.entityId(day), action: .delete,
                summary: "Quitado el día no laborable \(day) «\(before.name)» (\(before.decree))", before: before)
            return before
        }
    }

    /// The working calendar of `years` (their law's days are written first when missing).
    public func calendar(years: ClosedRange<Int>) throws -> WorkingCalendar {
        try ensureYears(years)
        let span = try WorkingCalendar.span(years)
        let days = try list(from: span.lowerBound, to: span.upperBound).map(\.day)
        return WorkingCalendar(nonWorking: Set(days), covers: span)
    }

    /// The working calendar covering `from`…`to` (whole years).
    public func calendar(from: LocalDate, to: LocalDate) throws -> WorkingCalendar {
        guard from <= to else { throw CalendarError.rangeReversed(from: from, to: to) }
        return try calendar(years: from.year...to.year)
    }

    /// The audit log's id of a day: 20261224.
    public static func entityId(_ day: LocalDate) -> Int64 { Int64(day.year * 10_000 + day.month * 100 + day.day) }

    static func holiday(_ row: Row) -> Holiday? {
        guard let day = LocalDate(row.string("day")), let origin = HolidayOrigin(rawValue: row.string("origin")) else { return nil }
        return Holiday(day: day, name: row.string("name"), origin: origin, decree: row.string("decree"))
    }
}
