import BytekModel

extension Operation {
    /// Cobranzas: the open receivables of every customer, aging, payments and bank accounts (staff).
    static let receivableView = Operation("cobranzas.ver", .receivables, .read)
    /// One customer's receivables, balance, credit and estado de cuenta: staff who read Cobranzas, and a
    /// customer's contact for its own customer only (the portal).
    static let receivableStatement = Operation("cobranzas.estadocuenta", .receivables, .read, contacts: true)
    static let paymentRecord = Operation("cobranzas.registrarpago", .receivables, .write)
    static let paymentReverse = Operation("cobranzas.revertirpago", .receivables, .write)
    static let detraccionRecord = Operation("cobranzas.detraccion", .receivables, .write)
    static let retentionRecord = Operation("cobranzas.retencion", .receivables, .write)
    static let bankAccountManage = Operation("cobranzas.cuentas", .receivables, .write)

    /// The operations of Cobranzas, in the order the matrix prints them.
    public static let receivableOperations = [receivableView, receivableStatement, paymentRecord, paymentReverse,
                                              detraccionRecord, retentionRecord, bankAccountManage]
}
