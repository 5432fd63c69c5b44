import BytekModel

extension Operation {
    /// Every member of staff reads the holidays and counts working days (due dates); so does the worker
    /// (the daily job that lists what will miss its date).
    static let holidayView = Operation("feriados.ver", .users, .read, worker: true, rule: { _ in true })
    /// The holiday table is the admin's (issue 13: "a table the admin keeps"): days added by decree.
    static let holidayEdit = Operation("feriados.editar", .users, .write, rule: adminOnly)

    /// The operations on the holiday table, in the order the matrix prints them.
    public static let holidayOperations = [holidayView, holidayEdit]
}
