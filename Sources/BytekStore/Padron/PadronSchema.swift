import CSQLite

/// The tables of `padron.sqlite`, the file SUNAT's padrón reducido is imported into. It lives beside
/// the business database, outside its migrations and backups: it is rebuilt from SUNAT's file.
public enum PadronSchema {
    /// How the taxpayers' table is keyed, measured with `bytek bench padron --layout` on 12 million lines
    /// (release build, quiet machine): keyed by RUC is fastest when the file comes sorted by RUC (18 s) but
    /// takes 67 s when it does not (119 s with the machine busy); loading first and indexing after takes
    /// 25–28 s in either order, so the importer uses `indexAfter` (its rowid is the line number, so a
    /// repeated RUC is reported by line). WITHOUT ROWID was slower than the rowid key and 13% bigger.
    public enum Layout: String, Sendable, CaseIterable {
        /// RUC as the rowid: the table is the B-tree keyed by RUC; no separate index.
        case rucKey = "ruc-rowid"
        /// A WITHOUT ROWID table whose primary key is the RUC as a number.
        case withoutRowid = "without-rowid"
        /// A plain table loaded first (rowid = line number), the index on RUC created after loading.
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

    /// The insert; with `indexAfter` the line number is the 16th parameter, the rowid.
    static func insert(_ layout: Layout) -> String {
        let names = columns + (layout == .indexAfter ? ["rowid"] : [])
        return "INSERT INTO contribuyente (\(names.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
    }

    /// The RUCs on more than one line (with `indexAfter`), read from the index.
    static let repeatedRUCs = "SELECT ruc FROM contribuyente GROUP BY ruc HAVING count(*) > 1"
    /// The lines of one repeated RUC, first line first.
    static let linesOfRUC = "SELECT rowid FROM contribuyente WHERE ruc = ? ORDER BY rowid"

    static let createInfo = "CREATE TABLE padron_info (clave TEXT PRIMARY KEY, valor TEXT NOT NULL) STRICT"
}
