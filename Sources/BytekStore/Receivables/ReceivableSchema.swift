extension Schema {
    /// Receivables (Cobranzas): what each issued document makes a customer owe, split into parts (neto,
    /// detracción, retención) and cuotas; BYTEK's bank accounts; payments (never edited: reversed); what
    /// payments, credit notes, customer credit, detracción deposits and retention receipts applied to each
    /// receivable; the customer credit ledger; and whether a customer is a retention agent.
    ///
    /// Money is in minor units of the row's currency. `receivable.is_open` is kept by the ledger (1 while
    /// something is owed and it is not cancelled), so the partial indexes of the Cobranzas list hold only
    /// the open rows, whatever the history grows to.
    static let receivables = """
    ALTER TABLE customer ADD COLUMN retention_agent INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE receivable(
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES e_document(id),
        document_ref TEXT NOT NULL,
        document_kind TEXT NOT NULL CHECK (document_kind IN ('01','03','07','08')),
        customer_id INTEGER REFERENCES customer(id),
        customer_name TEXT NOT NULL,
        customer_doc_number TEXT NOT NULL,
        part TEXT NOT NULL CHECK (part IN ('neto','detraccion','retencion')),
        installment INTEGER NOT NULL DEFAULT 0 CHECK (installment >= 0),
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        settled_cents INTEGER NOT NULL DEFAULT 0 CHECK (settled_cents >= 0 AND settled_cents <= amount_cents),
        exchange_rate TEXT,
        issue_date TEXT NOT NULL,
        due_date TEXT NOT NULL,
        unit TEXT CHECK (unit IS NULL OR unit IN ('U1','U2','U3')),
        unattended INTEGER NOT NULL DEFAULT 0,
        cancelled INTEGER NOT NULL DEFAULT 0,
        cancelled_at TEXT,
        is_open INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        UNIQUE(document_id, part, installment)
    ) STRICT;
    CREATE INDEX receivable_open_by_due ON receivable(due_date, id) WHERE is_open = 1;
    CREATE INDEX receivable_open_by_customer ON receivable(customer_id, due_date, id) WHERE is_open = 1;
    CREATE INDEX receivable_open_by_unit ON receivable(unit, due_date, id) WHERE is_open = 1;
    CREATE INDEX receivable_open_by_currency ON receivable(currency, due_date, id) WHERE is_open = 1;
    CREATE INDEX receivable_open_aging ON receivable(currency, due_date, amount_cents, settled_cents) WHERE is_open = 1;
    CREATE INDEX receivable_by_customer ON receivable(customer_id, issue_date, id);
    CREATE INDEX receivable_by_document ON receivable(document_id);

    CREATE TABLE bank_account(
        id INTEGER PRIMARY KEY,
        bank TEXT NOT NULL,
        number TEXT NOT NULL,
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        is_detraccion INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        UNIQUE(bank, number)
    ) STRICT;

    -- A payment is never edited: a mistake is reversed (reversed_at, reason) and entered again. The same
    -- bank operation is never entered twice while it stands (the unique index below).
    CREATE TABLE payment(
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        date TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('transferencia','deposito','efectivo','yape_plin','tarjeta','cheque')),
        bank_account_id INTEGER REFERENCES bank_account(id),
        operation_number TEXT NOT NULL DEFAULT '',
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        exchange_rate TEXT,
        unapplied_cents INTEGER NOT NULL DEFAULT 0 CHECK (unapplied_cents >= 0),
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        reversed_at TEXT,
        reversed_by TEXT,
        reversal_reason TEXT
    ) STRICT;
    CREATE UNIQUE INDEX payment_operation ON payment(bank_account_id, operation_number)
        WHERE reversed_at IS NULL AND operation_number <> '';
    CREATE INDEX payment_by_customer ON payment(customer_id, date, id);

    CREATE TABLE detraccion_deposit(
        id INTEGER PRIMARY KEY,
        receivable_id INTEGER NOT NULL REFERENCES receivable(id),
        constancia TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX detraccion_deposit_by_receivable ON detraccion_deposit(receivable_id);

    CREATE TABLE retention_receipt(
        id INTEGER PRIMARY KEY,
        receivable_id INTEGER NOT NULL REFERENCES receivable(id),
        number TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX retention_receipt_by_receivable ON retention_receipt(receivable_id);

    -- What settled a receivable, in the receivable's currency (amount_cents) and the source's
    -- (source_amount_cents). Undone (never deleted) when its payment is reversed or its receivable cancelled.
    CREATE TABLE receivable_application(
        id INTEGER PRIMARY KEY,
        receivable_id INTEGER NOT NULL REFERENCES receivable(id),
        source TEXT NOT NULL CHECK (source IN ('pago','nota_credito','saldo_favor','detraccion','retencion')),
        payment_id INTEGER REFERENCES payment(id),
        credit_note_id INTEGER REFERENCES e_document(id),
        credit_id INTEGER,
        deposit_id INTEGER REFERENCES detraccion_deposit(id),
        retention_id INTEGER REFERENCES retention_receipt(id),
        customer_id INTEGER REFERENCES customer(id),
        date TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        source_currency TEXT NOT NULL CHECK (source_currency IN ('PEN','USD')),
        source_amount_cents INTEGER NOT NULL CHECK (source_amount_cents > 0),
        exchange_rate TEXT,
        exchange_difference_cents INTEGER,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        undone_at TEXT,
        undone_reason TEXT
    ) STRICT;
    CREATE INDEX receivable_application_by_receivable ON receivable_application(receivable_id, id);
    CREATE INDEX receivable_application_by_payment ON receivable_application(payment_id) WHERE payment_id IS NOT NULL;
    CREATE INDEX receivable_application_by_note ON receivable_application(credit_note_id) WHERE credit_note_id IS NOT NULL;
    CREATE INDEX receivable_application_by_customer ON receivable_application(customer_id, date, id);

    -- The customer credit ledger (saldo a favor): + an overpayment, a credit note beyond what was open,
    -- what a cancelled receivable had received; − credit applied to a receivable or taken back by a reversal.
    CREATE TABLE customer_credit(
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
        origin TEXT NOT NULL CHECK (origin IN ('pago','nota_credito','anulacion','aplicacion','reversion')),
        payment_id INTEGER REFERENCES payment(id),
        document_id INTEGER REFERENCES e_document(id),
        application_id INTEGER REFERENCES receivable_application(id),
        date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX customer_credit_by_customer ON customer_credit(customer_id, currency, id);
    """
}
