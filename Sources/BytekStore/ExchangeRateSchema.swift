extension Schema {
    /// Exchange rates per day (compra and venta in thousandths of a sol), entered or imported.
    static let exchangeRates = """
    CREATE TABLE exchange_rate(
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL UNIQUE CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        buy_milli INTEGER NOT NULL CHECK (buy_milli > 0),
        sell_milli INTEGER NOT NULL CHECK (sell_milli > 0),
        source TEXT NOT NULL CHECK (source IN ('manual','import')),
        user_login TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT;
    """
}
