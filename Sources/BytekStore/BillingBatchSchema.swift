extension Schema {
    /// v4: resúmenes diarios (RC) and comunicaciones de baja (RA), and void requests on documents.
    ///
    /// `e_batch` keeps each RC/RA exactly as signed and sent (`signed_xml`, `zip`: a resend uses the stored
    /// zip, never a rebuilt one) with its ticket and SUNAT's answer. Its identifier (RC-20261126-1) is
    /// unique: the sequence is per kind and generation day, taken in the transaction that stores the batch.
    /// `e_batch_document` links a batch to the documents it reports, with the catálogo 19 line status
    /// ('1' add, '2' modify, '3' void). On e_document, `void_*` record a requested baja and its outcome.
    static let v4 = """
    CREATE TABLE e_batch(
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('RC','RA')),
        identifier TEXT NOT NULL UNIQUE,
        issue_date TEXT NOT NULL,
        sequence INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 99999),
        reference_date TEXT NOT NULL,
        issuer_ruc TEXT NOT NULL,
        file_name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pendiente'
            CHECK (status IN ('pendiente','enviado','aceptado','rechazado','error')),
        ticket TEXT,
        signed_xml BLOB NOT NULL,
        zip BLOB NOT NULL,
        digest_value TEXT NOT NULL,
        cdr_zip BLOB,
        response_code TEXT,
        response_description TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        answered_at TEXT,
        UNIQUE(kind, issue_date, sequence)
    ) STRICT;
    CREATE INDEX e_batch_by_status ON e_batch(status, id);
    CREATE INDEX e_batch_by_reference ON e_batch(reference_date, id);

    CREATE TABLE e_batch_document(
        batch_id INTEGER NOT NULL REFERENCES e_batch(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES e_document(id),
        line INTEGER NOT NULL CHECK (line >= 1),
        line_status TEXT NOT NULL CHECK (line_status IN ('1','2','3')),
        void_reason TEXT,
        PRIMARY KEY (batch_id, document_id)
    ) STRICT;
    CREATE INDEX e_batch_document_by_document ON e_batch_document(document_id, batch_id);

    ALTER TABLE e_document ADD COLUMN void_reason TEXT;
    ALTER TABLE e_document ADD COLUMN void_requested_at TEXT;
    ALTER TABLE e_document ADD COLUMN void_requested_by TEXT;
    ALTER TABLE e_document ADD COLUMN void_error TEXT;
    ALTER TABLE e_document ADD COLUMN voided_at TEXT;
    CREATE INDEX e_document_void_requested ON e_document(void_requested_at, id) WHERE void_requested_at IS NOT NULL;
    """
}
