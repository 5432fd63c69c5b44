import BytekModel
import Foundation

/// People's cost rates (`cost_rate`): in force from a day on. Reading is free here; the service decides who sees them.
public struct CostRateStore: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// `login`'s rates, oldest first.
    public func rates(login: String) throws -> [CostRate] {
        try db.query("SELECT * FROM cost_rate WHERE login = ? ORDER BY from_date", [.text(login)]).compactMap(Self.rate)
    }

    /// Every rate, by person then date.
    public func all() throws -> [CostRate] {
        try db.query("SELECT * FROM cost_rate ORDER BY login, from_date").compactMap(Self.rate)
    }

    static func rate(_ r: Row) -> CostRate? {
        guard let d = LocalDate(r.string("from_date")) else { return nil }
        return CostRate(login: r.string("login"), from: d, rate: Money(minorUnits: r.int("rate_cents"), .pen))
    }
}

extension TimesheetRepository {
    /// Sets `login`'s cost rate from `from` on (replacing a rate set for that same day). Frozen weeks keep theirs.
    @discardableResult
    public func setRate(login: String, from: LocalDate, rate: Money) throws -> CostRate {
        try db.write {
            guard try db.queryOne("SELECT 1 FROM app_user WHERE login = ? AND active = 1", [.text(login)]) != nil else {
                throw TimesheetError.unknownPerson(login)
            }
            let value = CostRate(login: login, from: from, rate: rate.rounded())
            let before = try db.queryOne("SELECT * FROM cost_rate WHERE login = ? AND from_date = ?",
                                         [.text(login), .text(from.description)]).flatMap(CostRateStore.rate)
            try db.execute("""
                INSERT INTO cost_rate(login, from_date, rate_cents, set_by, set_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(login, from_date) DO UPDATE SET rate_cents = excluded.rate_cents, set_by = excluded.set_by,
                    set_at = excluded.set_at
                """, [.text(login), .text(from.description), .int(value.rate.minorUnits), .text(user), .text(stamp)])
            try audit.append(entity: Self.rateEntity, entityId: nil, action: before == nil ? .create : .update,
                             summary: "Tarifa de costo de \(login) desde el \(from): \(value.rate.formatted) por hora",
                             before: before, after: value)
            return value
        }
    }

    // MARK: the timer

    public func timer(login: String) throws -> TimesheetTimer? {
        guard let r = try db.queryOne("""
            SELECT t.*, p.code FROM timesheet_timer t JOIN project p ON p.id = t.project_id WHERE t.login = ?
            """, [.text(login)]), let started = ISOTimestamp.parse(r.string("started_at")) else { return nil }
        var key = TimesheetRowKey(projectId: r.int("project_id"), taskId: r["task_id"].intValue)
        if let t = key.taskId { key.milestoneId = try task(t)?.milestoneId }
        return TimesheetTimer(login: login, key: key, projectCode: r.string("code"), note: r.string("note"), startedAt: started)
    }

    /// Starts `login`'s timer on `key` (a running one is stopped first and its time logged). Returns the
    /// entries the stopped timer logged.
    @discardableResult
    public func startTimer(login: String, key: TimesheetRowKey, note: String, zone: TimeZone) throws -> [TimesheetEntry] {
        let note = try Self.checkNote(note)
        return try db.write {
            let logged = try timer(login: login) == nil ? [] : try stopTimer(login: login, zone: zone)
            let r = try resolve(key)
            try db.execute("INSERT INTO timesheet_timer(login, project_id, task_id, note, started_at) VALUES (?, ?, ?, ?, ?)",
                           [.text(login), .int(r.key.projectId), r.key.taskId.map { .int($0) } ?? .null, .text(note), .text(stamp)])
            try audit.append(entity: Self.entryEntity, entityId: nil, action: .create,
                             summary: "\(login): cronómetro iniciado en \(r.project.code)")
            return logged
        }
    }

    /// Stops `login`'s timer and logs its time: rounded up to the minute, one entry per Lima day, at most 24 h.
    @discardableResult
    public func stopTimer(login: String, zone: TimeZone) throws -> [TimesheetEntry] {
        try db.write {
            guard let t = try timer(login: login) else { throw TimesheetError.noTimer }
            try db.execute("DELETE FROM timesheet_timer WHERE login = ?", [.text(login)])
            var logged: [TimesheetEntry] = []
            for part in TimerSplit.split(start: t.startedAt, end: now(), zone: zone) {
                logged.append(try insert(login: login, day: part.day, key: t.key, minutes: part.minutes, note: t.note,
                                         summaryPrefix: "cronómetro · "))
            }
            return logged
        }
    }

    /// Drops `login`'s timer without logging anything.
    public func discardTimer(login: String) throws {
        try db.write {
            guard let t = try timer(login: login) else { throw TimesheetError.noTimer }
            try db.execute("DELETE FROM timesheet_timer WHERE login = ?", [.text(login)])
            try audit.append(entity: Self.entryEntity, entityId: nil, action: .delete,
                             summary: "\(login): cronómetro descartado en \(t.projectCode)")
        }
    }
}
