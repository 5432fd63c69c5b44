import BytekModel

extension Operation {
    /// Who sees which months are closed: those who keep the sales register (finanzas, admin).
    static let periodView = Operation("periodo.ver", .salesRegister, .read)
    /// Closing a month once its register is filed in SIRE: finanzas and admin.
    static let periodClose = Operation("periodo.cerrar", .salesRegister, .write)
    /// Reopening a closed month is an admin act, with its reason.
    static let periodReopen = Operation("periodo.reabrir", .salesRegister, .write, rule: { $0 == .admin })

    /// The operations of the period close, in the order the matrix prints them.
    public static let periodOperations = [periodView, periodClose, periodReopen]
}
