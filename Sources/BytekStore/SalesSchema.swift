extension Schema {
    /// v2: sales. Pipelines and their stages (with the three default pipelines), leads, deals and their
    /// activities, quotes (one row per version) with lines and milestones, subscriptions created on
    /// acceptance, and the gapless numbering series.
    ///
    /// Money: totals and prices that are always 2 decimals are INTEGER minor units (`*_cents`);
    /// figures that may need more decimals are exact decimal TEXT (`'3.752'`): quantities, unit prices
    /// and unit costs as typed, exchange rates, percentages and discount values. Dates without time
    /// are TEXT `YYYY-MM-DD`; instants are ISO-8601 TEXT (`ISOTimestamp`).
    static let v2 = """
    CREATE TABLE pipeline(
        id INTEGER PRIMARY KEY,
        unit TEXT NOT NULL UNIQUE CHECK (unit IN ('U1','U2','U3')),
        name TEXT NOT NULL
    ) STRICT;

    -- Stages are never deleted: a retired stage (active = 0) keeps its deals.
    CREATE TABLE pipeline_stage(
        id INTEGER PRIMARY KEY,
        pipeline_id INTEGER NOT NULL REFERENCES pipeline(id),
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
        expected_days INTEGER NOT NULL CHECK (expected_days >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('open','won','lost')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
    ) STRICT;
    CREATE INDEX pipeline_stage_by_position ON pipeline_stage(pipeline_id, position, id);

    CREATE TABLE lead(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        doc_type TEXT NOT NULL DEFAULT '' CHECK (doc_type IN ('','RUC','DNI','CE','PAS')),
        doc_number TEXT NOT NULL DEFAULT '',
        contact_name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        customer_id INTEGER REFERENCES customer(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX lead_by_name ON lead(name COLLATE NOCASE, id);

    CREATE TABLE deal(
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        lead_id INTEGER REFERENCES lead(id),
        customer_id INTEGER REFERENCES customer(id),
        unit TEXT NOT NULL CHECK (unit IN ('U1','U2','U3')),
        stage_id INTEGER NOT NULL REFERENCES pipeline_stage(id),
        owner TEXT NOT NULL,
        value_cents INTEGER NOT NULL CHECK (value_cents >= 0),
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        expected_close TEXT,
        source TEXT NOT NULL CHECK (source IN ('web','referral','whatsapp','facebook','call','other')),
        lost_reason TEXT,
        stage_entered_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (lead_id IS NOT NULL OR customer_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX deal_by_unit_stage ON deal(unit, stage_id, id);
    CREATE INDEX deal_by_stage_owner ON deal(stage_id, owner, id);
    CREATE INDEX deal_by_owner ON deal(owner, id);
    CREATE INDEX deal_by_lead ON deal(lead_id);
    CREATE INDEX deal_by_customer ON deal(customer_id);

    CREATE TABLE deal_activity(
        id INTEGER PRIMARY KEY,
        deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('call','meeting','email','whatsapp','task')),
        subject TEXT NOT NULL,
        due_date TEXT,
        owner TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
        done_at TEXT,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX deal_activity_by_deal ON deal_activity(deal_id, id);
    CREATE INDEX deal_activity_pending ON deal_activity(owner, done, due_date, id);

    -- One row per version; a version's content never changes once state leaves 'draft'.
    CREATE TABLE quote(
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        customer_id INTEGER REFERENCES customer(id),
        deal_id INTEGER REFERENCES deal(id),
        unit TEXT NOT NULL CHECK (unit IN ('U1','U2','U3')),
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        exchange_rate TEXT,
        prices_include_igv INTEGER NOT NULL CHECK (prices_include_igv IN (0,1)),
        issue_date TEXT NOT NULL,
        validity_days INTEGER NOT NULL,
        delivery_time TEXT NOT NULL DEFAULT '',
        payment_kind TEXT NOT NULL CHECK (payment_kind IN ('cash','milestones','credit')),
        credit_days INTEGER NOT NULL DEFAULT 0,
        global_discount_kind TEXT NOT NULL DEFAULT 'none' CHECK (global_discount_kind IN ('none','percent','amount')),
        global_discount_value TEXT NOT NULL DEFAULT '0',
        notes TEXT NOT NULL DEFAULT '',
        terms TEXT NOT NULL DEFAULT '',
        owner TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('draft','sent','accepted','rejected','expired')),
        -- Computed totals kept for lists and sums (recomputed on every draft save).
        total_cents INTEGER NOT NULL DEFAULT 0,
        one_time_cents INTEGER NOT NULL DEFAULT 0,
        recurring_cents INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        decided_at TEXT,
        UNIQUE (number, version)
    ) STRICT;
    CREATE INDEX quote_by_state ON quote(state, id);
    CREATE INDEX quote_by_customer ON quote(customer_id, id);
    CREATE INDEX quote_by_deal ON quote(deal_id);

    CREATE TABLE quote_line(
        id INTEGER PRIMARY KEY,
        quote_id INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('product','service','subscription')),
        catalog_item_id INTEGER REFERENCES catalog_item(id),
        description TEXT NOT NULL,
        tax_category TEXT NOT NULL CHECK (tax_category IN ('gravado','exonerado','inafecto')),
        quantity TEXT NOT NULL,
        unit_price TEXT NOT NULL,
        price_currency TEXT NOT NULL CHECK (price_currency IN ('PEN','USD')),
        rate_basis TEXT NOT NULL DEFAULT '' CHECK (rate_basis IN ('','hour','unit')),
        period TEXT NOT NULL DEFAULT '' CHECK (period IN ('','monthly','quarterly','annual')),
        discount_kind TEXT NOT NULL DEFAULT 'none' CHECK (discount_kind IN ('none','percent','amount')),
        discount_value TEXT NOT NULL DEFAULT '0',
        unit_cost TEXT,
        UNIQUE (quote_id, position)
    ) STRICT;

    -- The milestone terms of a version; amount_cents is recorded when the version is accepted.
    CREATE TABLE quote_milestone(
        id INTEGER PRIMARY KEY,
        quote_id INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        percent TEXT NOT NULL,
        amount_cents INTEGER,
        UNIQUE (quote_id, position)
    ) STRICT;

    -- One per subscription line of an accepted quote version; billing reads these.
    CREATE TABLE subscription(
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        catalog_item_id INTEGER REFERENCES catalog_item(id),
        description TEXT NOT NULL,
        unit TEXT NOT NULL CHECK (unit IN ('U1','U2','U3')),
        tax_category TEXT NOT NULL CHECK (tax_category IN ('gravado','exonerado','inafecto')),
        price_cents INTEGER NOT NULL,
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        period TEXT NOT NULL CHECK (period IN ('monthly','quarterly','annual')),
        periods TEXT NOT NULL,
        start_date TEXT NOT NULL,
        quote_id INTEGER NOT NULL REFERENCES quote(id),
        quote_number TEXT NOT NULL,
        quote_version INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX subscription_by_customer ON subscription(customer_id, id);

    -- Gapless series: the next number is taken inside the transaction that creates the document,
    -- so a rolled-back creation gives its number back.
    CREATE TABLE numbering(
        series TEXT PRIMARY KEY,
        last_number INTEGER NOT NULL CHECK (last_number >= 0)
    ) STRICT;

    INSERT INTO pipeline(id, unit, name) VALUES (1, 'U1', 'Digital'), (2, 'U2', 'Software'), (3, 'U3', 'Infraestructura');
    INSERT INTO pipeline_stage(pipeline_id, name, position, probability, expected_days, kind) VALUES
        (1, 'Nuevo', 1, 10, 1, 'open'),
        (1, 'Contactado', 2, 30, 2, 'open'),
        (1, 'Propuesta enviada', 3, 60, 3, 'open'),
        (1, 'Ganado', 4, 100, 0, 'won'),
        (1, 'Perdido', 5, 0, 0, 'lost'),
        (2, 'Prospecto', 1, 5, 7, 'open'),
        (2, 'Reunión de descubrimiento', 2, 15, 14, 'open'),
        (2, 'Análisis', 3, 30, 21, 'open'),
        (2, 'Cotización', 4, 50, 14, 'open'),
        (2, 'Negociación', 5, 70, 14, 'open'),
        (2, 'Contrato', 6, 90, 7, 'open'),
        (2, 'Ganado', 7, 100, 0, 'won'),
        (2, 'Perdido', 8, 0, 0, 'lost'),
        (3, 'Prospecto', 1, 10, 5, 'open'),
        (3, 'Visita técnica (levantamiento)', 2, 30, 7, 'open'),
        (3, 'Cotización', 3, 50, 7, 'open'),
        (3, 'Negociación', 4, 75, 10, 'open'),
        (3, 'Ganado', 5, 100, 0, 'won'),
        (3, 'Perdido', 6, 0, 0, 'lost');
    """
}
