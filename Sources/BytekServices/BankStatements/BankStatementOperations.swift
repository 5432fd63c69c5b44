import BytekModel

extension Operation {
    /// Importing a bank statement (and remembering the bank's columns): finanzas and admin.
    static let statementImport = Operation("banco.importar", .receivables, .write)
    /// The pending lines with their suggestions: whoever reads Cobranzas.
    static let statementView = Operation("banco.conciliar", .receivables, .read)
    /// Accepting a suggestion (records the payment) or discarding a line: finanzas and admin.
    static let statementResolve = Operation("banco.aceptar", .receivables, .write)

    /// The operations of the bank statements, in the order the matrix prints them.
    public static let statementOperations = [statementImport, statementView, statementResolve]
}
