extension Schema {
    /// Credit-limit overrides (issue 11 §1): who let a document or an accepted quote go beyond the customer's
    /// limit, when, the figures in soles and the reason; `unattended` for documents the worker issued anyway
    /// (mailed to finanzas once: `mailed_at`).
    static let creditOverrides = """
    CREATE TABLE credit_override(
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        e_document_id INTEGER,
        quote_id INTEGER,
        reference TEXT NOT NULL,
        limit_cents INTEGER NOT NULL,
        open_cents INTEGER NOT NULL,
        new_cents INTEGER NOT NULL,
        reason TEXT NOT NULL,
        unattended INTEGER NOT NULL DEFAULT 0 CHECK (unattended IN (0, 1)),
        user_login TEXT NOT NULL,
        at TEXT NOT NULL,
        mailed_at TEXT NOT NULL DEFAULT '',
        CHECK (e_document_id IS NOT NULL OR quote_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX credit_override_unmailed ON credit_override(unattended, mailed_at);
    """
}
