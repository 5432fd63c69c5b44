extension Schema {
    /// The day (Lima) a milestone last became "listo para aprobación": the alarms count the working days an
    /// approval has waited from it. Kept by triggers so every writer of `project_milestone.state` sets it;
    /// the day comes from SQLite's clock in Lima (UTC−5, no daylight saving).
    static let milestoneReadySince = """
    ALTER TABLE project_milestone ADD COLUMN ready_since TEXT;
    CREATE TRIGGER project_milestone_ready_since_au AFTER UPDATE OF state ON project_milestone
    WHEN new.state = 'listo' AND old.state <> 'listo' BEGIN
        UPDATE project_milestone SET ready_since = date('now', '-5 hours') WHERE id = new.id;
    END;
    CREATE TRIGGER project_milestone_ready_since_ai AFTER INSERT ON project_milestone
    WHEN new.state = 'listo' AND new.ready_since IS NULL BEGIN
        UPDATE project_milestone SET ready_since = date('now', '-5 hours') WHERE id = new.id;
    END;
    """
}
