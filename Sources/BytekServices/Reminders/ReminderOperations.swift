import BytekModel

extension Operation {
    /// Policies, a customer's reminder settings and history, what goes out today: who reads Cobranzas, and the worker.
    static let reminderView = Operation("recordatorios.ver", .receivables, .read, worker: true)
    /// Edit the policies and their levels (templates): finanzas and admin.
    static let reminderPolicy = Operation("recordatorios.politica", .receivables, .write)
    /// Pause a customer, record a promise to pay or a dispute, give it another policy: finanzas, admin and
    /// ventas (the account executive often hears the promise or the complaint first).
    static let reminderCustomer = Operation("recordatorios.cliente", .receivables, .write,
                                            rule: { [.admin, .finanzas, .ventas].contains($0) })
    /// Queue the reminders due (the worker's daily job at 08:00 Lima; finanzas and admin "run now").
    static let reminderSend = Operation("recordatorios.enviar", .receivables, .write, worker: true)

    /// The operations of reminders, in the order the matrix prints them.
    public static let reminderOperations = [reminderView, reminderPolicy, reminderCustomer, reminderSend]
}
