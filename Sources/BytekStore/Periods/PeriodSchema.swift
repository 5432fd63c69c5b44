extension Schema {
    /// Period close (issue 11 §1): the months finanzas closed once the SIRE register was filed, and every
    /// close and reopen with who, when and the note or reason.
    static let periods = """
    CREATE TABLE period(
        month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        closed INTEGER NOT NULL CHECK (closed IN (0, 1)),
        closed_by TEXT NOT NULL,
        closed_at TEXT NOT NULL,
        sire_note TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE period_event(
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL REFERENCES period(month),
        action TEXT NOT NULL CHECK (action IN ('cerrar','reabrir')),
        user_login TEXT NOT NULL,
        at TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX period_event_by_month ON period_event(month, id);
    """
}
