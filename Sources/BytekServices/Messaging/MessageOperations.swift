import BytekModel

extension Operation {
    /// A customer's messages (e-mails and WhatsApp) and how each went: whoever reads customers.
    public static let messageView = Operation("mensajes.ver", .customers, .read)
    /// E-mails a quote's PDF to the customer (from the quote builder or `bytek cotizacion enviar`).
    public static let messageSend = Operation("mensajes.enviar", .quotes, .write)
    /// Sends what the outbox holds (attachments resolved, statuses recorded, WhatsApp reports applied): the worker
    /// only (the web door's WhatsApp webhook acts as the worker too).
    public static let messageDeliver = Operation("mensajes.despachar", .customers, .write, worker: true, rule: { _ in false })
    /// E-mails an accepted document with its PDF, XML and CDR (the worker does it on acceptance), and sets each
    /// customer's preference for it.
    public static let documentSend = Operation("comprobantes.enviar", .billing, .write, worker: true)

    /// The operations of the message outbox, in the order the matrix prints them.
    public static let messageOperations = [messageView, messageSend, messageDeliver, documentSend]
}
