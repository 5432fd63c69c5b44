extension Schema {
    /// Bank statement import (issue 11 §1): the column mapping of each bank, remembered, and the lines of
    /// every imported statement, one per (bank account, line key) so a file imported twice adds nothing.
    static let bankStatements = """
    CREATE TABLE bank_statement_mapping(
        bank TEXT PRIMARY KEY,
        mapping_json TEXT NOT NULL,
        user_login TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE bank_statement_line(
        id INTEGER PRIMARY KEY,
        bank_account_id INTEGER NOT NULL,
        line_key TEXT NOT NULL,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        description TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        operation_number TEXT NOT NULL DEFAULT '',
        balance_minor INTEGER,
        status TEXT NOT NULL DEFAULT 'pendiente' CHECK (status IN ('pendiente','conciliada','descartada')),
        payment_id INTEGER,
        imported_by TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        resolved_by TEXT NOT NULL DEFAULT '',
        resolved_at TEXT NOT NULL DEFAULT '',
        UNIQUE(bank_account_id, line_key)
    ) STRICT;
    CREATE INDEX bank_statement_line_by_status ON bank_statement_line(status, bank_account_id, date, id);
    """
}
