import BytekModel

extension Operation {
    /// What holds a project (the payment gate), its lifts, the blocked projects of the lists and the
    /// alarms ("Mis pendientes"): whoever reads Proyectos, and the worker.
    static let gateView = Operation("compuerta.ver", .projects, .read, worker: true)
    /// Lifting the gate early (with a reason and an end date) and ending a lift: finanzas and admin.
    static let gateLift = Operation("compuerta.levantar", .projects, .write, rule: { [.admin, .finanzas].contains($0) })
    /// The daily alarms e-mailed to each manager (the worker's job at 07:45 Lima; admin "run now").
    static let projectAlarms = Operation("proyectos.alarmas", .projects, .write, worker: true, rule: { $0 == .admin })
    /// The daily e-mails of the cards that will miss their date (the worker's job at 07:30 Lima; admin "run now").
    static let projectLateMail = Operation("proyectos.atrasos", .projects, .write, worker: true, rule: { $0 == .admin })

    /// The operations of the payment gate, in the order the matrix prints them.
    public static let gateOperations = [gateView, gateLift, projectAlarms, projectLateMail]
}
