extension Schema {
    /// v6: customer and catalog search fold the punctuation inside names and codes: the search
    /// indexes keep "E.I.R.L." also as "EIRL" (`TextSearch.ftsIndexText`), so "eirl" and "sac"
    /// find "E.I.R.L." and "S.A.C.". The triggers are replaced and the existing rows re-indexed.
    static let v6: String = [
        foldedIndex(table: "customer", fts: "customer_fts",
                    columns: ["legal_name", "trade_name", "doc_number", "district", "email"],
                    folded: ["legal_name", "trade_name"]),
        foldedIndex(table: "catalog_item", fts: "catalog_fts",
                    columns: ["sku", "name", "description", "niche"], folded: ["sku", "name"]),
    ].joined(separator: "\n")

    /// Replaces `fts`'s three sync triggers by ones that index `folded` columns through
    /// `TextSearch.ftsIndexText`, and rebuilds the index from `table`'s rows.
    static func foldedIndex(table: String, fts: String, columns: [String], folded: Set<String>) -> String {
        let names = columns.joined(separator: ", ")
        func values(_ row: String) -> String {
            columns.map { folded.contains($0) ? TextSearch.ftsIndexText("\(row).\($0)") : "\(row).\($0)" }
                .joined(separator: ", ")
        }
        return """
        DROP TRIGGER \(fts)_ai;
        DROP TRIGGER \(fts)_ad;
        DROP TRIGGER \(fts)_au;
        CREATE TRIGGER \(fts)_ai AFTER INSERT ON \(table) BEGIN
            INSERT INTO \(fts)(rowid, \(names)) VALUES (new.id, \(values("new")));
        END;
        CREATE TRIGGER \(fts)_ad AFTER DELETE ON \(table) BEGIN
            INSERT INTO \(fts)(\(fts), rowid, \(names)) VALUES ('delete', old.id, \(values("old")));
        END;
        CREATE TRIGGER \(fts)_au AFTER UPDATE ON \(table) BEGIN
            INSERT INTO \(fts)(\(fts), rowid, \(names)) VALUES ('delete', old.id, \(values("old")));
            INSERT INTO \(fts)(rowid, \(names)) VALUES (new.id, \(values("new")));
        END;
        INSERT INTO \(fts)(\(fts)) VALUES ('delete-all');
        INSERT INTO \(fts)(rowid, \(names)) SELECT id, \(values(table)) FROM \(table);
        """
    }
}
