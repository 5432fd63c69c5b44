extension Schema {
    /// v5: generated contracts. One row per accepted quote version that produced a contract: the
    /// version and the SHA-256 of its scope, the template file and the SHA-256 of the text used, and
    /// the total. Rows are never updated: a new scope is a new quote version and a new contract.
    static let v5 = """
    CREATE TABLE contract(
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        quote_id INTEGER NOT NULL UNIQUE REFERENCES quote(id),
        quote_number TEXT NOT NULL,
        quote_version INTEGER NOT NULL CHECK (quote_version >= 1),
        customer_id INTEGER REFERENCES customer(id),
        unit TEXT NOT NULL CHECK (unit IN ('U1','U2','U3')),
        scope_sha256 TEXT NOT NULL CHECK (length(scope_sha256) = 64),
        template_name TEXT NOT NULL,
        template_sha256 TEXT NOT NULL CHECK (length(template_sha256) = 64),
        total_cents INTEGER NOT NULL,
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        contract_date TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (quote_number, quote_version)
    ) STRICT;
    CREATE INDEX contract_by_quote_number ON contract(quote_number, quote_version);
    CREATE INDEX contract_by_customer ON contract(customer_id, id);
    """
}
