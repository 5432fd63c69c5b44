import BytekModel

extension Operation {
    /// What the next run will bill, the last runs and their failures.
    static let recurringView = Operation("recurrentes.ver", .recurring, .read, worker: true)
    /// Issues the periods due (the worker's daily job; finanzas and admin by hand).
    static let recurringRun = Operation("recurrentes.facturar", .recurring, .write, worker: true)
    /// Pause, resume, cancel at period end, price change, billing day, timing and currency of a subscription.
    static let recurringEdit = Operation("recurrentes.editar", .recurring, .write)

    /// The operations of recurring billing, in the order the matrix prints them.
    public static let recurringOperations = [recurringView, recurringRun, recurringEdit]
}
