import CSQLite

/// The tables of `padron.sqlite`, the file SUNAT's padrón reducido is imported into. It lives beside
/// the business database, outside its migrations and backups: it is rebuilt from SUNAT's file.
public enum PadronSchema {
    /// How the taxpayers' table is keyed. `rucKey` (the RUC as the INTEGER PRIMARY KEY, i.e. the rowid)
    /// is what the importer uses: measured against the others with `bytek bench padron --layout`.
    public enum Layout: String, Sendable, CaseIterable {
        /// RUC as the rowid: the table is the B-tree keyed by RUC; no separate index.
        case rucKey = "ruc-rowid"
        /// A WITHOUT ROWID table whose primary key is the RUC as a number.
        case withoutRowid = "without-rowid"
        /// A plain rowid table loaded first, the index on RUC created after loading.
        case indexAfter = "index-after"
    }

    static let columns = [
        "ruc", "razon_social", "estado", "condicion", "ubigeo", "tipo_via", "nombre_via", "codigo_zona", "tipo_zona",
        "numero", "interior", "lote", "departamento", "manzana", "kilometro",
    ]

    static func createTable(_ layout: Layout) -> String {
        let rest = columns.dropFirst().map { $0 == "razon_social" ? "\($0) TEXT NOT NULL" : "\($0) TEXT" }
            .joined(separator: ", ")
        switch layout {
        case .rucKey: return "CREATE TABLE contribuyente (ruc INTEGER PRIMARY KEY, \(rest)) STRICT"
        case .withoutRowid: return "CREATE TABLE contribuyente (ruc INTEGER PRIMARY KEY, \(rest)) STRICT, WITHOUT ROWID"
        case .indexAfter: return "CREATE TABLE contribuyente (ruc INTEGER NOT NULL, \(rest)) STRICT"
        }
    }

    static func afterLoad(_ layout: Layout) -> String? {
        layout == .indexAfter ? "CREATE INDEX contribuyente_ruc ON contribuyente(ruc)" : nil
    }

    static let insert = "INSERT INTO contribuyente (\(columns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"

    static let createInfo = "CREATE TABLE padron_info (clave TEXT PRIMARY KEY, valor TEXT NOT NULL) STRICT"
}
