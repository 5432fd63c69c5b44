import BytekModel

extension Operation {
    /// The quote list; a contact sees only its own customer's quotes (the portal's "sus cotizaciones").
    public static let quoteList = Operation("cotizacion.listar", .quotes, .read, contacts: true)
    /// A quote version with its versions; a contact only one of its own customer.
    public static let quoteView = Operation("cotizacion.ver", .quotes, .read, contacts: true)
    public static let quoteCreate = Operation("cotizacion.crear", .quotes, .write)
    public static let quoteEdit = Operation("cotizacion.editar", .quotes, .write)
    public static let quoteSend = Operation("cotizacion.enviar", .quotes, .write)
    public static let quoteNewVersion = Operation("cotizacion.versionar", .quotes, .write)
    /// Accepting also moves the deal to won, fixes the milestone amounts and creates the subscriptions.
    public static let quoteAccept = Operation("cotizacion.aceptar", .quotes, .write)
    public static let quoteReject = Operation("cotizacion.rechazar", .quotes, .write)
    public static let quoteReopen = Operation("cotizacion.reabrir", .quotes, .write)
    /// Sent versions past their validity become vencida: the daily job, or whoever may change quotes.
    public static let quoteExpire = Operation("cotizacion.vencer", .quotes, .write, worker: true)
    public static let quotePDF = Operation("cotizacion.pdf", .quotes, .read, contacts: true)
    public static let contractList = Operation("contrato.listar", .quotes, .read)
    /// Records the contract of an accepted version (numbered once; later calls find it).
    public static let contractRecord = Operation("contrato.registrar", .quotes, .write)
    /// The PDF of a recorded contract.
    public static let contractPDF = Operation("contrato.pdf", .quotes, .read, contacts: true)
    public static let subscriptionList = Operation("suscripcion.listar", .quotes, .read)

    /// The operations on quotes, contracts and subscriptions, in the order the matrix prints them.
    public static let quoteOperations = [
        quoteList, quoteView, quoteCreate, quoteEdit, quoteSend, quoteNewVersion, quoteAccept, quoteReject, quoteReopen,
        quoteExpire, quotePDF, contractList, contractRecord, contractPDF, subscriptionList,
    ]
}
