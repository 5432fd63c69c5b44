import BytekModel

extension Operation {
    /// The document list (a contact's holds only its own customer's documents).
    static let invoiceList = Operation("comprobante.listar", .billing, .read, contacts: true)
    /// SUNAT status counts and the RC/RA batches: staff only.
    static let invoiceOverview = Operation("comprobante.estado", .billing, .read)
    /// One document with its lines and SUNAT's answer; a contact opens its own customer's documents.
    static let invoiceView = Operation("comprobante.ver", .billing, .read, contacts: true)
    /// The signed XML and SUNAT's CDR of one document, as stored.
    static let invoiceXML = Operation("comprobante.xml", .billing, .read, contacts: true)
    /// The printed representation (A4 or 80 mm ticket).
    static let invoicePDF = Operation("comprobante.pdf", .billing, .read, contacts: true)
    /// SUNAT's rules run on a stored document (`bytek invoice check`).
    static let invoiceCheck = Operation("comprobante.revisar", .billing, .read)
    /// A factura or boleta typed by hand or taken from an accepted quote.
    static let invoiceIssue = Operation("comprobante.emitir", .billing, .write)
    /// A credit or debit note on an accepted document.
    static let invoiceNote = Operation("comprobante.nota", .billing, .write)
    /// The baja of an accepted document (comunicación de baja or resumen diario).
    static let invoiceVoid = Operation("comprobante.anular", .billing, .write)
    /// The send job of a document put back in line now.
    static let invoiceRetry = Operation("comprobante.reenviar", .billing, .write)
    /// The resumen diario queued now instead of at its schedule.
    static let invoiceSummary = Operation("comprobante.resumen", .billing, .write)
    /// The company profile printed on documents: every member of staff reads it.
    static let companyView = Operation("empresa.ver", .billing, .none)
    static let companyEdit = Operation("empresa.editar", .billing, .write, rule: { $0 == .admin })
    /// The e-invoicing settings (issuer, series, environment, rules folder; secrets stay in the secrets file).
    static let billingSettingsView = Operation("facturacion.ajustes_ver", .billing, .read)
    static let billingSettingsEdit = Operation("facturacion.ajustes_editar", .billing, .write, rule: { $0 == .admin })

    /// The operations of Facturación, the company profile and the e-invoicing settings.
    public static let billingOperations = [
        invoiceList, invoiceOverview, invoiceView, invoiceXML, invoicePDF, invoiceCheck, invoiceIssue, invoiceNote, invoiceVoid,
        invoiceRetry, invoiceSummary, companyView, companyEdit, billingSettingsView, billingSettingsEdit,
    ]
}
