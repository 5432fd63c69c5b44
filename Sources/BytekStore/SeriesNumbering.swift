/// Gapless correlatives of e-document series (`series_counter`).
///
/// The next number is taken inside the caller's write transaction (the one that inserts the document):
/// the IMMEDIATE transaction serialises writers across connections and processes, so no two documents
/// get one number, and a rollback gives the number back, so there are no gaps.
public enum SeriesNumbering {
    /// Takes the next number of `series` (1 for a new one). Must run inside `db.write`.
    public static func next(_ series: String, in db: Database) throws -> Int {
        precondition(db.isInTransaction, "SeriesNumbering.next must run inside db.write")
        let value = try db.scalar(
            """
            INSERT INTO series_counter(series, last_number) VALUES (?, 1)
            ON CONFLICT(series) DO UPDATE SET last_number = last_number + 1
            RETURNING last_number
            """, [.text(series)])
        return Int(value.intValue ?? 0)
    }

    /// The last number taken in `series` (0 when none).
    public static func last(_ series: String, in db: Database) throws -> Int {
        Int(try db.scalar("SELECT last_number FROM series_counter WHERE series = ?", [.text(series)]).intValue ?? 0)
    }
}
