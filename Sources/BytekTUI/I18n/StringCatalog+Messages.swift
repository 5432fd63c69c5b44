extension StringCatalog {
    /// Messages to customers: the customer's messages pane and the quote builder's e-mail.
    static let messages: [String: (es: String, en: String)] = [
        "msg.list.title": ("Mensajes de {0}", "Messages of {0}"),
        "msg.list.empty": ("No se le ha enviado ningún mensaje.", "No message was sent to this customer."),
        "msg.list.fallback": ("por correo, en lugar del WhatsApp {0}", "by e-mail, instead of WhatsApp message {0}"),
        "msg.list.template": ("plantilla {0}", "template {0}"),
        "msg.col.date": ("Fecha", "Date"),
        "msg.col.channel": ("Canal", "Channel"),
        "msg.col.purpose": ("Motivo", "Purpose"),
        "msg.col.reference": ("Referencia", "Reference"),
        "msg.col.to": ("Para", "To"),
        "msg.col.status": ("Estado", "Status"),
        "msg.customers.key": ("Mensajes", "Messages"),
        "msg.customers.help": ("Ver los correos y WhatsApp enviados al cliente elegido", "See the e-mails and WhatsApp messages sent to the customer"),
        "msg.quote.key": ("Enviar", "E-mail"),
        "msg.quote.help": ("Enviar por correo el PDF de esta versión al cliente", "E-mail this version's PDF to the customer"),
        "msg.quote.title": ("Enviar cotización por correo", "E-mail the quote"),
        "msg.quote.prompt": ("Para (correos separados por comas) — {0} v{1}:", "To (comma-separated e-mails) — {0} v{1}:"),
        "msg.quote.hint": ("Enter envía el PDF; el trabajador lo despacha y queda en los mensajes del cliente.",
                           "Enter queues the PDF; the worker sends it and it is logged on the customer."),
        "msg.quote.confirm": ("Enviar", "Send"),
        "msg.quote.empty": ("Destinatarios: indique al menos un correo.", "Recipients: give at least one e-mail."),
        "msg.quote.queued": ("Cotización {0} en cola para {1}.", "Quote {0} queued for {1}."),
    ]
}
