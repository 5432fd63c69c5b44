extension Schema {
    /// Recurring billing (issue 11 §2): the subscription's billing fields, its price history and pauses,
    /// one row per billed (subscription, period) — UNIQUE, written in the issuing transaction of its
    /// document, so a period is billed exactly once — and the billing runs with their failures.
    static let recurring = """
    ALTER TABLE subscription ADD COLUMN billing_day INTEGER NOT NULL DEFAULT 1 CHECK (billing_day BETWEEN 1 AND 28);
    ALTER TABLE subscription ADD COLUMN timing TEXT NOT NULL DEFAULT 'advance' CHECK (timing IN ('advance','arrears'));
    ALTER TABLE subscription ADD COLUMN bill_currency TEXT NOT NULL DEFAULT '' CHECK (bill_currency IN ('','PEN','USD'));
    ALTER TABLE subscription ADD COLUMN ends_on TEXT;

    CREATE TABLE subscription_price(
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscription(id),
        effective_from TEXT NOT NULL,
        price_cents INTEGER NOT NULL,
        user_login TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (subscription_id, effective_from)
    ) STRICT;

    CREATE TABLE subscription_pause(
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscription(id),
        paused_from TEXT NOT NULL,
        resumed_on TEXT
    ) STRICT;
    CREATE INDEX subscription_pause_by_subscription ON subscription_pause(subscription_id, paused_from);

    CREATE TABLE recurring_run(
        id INTEGER PRIMARY KEY,
        run_date TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        user_login TEXT NOT NULL,
        door TEXT NOT NULL DEFAULT '',
        documents INTEGER NOT NULL DEFAULT 0,
        lines INTEGER NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX recurring_run_by_start ON recurring_run(started_at, id);

    CREATE TABLE recurring_run_failure(
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES recurring_run(id),
        customer_id INTEGER NOT NULL,
        reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX recurring_run_failure_by_run ON recurring_run_failure(run_id);

    CREATE TABLE subscription_charge(
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscription(id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        document_id INTEGER NOT NULL REFERENCES e_document(id),
        run_id INTEGER REFERENCES recurring_run(id),
        billed_days INTEGER NOT NULL,
        period_days INTEGER NOT NULL,
        amount_cents INTEGER NOT NULL,
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        billed_cents INTEGER NOT NULL,
        bill_currency TEXT NOT NULL CHECK (bill_currency IN ('PEN','USD')),
        UNIQUE (subscription_id, period_start)
    ) STRICT;
    CREATE INDEX subscription_charge_by_document ON subscription_charge(document_id);
    """
}
