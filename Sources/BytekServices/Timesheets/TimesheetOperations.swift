import BytekModel

extension Operation {
    /// One's own week, entries, timer and what one can log on: everyone who logs hours (all staff but almacén).
    static let timesheetView = Operation("horas.ver", .timesheets, .read)
    /// Log, correct and delete one's OWN hours, fill the grid, copy last week's rows, send the week, run the timer.
    static let timesheetLog = Operation("horas.registrar", .timesheets, .write)
    /// Approve sent weeks: operaciones and admin any week; a técnico who manages projects only weeks whose
    /// every hour is on projects they manage (the service checks the project's manager).
    static let timesheetApprove = Operation("horas.aprobar", .timesheets, .write,
                                            rule: { [.admin, .operaciones, .tecnico].contains($0) })
    /// Reopen an approved week (its frozen cost rates are cleared): admin.
    static let timesheetReopen = Operation("horas.reabrir", .timesheets, .write, rule: adminOnly)
    /// See and set people's cost rates: admin and finanzas only (hidden from everyone else).
    static let timesheetRates = Operation("horas.tarifas", .timesheets, .write, rule: { [.admin, .finanzas].contains($0) })

    /// The operations of timesheets, in the order the matrix prints them.
    public static let timesheetOperations = [timesheetView, timesheetLog, timesheetApprove, timesheetReopen, timesheetRates]
}
