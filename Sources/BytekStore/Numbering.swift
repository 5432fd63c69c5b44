import Foundation

/// Gapless document series (`COT-2026`, later invoice series): the next number is taken inside the
/// caller's write transaction, so two connections writing at once never get the same number, and a
/// creation that rolls back gives its number back (no gaps).
public enum Numbering {
    /// Takes the next number of `series` (1 for a new series). Must run inside `db.write`.
    public static func next(_ series: String, in db: Database) throws -> Int {
        precondition(db.isInTransaction, "Numbering.next must run inside db.write")
        let value = try db.scalar(
            """
            INSERT INTO numbering(series, last_number) VALUES (?, 1)
            ON CONFLICT(series) DO UPDATE SET last_number = last_number + 1
            RETURNING last_number
            """, [.text(series)])
        return Int(value.intValue ?? 0)
    }

    /// The last number taken in `series` (0 when none).
    public static func last(_ series: String, in db: Database) throws -> Int {
        Int(try db.scalar("SELECT last_number FROM numbering WHERE series = ?", [.text(series)]).intValue ?? 0)
    }
}
