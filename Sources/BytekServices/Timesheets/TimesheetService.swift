import BytekModel
import BytekStore
import Foundation

extension TimesheetRepository: ActingRepository {}

/// Timesheets (issue 13 §4), for an actor: staff log their OWN hours (only hours and a note: the role,
/// billable and rates come from the project), fill the week grid, copy last week's rows, send the week and
/// run one timer; managers approve (rates frozen); admin reopens; admin and finanzas keep cost rates,
/// which nobody else sees (entries read by others carry no rate).
public struct TimesheetService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: TimesheetRepository { services.acting(TimesheetRepository.self) }

    /// Lima, where days start (Peru keeps no daylight saving).
    public static let zone = ExchangeRateService.lima

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LocalDate(services.now(), in: Self.zone) }

    /// The acting person's login (staff only; a contact or the worker has no hours).
    var me: String {
        get throws {
            guard case .staff(let login, _) = actor.kind else { throw ServiceError.forbidden(operation: "horas.registrar", role: actor.role) }
            return login
        }
    }

    /// Whether the actor may see cost rates (admin, finanzas).
    public var seesRates: Bool { Operation.timesheetRates.allows(actor) }

    // MARK: reading

    /// The actor's week (any day of it) as a grid.
    public func grid(week: LocalDate) throws -> TimesheetGrid {
        try actor.authorize(.timesheetView)
        return try repository.grid(login: me, week: TimesheetEntry.week(of: week))
    }

    /// Another person's week, for whoever approves (or the person themself).
    public func grid(login: String, week: LocalDate) throws -> TimesheetGrid {
        if try login == me { return try grid(week: week) }
        try actor.authorize(.timesheetApprove)
        return try repository.grid(login: login, week: TimesheetEntry.week(of: week))
    }

    /// The actor's entries of a week; cost rates left out unless the actor may see them.
    public func entries(week: LocalDate) throws -> [TimesheetEntry] {
        try actor.authorize(.timesheetView)
        return try repository.entries(login: me, week: TimesheetEntry.week(of: week)).map(hideRate)
    }

    /// The actor's entries of a day.
    public func entries(day: LocalDate) throws -> [TimesheetEntry] {
        try actor.authorize(.timesheetView)
        return try repository.entries(login: me, day: day).map(hideRate)
    }

    func hideRate(_ e: TimesheetEntry) -> TimesheetEntry {
        var e = e
        if !seesRates { e.costRate = nil }
        return e
    }

    /// What the actor can log on (for pickers): active projects and their open tasks; `assignedOnly`: only the
    /// tasks assigned to them (the technicians' phone page).
    public func targets(assignedOnly: Bool = false) throws -> [TimesheetTarget] {
        try actor.authorize(.timesheetView)
        return try repository.targets(login: me, assignedOnly: assignedOnly)
    }

    /// A project by its code ("PRY-2026-00012").
    public func project(code: String) throws -> TimesheetProjectRef {
        try actor.authorize(.timesheetView)
        guard let p = try repository.project(code: code) else { throw TimesheetError.projectNotFound(code) }
        return p
    }

    /// The actor's running timer.
    public func timer() throws -> TimesheetTimer? {
        try actor.authorize(.timesheetView)
        return try repository.timer(login: me)
    }

    // MARK: logging

    /// Logs the actor's hours: `duration` as typed (`1:30`, `1.5`, `90m`, `2h`), on `day` (today or before).
    @discardableResult
    public func log(day: LocalDate, on key: TimesheetRowKey, duration: String, note: String = "") throws -> TimesheetEntry {
        try actor.authorize(.timesheetLog)
        let minutes = try TimesheetDuration.parse(duration)
        try checkDay(day)
        try checkGate(key)
        return try hideRate(repository.log(login: me, day: day, key: key, minutes: minutes, note: note))
    }

    /// Sets a cell of the actor's grid to `duration` as typed ("" or "0" clears it).
    public func setCell(_ key: TimesheetRowKey, day: LocalDate, duration: String) throws {
        try actor.authorize(.timesheetLog)
        let t = duration.trimmingCharacters(in: .whitespaces)
        let minutes = (t.isEmpty || t == "0" || t == "0:00") ? 0 : try TimesheetDuration.parse(t)
        try checkDay(day)
        if minutes > 0 { try checkGate(key) }
        try repository.setCell(login: me, key: key, day: day, minutes: minutes)
    }

    /// Corrects one of the actor's entries.
    @discardableResult
    public func update(id: Int64, duration: String, note: String) throws -> TimesheetEntry {
        try actor.authorize(.timesheetLog)
        let minutes = try TimesheetDuration.parse(duration)
        return try hideRate(repository.update(id: id, login: me, minutes: minutes, note: note))
    }

    /// Deletes one of the actor's entries.
    @discardableResult
    public func delete(id: Int64) throws -> TimesheetEntry {
        try actor.authorize(.timesheetLog)
        return try hideRate(repository.delete(id: id, login: me))
    }

    /// Adds a row to the actor's week (no hours yet).
    @discardableResult
    public func addRow(_ key: TimesheetRowKey, week: LocalDate) throws -> Bool {
        try actor.authorize(.timesheetLog)
        return try repository.pinRow(login: me, week: TimesheetEntry.week(of: week), key: key)
    }

    /// Copies last week's ROWS (not hours) into the actor's week; returns how many rows were added.
    @discardableResult
    public func copyLastWeek(into week: LocalDate) throws -> Int {
        try actor.authorize(.timesheetLog)
        return try repository.copyLastWeek(login: me, week: TimesheetEntry.week(of: week))
    }

    /// Sends the actor's week for approval.
    public func submit(week: LocalDate) throws {
        try actor.authorize(.timesheetLog)
        try repository.submit(login: me, week: TimesheetEntry.week(of: week))
    }

    func checkDay(_ day: LocalDate) throws {
        if day > today { throw TimesheetError.futureDay(day) }
    }

    /// The payment gate: no hours on the tasks of a milestone held by an unpaid invoice.
    func checkGate(_ key: TimesheetRowKey) throws {
        var milestone = key.milestoneId
        if let t = key.taskId, let task = try repository.task(t) { milestone = task.milestoneId }
        try services.projectGate.check(projectId: key.projectId, milestoneId: milestone)
    }

    // MARK: approval

    /// Weeks sent and waiting: all of them for operaciones/admin, those of the projects they manage for a técnico.
    public func pendingWeeks() throws -> [TimesheetPendingWeek] {
        try actor.authorize(.timesheetApprove)
        return try repository.pendingWeeks(manager: approvesAll ? nil : me)
    }

    /// Approves `login`'s sent week: locked, each entry's cost rate frozen.
    public func approve(login: String, week: LocalDate) throws {
        try actor.authorize(.timesheetApprove)
        try repository.approve(login: login, week: TimesheetEntry.week(of: week), onlyManagedBy: approvesAll ? nil : me)
    }

    /// Reopens an approved week (admin).
    public func reopen(login: String, week: LocalDate) throws {
        try actor.authorize(.timesheetReopen)
        try repository.reopen(login: login, week: TimesheetEntry.week(of: week))
    }

    var approvesAll: Bool { actor.role == .admin || actor.role == .operaciones }

    // MARK: cost rates

    /// Sets `login`'s cost per hour from `from` (admin, finanzas).
    @discardableResult
    public func setRate(login: String, rate: String, from: LocalDate) throws -> CostRate {
        try actor.authorize(.timesheetRates)
        return try repository.setRate(login: login, from: from, rate: CostRate.parse(rate))
    }

    /// Cost rates (of `login`, or everyone's): admin and finanzas only.
    public func rates(login: String? = nil) throws -> [CostRate] {
        try actor.authorize(.timesheetRates)
        let store = CostRateStore(db: services.db)
        return try login.map { try store.rates(login: $0) } ?? store.all()
    }

    /// Entries of a person's week with their frozen rates (admin, finanzas).
    public func costedEntries(login: String, week: LocalDate) throws -> [TimesheetEntry] {
        try actor.authorize(.timesheetRates)
        return try repository.entries(login: login, week: TimesheetEntry.week(of: week))
    }

    // MARK: the timer

    /// Starts the actor's timer on `key` (a running one is stopped and logged first); returns what that logged.
    @discardableResult
    public func startTimer(_ key: TimesheetRowKey, note: String = "") throws -> [TimesheetEntry] {
        try actor.authorize(.timesheetLog)
        try checkGate(key)
        if let running = try repository.timer(login: me) { try checkGate(running.key) }
        return try repository.startTimer(login: me, key: key, note: note, zone: Self.zone).map(hideRate)
    }

    /// Stops the actor's timer and logs its time (rounded up to the minute, split at midnight, ≤ 24 h).
    @discardableResult
    public func stopTimer() throws -> [TimesheetEntry] {
        try actor.authorize(.timesheetLog)
        if let running = try repository.timer(login: me) { try checkGate(running.key) }
        return try repository.stopTimer(login: me, zone: Self.zone).map(hideRate)
    }

    /// Drops the actor's timer without logging.
    public func discardTimer() throws {
        try actor.authorize(.timesheetLog)
        try repository.discardTimer(login: me)
    }
}

extension Services {
    public var timesheets: TimesheetService { TimesheetService(services: self) }
}
