import BytekModel

extension Operation {
    /// A customer's saved cards, charge attempts and what a card may pay: staff who read Cobranzas (finanzas,
    /// ventas…), and a contact for its own customer (the portal).
    static let cardView = Operation("tarjetas.ver", .receivables, .read, contacts: true)
    /// Saving a card (the gateway's form) and autopay on/off: a contact for its own customer; finanzas, admin.
    static let cardSave = Operation("tarjetas.guardar", .receivables, .write, contacts: true)
    static let cardRemove = Operation("tarjetas.quitar", .receivables, .write, contacts: true)
    /// Charging a saved card now (staff).
    static let chargeNow = Operation("cobros.cobrar", .receivables, .write)
    /// A contact paying its own customer's open documents through the gateway's form ("Pagar ahora"); also staff.
    static let chargePay = Operation("cobros.pagar", .receivables, .write, contacts: true)
    static let chargeRefund = Operation("cobros.reembolsar", .receivables, .write)
    /// Gateway payouts: record, match to the bank statement (commission as a cost).
    static let chargePayout = Operation("cobros.liquidacion", .receivables, .write)
    /// The daily automatic charges and the sweep of unanswered attempts: the worker, and finanzas by hand.
    static let chargeAutomatic = Operation("cobros.automatico", .receivables, .write, worker: true,
                                           rule: { $0 == .finanzas || $0 == .admin })
    /// A gateway's notification (IPN), processed unattended: its signature is checked before anything.
    static let chargeNotification = Operation("cobros.aviso", .receivables, .write, worker: true, rule: { _ in false })
    /// Which bank account stands for each gateway, the retry days of declined automatic charges.
    static let chargeSettings = Operation("cobros.configurar", .receivables, .write)

    /// The operations of the charge engine, in the order the matrix prints them.
    public static let cardOperations = [cardView, cardSave, cardRemove, chargeNow, chargePay, chargeRefund, chargePayout,
                                        chargeAutomatic, chargeNotification, chargeSettings]
}
