extension Schema {
    /// `project_milestone.ready_since` comes from the injected clock (`MilestoneRepository.markReady`, the one
    /// place a milestone becomes "listo"), no longer from SQLite's: the triggers of `milestoneReadySince`
    /// ignored the fake clock of tests and alarms. Days already stored stay.
    static let milestoneReadyOnClock = """
    DROP TRIGGER IF EXISTS project_milestone_ready_since_au;
    DROP TRIGGER IF EXISTS project_milestone_ready_since_ai;
    """
}
