import BytekModel

extension Operation {
    /// Letting a quote or a document go beyond the customer's credit limit, with a reason: finanzas and admin;
    /// the worker's unattended documents pass anyway, flagged for finanzas.
    static let creditOverride = Operation("credito.sobregiro", .receivables, .write, worker: true)

    /// Who gets the e-mail about documents the worker issued beyond a credit limit: finanzas and admin.
    static let creditAlerts = Operation("credito.avisos", .receivables, .write)

    /// The operations of the credit limit, in the order the matrix prints them.
    public static let creditOperations = [creditOverride, creditAlerts]
}
