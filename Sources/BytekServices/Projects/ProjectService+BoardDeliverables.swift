import BytekModel
import BytekStore
import Foundation

extension ProjectService {
    /// How many deliverables each milestone of a project holds (the Hitos tab of the TUI), by milestone id.
    public func deliverableCounts(_ projectId: Int64) throws -> [Int64: Int] {
        try actor.authorize(.projectView)
        let rows = try services.db.query(
            "SELECT milestone_id, count(*) AS n FROM project_deliverable WHERE project_id = ? GROUP BY milestone_id", [.int(projectId)])
        var counts: [Int64: Int] = [:]
        for row in rows { counts[row.int("milestone_id")] = Int(row.int("n")) }
        return counts
    }
}
