import BytekModel
import BytekStore

extension TimesheetService {
    /// The hours logged on a project per person (its Horas tab), for whoever may read the project; no rates.
    public func projectHours(projectId: Int64) throws -> [(login: String, minutes: Int, approvedMinutes: Int)] {
        try actor.authorize(.projectView)
        return try repository.minutesByPerson(projectId: projectId)
    }
}
