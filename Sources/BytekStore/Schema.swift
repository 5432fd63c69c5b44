/// The forward-only, numbered migrations. Migration N brings `PRAGMA user_version` from N-1 to N.
/// Never edit a migration that has shipped: append a new one.
enum Schema {
    static let migrations: [String] = [v1, v2, v3, v4, v5, v6, sshKeys, portal, auditDoor, exchangeRates,
                                         receivables, recurring, periods, bankStatements, creditOverrides,
                                         messaging,
                                         cards,
                                         reminders,
                                         holidays,
                                         projects,
                                         milestoneReadySince,
                                         projectCostReversal,
                                         timesheetRows,
                                         milestoneReadyOnClock,
                                         projectLateMail]

    /// v1: users, customers and contacts, catalog, audit log, form drafts, jobs and schedules, settings.
    static let v1 = """
    CREATE TABLE setting(
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE app_user(
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin','ventas','finanzas','operaciones','tecnico','almacen','soporte')),
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE customer(
        id INTEGER PRIMARY KEY,
        doc_type TEXT NOT NULL CHECK (doc_type IN ('RUC','DNI','CE','PAS')),
        doc_number TEXT NOT NULL,
        legal_name TEXT NOT NULL,
        trade_name TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        department TEXT NOT NULL DEFAULT '',
        province TEXT NOT NULL DEFAULT '',
        district TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        units TEXT NOT NULL DEFAULT '',
        credit_days INTEGER NOT NULL DEFAULT 0,
        credit_limit_cents INTEGER NOT NULL DEFAULT 0,
        credit_currency TEXT NOT NULL DEFAULT 'PEN' CHECK (credit_currency IN ('PEN','USD')),
        notes TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE(doc_type, doc_number)
    ) STRICT;
    CREATE INDEX customer_by_name ON customer(legal_name COLLATE NOCASE, id);
    CREATE INDEX customer_by_district ON customer(district COLLATE NOCASE, legal_name COLLATE NOCASE, id);
    CREATE INDEX customer_by_archived ON customer(archived, legal_name COLLATE NOCASE, id);
    CREATE INDEX customer_by_doc ON customer(doc_number, id);
    CREATE INDEX customer_by_updated ON customer(updated_at, id);

    CREATE TABLE customer_contact(
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        whatsapp TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX customer_contact_by_customer ON customer_contact(customer_id);

    -- Accent-insensitive full-text search: unicode61 with remove_diacritics finds "Núñez" for "nunez".
    CREATE VIRTUAL TABLE customer_fts USING fts5(
        legal_name, trade_name, doc_number, district, email,
        content='customer', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    );
    CREATE TRIGGER customer_fts_ai AFTER INSERT ON customer BEGIN
        INSERT INTO customer_fts(rowid, legal_name, trade_name, doc_number, district, email)
        VALUES (new.id, new.legal_name, new.trade_name, new.doc_number, new.district, new.email);
    END;
    CREATE TRIGGER customer_fts_ad AFTER DELETE ON customer BEGIN
        INSERT INTO customer_fts(customer_fts, rowid, legal_name, trade_name, doc_number, district, email)
        VALUES ('delete', old.id, old.legal_name, old.trade_name, old.doc_number, old.district, old.email);
    END;
    CREATE TRIGGER customer_fts_au AFTER UPDATE ON customer BEGIN
        INSERT INTO customer_fts(customer_fts, rowid, legal_name, trade_name, doc_number, district, email)
        VALUES ('delete', old.id, old.legal_name, old.trade_name, old.doc_number, old.district, old.email);
        INSERT INTO customer_fts(rowid, legal_name, trade_name, doc_number, district, email)
        VALUES (new.id, new.legal_name, new.trade_name, new.doc_number, new.district, new.email);
    END;

    CREATE TABLE catalog_item(
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL CHECK (unit IN ('U1','U2','U3')),
        niche TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('product','service','subscription')),
        uom TEXT NOT NULL DEFAULT 'unidad',
        sunat_unit TEXT NOT NULL DEFAULT 'NIU',
        currency TEXT NOT NULL DEFAULT 'PEN' CHECK (currency IN ('PEN','USD')),
        price_cents INTEGER NOT NULL DEFAULT 0,
        cost_cents INTEGER NOT NULL DEFAULT 0,
        rate_basis TEXT NOT NULL DEFAULT '' CHECK (rate_basis IN ('','hour','unit')),
        period TEXT NOT NULL DEFAULT '' CHECK (period IN ('','monthly','quarterly','annual')),
        tax_category TEXT NOT NULL DEFAULT 'gravado' CHECK (tax_category IN ('gravado','exonerado','inafecto')),
        tracks_serials INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX catalog_by_name ON catalog_item(name COLLATE NOCASE, id);
    CREATE INDEX catalog_by_unit ON catalog_item(unit, name COLLATE NOCASE, id);
    CREATE INDEX catalog_by_price ON catalog_item(price_cents, id);
    CREATE VIRTUAL TABLE catalog_fts USING fts5(
        sku, name, description, niche,
        content='catalog_item', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER catalog_fts_ai AFTER INSERT ON catalog_item BEGIN
        INSERT INTO catalog_fts(rowid, sku, name, description, niche) VALUES (new.id, new.sku, new.name, new.description, new.niche);
    END;
    CREATE TRIGGER catalog_fts_ad AFTER DELETE ON catalog_item BEGIN
        INSERT INTO catalog_fts(catalog_fts, rowid, sku, name, description, niche) VALUES ('delete', old.id, old.sku, old.name, old.description, old.niche);
    END;
    CREATE TRIGGER catalog_fts_au AFTER UPDATE ON catalog_item BEGIN
        INSERT INTO catalog_fts(catalog_fts, rowid, sku, name, description, niche) VALUES ('delete', old.id, old.sku, old.name, old.description, old.niche);
        INSERT INTO catalog_fts(rowid, sku, name, description, niche) VALUES (new.id, new.sku, new.name, new.description, new.niche);
    END;

    -- Every change of business data: who, when, what, before and after (JSON objects).
    CREATE TABLE audit_log(
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_login TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL CHECK (action IN ('create','update','archive','restore','delete','import','login')),
        summary TEXT NOT NULL DEFAULT '',
        before_json TEXT,
        after_json TEXT
    ) STRICT;
    -- The Auditoría screen lists newest first (at DESC, id DESC); each filter has an index in that order.
    CREATE INDEX audit_by_at ON audit_log(at, id);
    CREATE INDEX audit_by_entity ON audit_log(entity, at, id);
    CREATE INDEX audit_by_user ON audit_log(user_login, at, id);
    CREATE INDEX audit_by_action ON audit_log(action, at, id);
    CREATE INDEX audit_by_record ON audit_log(entity, entity_id, id);
    -- Free-text search over the summaries (accent-insensitive). The log is append-only; the
    -- delete trigger only keeps the index right if old entries are ever purged.
    CREATE VIRTUAL TABLE audit_fts USING fts5(
        summary, content='audit_log', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER audit_fts_ai AFTER INSERT ON audit_log BEGIN
        INSERT INTO audit_fts(rowid, summary) VALUES (new.id, new.summary);
    END;
    CREATE TRIGGER audit_fts_ad AFTER DELETE ON audit_log BEGIN
        INSERT INTO audit_fts(audit_fts, rowid, summary) VALUES ('delete', old.id, old.summary);
    END;

    -- A form as it is being typed, so a dropped connection loses nothing.
    -- record_key is 'new' for a record not yet saved, else the record's id.
    CREATE TABLE form_draft(
        user_login TEXT NOT NULL,
        form TEXT NOT NULL,
        record_key TEXT NOT NULL,
        fields_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (user_login, form, record_key)
    ) STRICT;

    -- The durable job queue. Times are Unix milliseconds.
    CREATE TABLE job(
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','running','done','failed')),
        run_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL DEFAULT 8,
        lease_owner TEXT,
        lease_until INTEGER,
        last_error TEXT,
        result TEXT,
        idempotency_key TEXT UNIQUE,
        created_at INTEGER NOT NULL,
        finished_at INTEGER
    ) STRICT;
    CREATE INDEX job_due ON job(state, run_at);

    -- Recurring jobs. rule: 'daily HH:MM', 'hourly', 'every N' (seconds).
    CREATE TABLE schedule(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        rule TEXT NOT NULL,
        next_run INTEGER NOT NULL,
        last_run INTEGER,
        last_job_id INTEGER,
        active INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    """
}
