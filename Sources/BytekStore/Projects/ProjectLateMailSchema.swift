extension Schema {
    /// The cards the daily `proyectos.atrasos` job e-mailed to each person, per Lima day: a re-run the same
    /// day sends no card twice to the same person.
    static let projectLateMail = """
    CREATE TABLE project_late_mail(
        day TEXT NOT NULL,
        login TEXT NOT NULL,
        task_id INTEGER NOT NULL REFERENCES project_task(id),
        sent_at TEXT NOT NULL,
        PRIMARY KEY (day, login, task_id)
    ) STRICT;
    """
}
