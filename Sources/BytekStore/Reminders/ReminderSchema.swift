extension Schema {
    /// Reminders (cobranza preventiva y de mora, issue 12 §2): policies and their levels (days relative to the
    /// due date, e-mail template or approved WhatsApp template), per-customer settings (another policy, a
    /// pause, a promise to pay, a dispute, each with its note and who set it), and what was sent.
    ///
    /// `reminder_sent` is UNIQUE(receivable_id, level_id): the guarantee that a level is never sent twice for
    /// a receivable, whatever two workers or a crash and a rerun do. A level that was sent is never deleted
    /// (`removed` hides it) so the history keeps what went out.
    static let reminders = """
    CREATE TABLE reminder_policy(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        grace_days INTEGER NOT NULL DEFAULT 3 CHECK (grace_days BETWEEN 0 AND 60),
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX reminder_policy_one_default ON reminder_policy(is_default) WHERE is_default = 1;

    CREATE TABLE reminder_level(
        id INTEGER PRIMARY KEY,
        policy_id INTEGER NOT NULL REFERENCES reminder_policy(id),
        offset_days INTEGER NOT NULL CHECK (offset_days BETWEEN -60 AND 365),
        channel TEXT NOT NULL CHECK (channel IN ('correo','whatsapp')),
        subject TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        copy_to TEXT NOT NULL DEFAULT '',
        wa_template TEXT NOT NULL DEFAULT '',
        wa_language TEXT NOT NULL DEFAULT '',
        wa_parameters TEXT NOT NULL DEFAULT '',
        removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX reminder_level_offset ON reminder_level(policy_id, offset_days) WHERE removed = 0;

    CREATE TABLE reminder_customer(
        customer_id INTEGER PRIMARY KEY REFERENCES customer(id),
        policy_id INTEGER REFERENCES reminder_policy(id),
        paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
        pause_note TEXT NOT NULL DEFAULT '',
        promise_until TEXT,
        promise_note TEXT NOT NULL DEFAULT '',
        disputed INTEGER NOT NULL DEFAULT 0 CHECK (disputed IN (0, 1)),
        dispute_note TEXT NOT NULL DEFAULT '',
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE reminder_sent(
        id INTEGER PRIMARY KEY,
        receivable_id INTEGER NOT NULL REFERENCES receivable(id),
        level_id INTEGER NOT NULL REFERENCES reminder_level(id),
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        message_id INTEGER,
        channel TEXT NOT NULL CHECK (channel IN ('correo','whatsapp')),
        recipient TEXT NOT NULL DEFAULT '',
        sent_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE(receivable_id, level_id)
    ) STRICT;
    CREATE INDEX reminder_sent_by_customer ON reminder_sent(customer_id, id);
    """
}
