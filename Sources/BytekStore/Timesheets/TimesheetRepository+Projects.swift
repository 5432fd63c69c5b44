import BytekModel

extension TimesheetRepository {
    /// The minutes logged on project `projectId` per person, and how many of them are in approved weeks;
    /// the most hours first. No rate is read.
    public func minutesByPerson(projectId: Int64) throws -> [(login: String, minutes: Int, approvedMinutes: Int)] {
        try db.query("""
            SELECT e.login, sum(e.minutes) AS minutes,
                   sum(CASE WHEN w.state = 'aprobada' THEN e.minutes ELSE 0 END) AS approved
            FROM timesheet_entry e LEFT JOIN timesheet_week w ON w.login = e.login AND w.week = e.week
            WHERE e.project_id = ? GROUP BY e.login ORDER BY minutes DESC, e.login
            """, [.int(projectId)]).map { r in
            (login: r.string("login"), minutes: Int(r.int("minutes")), approvedMinutes: Int(r.int("approved")))
        }
    }
}
