extension Schema {
    /// The door each audit entry came through (tui, cli, web, ssh, worker). Older entries keep NULL.
    static let auditDoor = """
    ALTER TABLE audit_log ADD COLUMN door TEXT;
    """
}
