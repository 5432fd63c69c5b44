extension Schema {
    /// The customer message outbox (issue 12): every e-mail and WhatsApp message to a customer, its sending state
    /// and the provider's id; the WhatsApp status reports already applied (deduplicated on (wamid, status)); and
    /// each customer's choice for e-mailing its accepted documents.
    static let messaging = """
    CREATE TABLE customer_message(
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        channel TEXT NOT NULL CHECK (channel IN ('correo','whatsapp')),
        purpose TEXT NOT NULL,
        reference TEXT NOT NULL DEFAULT '',
        recipients TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        template TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        parameters TEXT NOT NULL DEFAULT '[]',
        attachments TEXT NOT NULL DEFAULT '[]',
        fallback TEXT NOT NULL DEFAULT '',
        fallback_of INTEGER UNIQUE REFERENCES customer_message(id),
        status TEXT NOT NULL DEFAULT 'pendiente' CHECK (status IN ('pendiente','enviado','entregado','leido','fallido')),
        error TEXT NOT NULL DEFAULT '',
        provider_id TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        sent_at TEXT NOT NULL DEFAULT '',
        delivered_at TEXT NOT NULL DEFAULT '',
        read_at TEXT NOT NULL DEFAULT '',
        failed_at TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX customer_message_by_customer ON customer_message(customer_id, id);
    CREATE UNIQUE INDEX customer_message_by_provider ON customer_message(provider_id) WHERE provider_id <> '';

    CREATE TABLE message_status_report(
        provider_id TEXT NOT NULL,
        status TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (provider_id, status)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE customer_document_mail(
        customer_id INTEGER PRIMARY KEY REFERENCES customer(id),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        recipients TEXT NOT NULL DEFAULT '',
        attach_pdf INTEGER NOT NULL DEFAULT 1 CHECK (attach_pdf IN (0, 1)),
        attach_xml INTEGER NOT NULL DEFAULT 1 CHECK (attach_xml IN (0, 1)),
        attach_cdr INTEGER NOT NULL DEFAULT 1 CHECK (attach_cdr IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
    ) STRICT;
    """
}
