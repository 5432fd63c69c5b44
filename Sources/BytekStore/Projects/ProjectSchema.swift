extension Schema {
    /// Delivery (issue 13): projects made from what was sold, their tasks (the cards of the boards), the
    /// milestones of U2 projects with their deliverables, sign-offs and invoices, the payment gate's lifts,
    /// templates of U1 packages, timesheets with cost rates, and the other costs of a project.
    ///
    /// Dates are `YYYY-MM-DD` (Lima), instants ISO-8601 UTC, money in minor units of the row's currency,
    /// durations in minutes. Logins name staff (`app_user.login`). Nothing here is ever deleted: projects are
    /// archived, tasks cancelled, hours corrected while the week is open.
    static let projects = """
    CREATE TABLE project_template(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (name <> ''),
        unit TEXT NOT NULL CHECK (unit IN ('U1','U2','U3')),
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE project_template_step(
        id INTEGER PRIMARY KEY,
        template_id INTEGER NOT NULL REFERENCES project_template(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (name <> ''),
        working_days INTEGER NOT NULL CHECK (working_days BETWEEN 0 AND 250),
        role TEXT NOT NULL DEFAULT '',
        checklist TEXT NOT NULL DEFAULT '',
        UNIQUE (template_id, position)
    ) STRICT;

    CREATE TABLE project(
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (name <> ''),
        unit TEXT NOT NULL CHECK (unit IN ('U1','U2','U3')),
        kind TEXT NOT NULL CHECK (kind IN ('kanban','hitos')),
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        quote_id INTEGER REFERENCES quote(id),
        contract_id INTEGER REFERENCES contract(id),
        template_id INTEGER REFERENCES project_template(id),
        manager TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'activo' CHECK (status IN ('activo','pausado','terminado','archivado')),
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        sold_cents INTEGER NOT NULL DEFAULT 0 CHECK (sold_cents >= 0),
        exchange_rate TEXT,
        start_date TEXT NOT NULL,
        promised_date TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT
    ) STRICT;
    CREATE INDEX project_by_status ON project(status, promised_date, id);
    CREATE INDEX project_by_customer ON project(customer_id, id);
    CREATE INDEX project_by_manager ON project(manager, status, id);
    CREATE INDEX project_by_quote ON project(quote_id);

    -- Hours sold per role (quoted_minutes) and the bill rate per role for work sold by the hour.
    CREATE TABLE project_role(
        project_id INTEGER NOT NULL REFERENCES project(id),
        role TEXT NOT NULL CHECK (role <> ''),
        quoted_minutes INTEGER NOT NULL DEFAULT 0 CHECK (quoted_minutes >= 0),
        bill_rate_cents INTEGER NOT NULL DEFAULT 0 CHECK (bill_rate_cents >= 0),
        PRIMARY KEY (project_id, role)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE project_milestone(
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (name <> ''),
        percent TEXT NOT NULL,
        amount_cents INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
        planned_date TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pendiente'
            CHECK (state IN ('pendiente','en_curso','listo','cambios','aprobado','facturado')),
        quote_milestone_id INTEGER REFERENCES quote_milestone(id),
        document_id INTEGER REFERENCES e_document(id),
        invoice_queued_at TEXT,
        UNIQUE (project_id, position)
    ) STRICT;
    CREATE INDEX project_milestone_by_state ON project_milestone(state, planned_date);
    CREATE INDEX project_milestone_by_document ON project_milestone(document_id) WHERE document_id IS NOT NULL;

    -- The cards of the boards. age in column = now - state_since.
    CREATE TABLE project_task(
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id),
        milestone_id INTEGER REFERENCES project_milestone(id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL CHECK (title <> ''),
        state TEXT NOT NULL DEFAULT 'por_hacer' CHECK (state IN ('por_hacer','en_curso','revision','hecho','cancelada')),
        assignee TEXT,
        role TEXT NOT NULL DEFAULT '',
        due_date TEXT,
        blocked INTEGER NOT NULL DEFAULT 0,
        blocked_reason TEXT NOT NULL DEFAULT '',
        checklist_total INTEGER NOT NULL DEFAULT 0,
        checklist_done INTEGER NOT NULL DEFAULT 0,
        state_since TEXT NOT NULL,
        created_at TEXT NOT NULL,
        done_at TEXT
    ) STRICT;
    CREATE INDEX project_task_by_project ON project_task(project_id, state, position);
    CREATE INDEX project_task_by_state ON project_task(state, due_date, id);
    CREATE INDEX project_task_by_assignee ON project_task(assignee, state);
    CREATE INDEX project_task_by_milestone ON project_task(milestone_id);

    CREATE TABLE project_task_check(
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES project_task(id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (text <> ''),
        done INTEGER NOT NULL DEFAULT 0,
        UNIQUE (task_id, position)
    ) STRICT;

    -- WIP limits per column of a board: board 'equipo:U1' (the team's cross-project board) or 'proyecto:<id>'.
    CREATE TABLE board_wip_limit(
        board TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('por_hacer','en_curso','revision','hecho')),
        wip_limit INTEGER NOT NULL CHECK (wip_limit BETWEEN 1 AND 9999),
        PRIMARY KEY (board, state)
    ) STRICT, WITHOUT ROWID;

    -- Files delivered for a milestone, kept beside the database (stored_path is relative to the data folder).
    CREATE TABLE project_deliverable(
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id),
        milestone_id INTEGER NOT NULL REFERENCES project_milestone(id),
        file_name TEXT NOT NULL,
        stored_path TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        released INTEGER NOT NULL DEFAULT 0,
        uploaded_by TEXT NOT NULL,
        uploaded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX project_deliverable_by_milestone ON project_deliverable(milestone_id);

    -- Each decision on a milestone: who, when, how, and the hash of what was approved (the deliverables' hashes).
    CREATE TABLE milestone_signoff(
        id INTEGER PRIMARY KEY,
        milestone_id INTEGER NOT NULL REFERENCES project_milestone(id),
        decision TEXT NOT NULL CHECK (decision IN ('aprobado','cambios')),
        how TEXT NOT NULL CHECK (how IN ('portal','correo','acta','otro')),
        who TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        evidence_path TEXT,
        evidence_sha256 TEXT,
        approved_hash TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX milestone_signoff_by_milestone ON milestone_signoff(milestone_id, decided_at);

    -- The payment gate lifted early by finanzas or admin, until `until_date` (it falls back after it unpaid).
    CREATE TABLE project_gate_lift(
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id),
        reason TEXT NOT NULL CHECK (reason <> ''),
        until_date TEXT NOT NULL,
        lifted_by TEXT NOT NULL,
        lifted_at TEXT NOT NULL,
        revoked_at TEXT
    ) STRICT;
    CREATE INDEX project_gate_lift_by_project ON project_gate_lift(project_id, until_date);

    -- Hours: against a task, a milestone or the project itself (later a ticket). week = the Monday of `day`.
    CREATE TABLE timesheet_entry(
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL,
        day TEXT NOT NULL,
        week TEXT NOT NULL,
        project_id INTEGER NOT NULL REFERENCES project(id),
        task_id INTEGER REFERENCES project_task(id),
        milestone_id INTEGER REFERENCES project_milestone(id),
        minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
        note TEXT NOT NULL DEFAULT '',
        billable INTEGER NOT NULL DEFAULT 1,
        role TEXT NOT NULL DEFAULT '',
        cost_rate_cents INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX timesheet_by_person_week ON timesheet_entry(login, week, day);
    CREATE INDEX timesheet_by_project ON timesheet_entry(project_id, day);
    CREATE INDEX timesheet_by_task ON timesheet_entry(task_id) WHERE task_id IS NOT NULL;

    -- A person's week: abierta until the manager approves it; approved hours lock and their cost rate freezes.
    CREATE TABLE timesheet_week(
        login TEXT NOT NULL,
        week TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'abierta' CHECK (state IN ('abierta','enviada','aprobada')),
        submitted_at TEXT,
        approved_by TEXT,
        approved_at TEXT,
        PRIMARY KEY (login, week)
    ) STRICT, WITHOUT ROWID;

    -- The running timer of a person (at most one).
    CREATE TABLE timesheet_timer(
        login TEXT PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id),
        task_id INTEGER REFERENCES project_task(id),
        note TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL
    ) STRICT;

    -- Cost rate per hour of a person (PEN), in force from `from_date`; kept by admin/finanzas, hidden from others.
    CREATE TABLE cost_rate(
        login TEXT NOT NULL,
        from_date TEXT NOT NULL,
        rate_cents INTEGER NOT NULL CHECK (rate_cents >= 0),
        set_by TEXT NOT NULL,
        set_at TEXT NOT NULL,
        PRIMARY KEY (login, from_date)
    ) STRICT, WITHOUT ROWID;

    -- Other costs of a project entered by hand (purchases; materials from stock later).
    CREATE TABLE project_cost(
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES project(id),
        day TEXT NOT NULL,
        description TEXT NOT NULL CHECK (description <> ''),
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        exchange_rate TEXT,
        entered_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX project_cost_by_project ON project_cost(project_id, day);
    """
}
