extension Schema {
    /// v3: electronic documents (facturas, boletas, notes) exactly as signed and sent, their lines,
    /// SUNAT's answers. Correlatives per series come from the `numbering` table (v2), like quote numbers.
    ///
    /// `signed_xml` and `zip` are BLOBs holding the bytes as signed and sent: they are never rebuilt
    /// (a resend uses the stored zip). Money is INTEGER minor units; quantities and prices exact TEXT.
    static let v3 = """
    CREATE TABLE e_document(
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('01','03','07','08')),
        series TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99999999),
        issue_date TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issuer_ruc TEXT NOT NULL,
        customer_doc_type TEXT NOT NULL,
        customer_doc_number TEXT NOT NULL,
        customer_name TEXT NOT NULL,
        customer_address TEXT NOT NULL DEFAULT '',
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        taxable_cents INTEGER NOT NULL,
        igv_cents INTEGER NOT NULL,
        total_cents INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pendiente'
            CHECK (status IN ('pendiente','enviado','aceptado','observado','rechazado','anulado','error')),
        file_name TEXT NOT NULL,
        document_json TEXT NOT NULL,
        signed_xml BLOB NOT NULL,
        zip BLOB NOT NULL,
        digest_value TEXT NOT NULL,
        cdr_zip BLOB,
        response_code TEXT,
        response_description TEXT,
        observations TEXT NOT NULL DEFAULT '[]',
        ticket TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        quote_number TEXT,
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        answered_at TEXT,
        UNIQUE(series, number)
    ) STRICT;
    CREATE INDEX e_document_by_status ON e_document(status, id);
    CREATE INDEX e_document_by_issue ON e_document(issue_date, id);
    CREATE INDEX e_document_by_customer ON e_document(customer_doc_number, id);

    CREATE TABLE e_document_line(
        document_id INTEGER NOT NULL REFERENCES e_document(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        description TEXT NOT NULL,
        quantity TEXT NOT NULL,
        unit TEXT NOT NULL,
        unit_price TEXT NOT NULL,
        affectation TEXT NOT NULL,
        line_value_cents INTEGER NOT NULL,
        igv_cents INTEGER NOT NULL,
        PRIMARY KEY (document_id, position)
    ) STRICT;
    """
}
