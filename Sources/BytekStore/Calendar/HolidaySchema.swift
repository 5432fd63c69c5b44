extension Schema {
    /// Peru's non-working days (issue 13 §2): the law's fixed days and Holy Thursday and Friday, written
    /// year by year when a year is first used, and the days the admin adds by decree.
    static let holidays = """
    CREATE TABLE holiday(
        day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        name TEXT NOT NULL CHECK (name <> ''),
        origin TEXT NOT NULL CHECK (origin IN ('fijo','semana_santa','decreto')),
        decree TEXT NOT NULL DEFAULT '',
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
    ) STRICT;
    """
}
