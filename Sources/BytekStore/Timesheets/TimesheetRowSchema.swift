extension Schema {
    /// Timesheets (issue 13 §4): the rows a person pinned to a week of the grid before logging hours on
    /// them (added with `a`, or copied from last week: rows, not hours). A row with hours needs no pin.
    static let timesheetRows = """
    CREATE TABLE timesheet_row(
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL,
        week TEXT NOT NULL,
        project_id INTEGER NOT NULL REFERENCES project(id),
        task_id INTEGER REFERENCES project_task(id),
        milestone_id INTEGER REFERENCES project_milestone(id),
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX timesheet_row_unique ON timesheet_row(login, week, project_id, ifnull(task_id, 0), ifnull(milestone_id, 0));
    """
}
