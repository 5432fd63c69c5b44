extension Schema {
    /// The SSH keys of the staff (`bytek ssh-keys`) and each user's last login. A key belongs to one
    /// user; its fingerprint is unique. The key itself is kept (type and base64) because the managed
    /// block of authorized_keys is rewritten from these rows.
    ///
    /// Appended after the other developers' migrations when branches are merged: it only adds.
    static let sshKeys = """
    CREATE TABLE ssh_key(
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES app_user(id),
        key_type TEXT NOT NULL,
        key_base64 TEXT NOT NULL,
        fingerprint TEXT NOT NULL UNIQUE CHECK (fingerprint LIKE 'SHA256:%'),
        comment TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ssh_key_by_user ON ssh_key(user_id, id);
    ALTER TABLE app_user ADD COLUMN last_login_at TEXT;
    ALTER TABLE app_user ADD COLUMN last_login_door TEXT;
    """
}
