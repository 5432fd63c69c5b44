extension Schema {
    /// Cards on file and the charge engine (issue 12 §1). Money in minor units of the row's currency.
    ///
    /// - `saved_card`: a card saved at a gateway (its token, never the number), never deleted: removed_at.
    /// - `card_charge`: one row per ATTEMPT, committed with its order key before the gateway is called, so a
    ///   timeout or a crash is resolved by asking the gateway about that key before anything is sent again.
    ///   `payment_id` is UNIQUE: one charge records at most one payment, whoever settles it first (the call's
    ///   answer, the IPN, the sweep). `card_charge_item` names the neto receivables it pays.
    /// - `gateway_notification`: every IPN received (hash of its fields, verified or not, what it did).
    /// - `card_refund`, `card_payout` (+ `card_payout_charge`), `card_autopay`, `card_expiry_notice`.
    static let cards = """
    CREATE TABLE saved_card(
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        gateway TEXT NOT NULL CHECK (gateway IN ('izipay','niubiz')),
        token TEXT NOT NULL,
        brand TEXT NOT NULL DEFAULT '',
        masked_number TEXT NOT NULL DEFAULT '',
        last4 TEXT NOT NULL DEFAULT '',
        expiry_month INTEGER NOT NULL CHECK (expiry_month BETWEEN 1 AND 12),
        expiry_year INTEGER NOT NULL CHECK (expiry_year BETWEEN 2000 AND 2100),
        holder_email TEXT NOT NULL DEFAULT '',
        saved_by_account_id INTEGER REFERENCES portal_account(id),
        saved_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        removed_at TEXT,
        removed_by TEXT,
        UNIQUE(gateway, token)
    ) STRICT;
    CREATE INDEX saved_card_by_customer ON saved_card(customer_id, id);

    CREATE TABLE card_autopay(
        customer_id INTEGER PRIMARY KEY REFERENCES customer(id),
        card_id INTEGER REFERENCES saved_card(id),
        enabled INTEGER NOT NULL DEFAULT 0,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE card_charge(
        id INTEGER PRIMARY KEY,
        order_key TEXT NOT NULL UNIQUE,
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        card_id INTEGER REFERENCES saved_card(id),
        gateway TEXT NOT NULL CHECK (gateway IN ('izipay','niubiz')),
        purpose TEXT NOT NULL DEFAULT 'cobro' CHECK (purpose IN ('cobro','guardar_tarjeta')),
        save_card INTEGER NOT NULL DEFAULT 0,
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
        status TEXT NOT NULL CHECK (status IN ('pendiente','enviado','aprobado','rechazado','desconocido','anulado')),
        source TEXT NOT NULL CHECK (source IN ('automatico','portal','manual')),
        attempt INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
        first_attempt_on TEXT NOT NULL,
        next_retry_on TEXT,
        derived INTEGER NOT NULL DEFAULT 0,
        transaction_id TEXT,
        authorization_code TEXT,
        decline_code TEXT,
        decline_message TEXT,
        session TEXT,
        payment_id INTEGER UNIQUE REFERENCES payment(id),
        refunded_cents INTEGER NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0 AND refunded_cents <= amount_cents),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        settled_at TEXT
    ) STRICT;
    CREATE INDEX card_charge_by_customer ON card_charge(customer_id, id);
    CREATE INDEX card_charge_unresolved ON card_charge(status, id) WHERE status IN ('pendiente','enviado','desconocido');
    CREATE UNIQUE INDEX card_charge_transaction ON card_charge(gateway, transaction_id) WHERE transaction_id IS NOT NULL;

    CREATE TABLE card_charge_item(
        charge_id INTEGER NOT NULL REFERENCES card_charge(id),
        receivable_id INTEGER NOT NULL REFERENCES receivable(id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        PRIMARY KEY(charge_id, receivable_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX card_charge_item_by_receivable ON card_charge_item(receivable_id, charge_id);

    CREATE TABLE gateway_notification(
        id INTEGER PRIMARY KEY,
        gateway TEXT NOT NULL,
        fields_hash TEXT NOT NULL,
        verified INTEGER NOT NULL,
        order_key TEXT,
        transaction_id TEXT,
        charge_id INTEGER REFERENCES card_charge(id),
        outcome TEXT NOT NULL,
        processed INTEGER NOT NULL DEFAULT 0,
        received_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX gateway_notification_by_hash ON gateway_notification(fields_hash);
    CREATE INDEX gateway_notification_by_order ON gateway_notification(order_key, transaction_id);

    CREATE TABLE card_refund(
        id INTEGER PRIMARY KEY,
        charge_id INTEGER NOT NULL REFERENCES card_charge(id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        status TEXT NOT NULL CHECK (status IN ('enviado','hecho','fallido','desconocido')),
        gateway_refund_id TEXT,
        reason TEXT NOT NULL,
        reversed_payment_id INTEGER REFERENCES payment(id),
        new_payment_id INTEGER REFERENCES payment(id),
        message TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX card_refund_by_charge ON card_refund(charge_id);

    CREATE TABLE card_payout(
        id INTEGER PRIMARY KEY,
        gateway TEXT NOT NULL CHECK (gateway IN ('izipay','niubiz')),
        date TEXT NOT NULL,
        currency TEXT NOT NULL CHECK (currency IN ('PEN','USD')),
        gross_cents INTEGER NOT NULL CHECK (gross_cents > 0),
        commission_cents INTEGER NOT NULL CHECK (commission_cents >= 0),
        net_cents INTEGER NOT NULL CHECK (net_cents > 0 AND net_cents + commission_cents = gross_cents),
        reference TEXT NOT NULL DEFAULT '',
        statement_line_id INTEGER UNIQUE,
        matched_at TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE card_payout_charge(
        payout_id INTEGER NOT NULL REFERENCES card_payout(id),
        charge_id INTEGER NOT NULL UNIQUE REFERENCES card_charge(id),
        PRIMARY KEY(payout_id, charge_id)
    ) STRICT, WITHOUT ROWID;
    -- The gateway's commission of a payout, a cost recorded when the payout meets its bank line.
    CREATE TABLE gateway_commission(
        id INTEGER PRIMARY KEY,
        payout_id INTEGER NOT NULL UNIQUE REFERENCES card_payout(id),
        date TEXT NOT NULL,
        currency TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE card_expiry_notice(
        card_id INTEGER PRIMARY KEY REFERENCES saved_card(id),
        flagged_on TEXT NOT NULL,
        queued INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    """
}
