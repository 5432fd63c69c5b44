extension Schema {
    /// v7: when each user last opened the program (shown in Usuarios).
    static let v7 = """
    ALTER TABLE app_user ADD COLUMN last_login_at TEXT;
    """
}
