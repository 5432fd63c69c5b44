extension Schema {
    /// Portal accounts (appended after the SSH keys migration): the web door's accounts. A portal account is a customer contact (by e-mail, linked to one or
    /// more customers) or a technician (an app user). Passwords are Argon2id strings; session ids and
    /// invitation tokens are stored only as their SHA-256, so a copy of the file opens no session.
    static let portal = """
    CREATE TABLE portal_account(
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('contacto','tecnico')),
        login TEXT NOT NULL UNIQUE,
        user_login TEXT REFERENCES app_user(login),
        password_hash TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        password_set_at TEXT,
        last_login_at TEXT
    ) STRICT;

    CREATE TABLE portal_account_customer(
        account_id INTEGER NOT NULL REFERENCES portal_account(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        PRIMARY KEY(account_id, customer_id)
    ) STRICT;

    CREATE TABLE portal_session(
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES portal_account(id) ON DELETE CASCADE,
        customer_id INTEGER REFERENCES customer(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX portal_session_by_account ON portal_session(account_id);

    CREATE TABLE portal_invite(
        token_hash TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES portal_account(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('invitacion','restablecer')),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
    ) STRICT;
    CREATE INDEX portal_invite_by_account ON portal_invite(account_id);
    """
}
