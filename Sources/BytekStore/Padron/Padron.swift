import BytekModel
import CSQLite
import Foundation

/// The padrón reducido for lookups by RUC (customer and lead forms, `bytek padron show`). It opens
/// `padron.sqlite` read-only and immutable: an import never changes the file, it renames a new one over
/// it, so this reader keeps reading the file it opened until it is opened again.
public final class Padron: @unchecked Sendable {
    public let path: String
    private let handle: OpaquePointer
    private let lookup: OpaquePointer
    private let lock = NSLock()

    /// Opens the padrón at `path`; throws when it is missing or not a padrón.
    public init(path: String) throws {
        self.path = path
        var db: OpaquePointer?
        let uri = "file:" + Self.uriEscaped(path) + "?immutable=1"
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        guard FileManager.default.fileExists(atPath: path),
              sqlite3_open_v2(uri, &db, flags, nil) == SQLITE_OK, let db else {
            sqlite3_close_v2(db)
            throw PadronError.missing(path: path)
        }
        var statement: OpaquePointer?
        let sql = "SELECT " + PadronSchema.columns.joined(separator: ", ") + " FROM contribuyente WHERE ruc = ?"
        guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement else {
            sqlite3_close_v2(db)
            throw PadronError.notAPadron(path: path)
        }
        handle = db
        lookup = statement
    }

    deinit {
        sqlite3_finalize(lookup)
        sqlite3_close_v2(handle)
    }

    /// The padrón beside the database at `databasePath`, or nil when none was imported yet.
    public static func open(besideDatabase databasePath: String) throws -> Padron? {
        let path = PadronFiles.path(besideDatabase: databasePath)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Padron(path: path)
    }

    /// The taxpayer with this RUC (11 digits; spaces around are ignored), or nil when the padrón does not
    /// have it or the text is not a RUC.
    public func entry(ruc input: String) throws -> PadronEntry? {
        let digits = input.trimmingCharacters(in: .whitespaces)
        guard digits.utf8.count == 11, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let ruc = Int64(digits) else {
            return nil
        }
        lock.lock()
        defer { lock.unlock() }
        sqlite3_reset(lookup)
        sqlite3_bind_int64(lookup, 1, ruc)
        let rc = sqlite3_step(lookup)
        defer { sqlite3_reset(lookup) }
        if rc == SQLITE_DONE { return nil }
        guard rc == SQLITE_ROW else {
            throw DatabaseError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: nil)
        }
        func text(_ column: Int32) -> String? {
            guard let p = sqlite3_column_text(lookup, column) else { return nil }
            return String(cString: p)
        }
        let address = PadronAddress(tipoVia: text(5), nombreVia: text(6), codigoZona: text(7), tipoZona: text(8),
                                    numero: text(9), interior: text(10), lote: text(11), departamento: text(12),
                                    manzana: text(13), kilometro: text(14))
        return PadronEntry(ruc: digits, razonSocial: text(1) ?? "", estado: text(2) ?? "", condicion: text(3) ?? "",
                           ubigeo: text(4), address: address)
    }

    /// What a form fills in for this RUC (razón social, dirección, ubigeo), or nil when it is not in the padrón.
    public func formFill(ruc: String) throws -> PadronFormFill? {
        try entry(ruc: ruc)?.formFill
    }

    /// What the import recorded: the source file's name, when, how many taxpayers and bad lines.
    public func info() throws -> PadronInfo {
        var values: [String: String] = [:]
        lock.lock()
        defer { lock.unlock() }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, "SELECT clave, valor FROM padron_info", -1, &statement, nil) == SQLITE_OK else {
            throw PadronError.notAPadron(path: path)
        }
        defer { sqlite3_finalize(statement) }
        while sqlite3_step(statement) == SQLITE_ROW {
            if let k = sqlite3_column_text(statement, 0), let v = sqlite3_column_text(statement, 1) {
                values[String(cString: k)] = String(cString: v)
            }
        }
        return PadronInfo(source: values["origen"] ?? "", importedAt: values["importado"].flatMap(ISOTimestamp.parse),
                          taxpayers: Int(values["contribuyentes"] ?? "") ?? 0,
                          malformedLines: Int(values["lineas_con_errores"] ?? "") ?? 0)
    }

    private static func uriEscaped(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

/// What an import recorded in the padrón file.
public struct PadronInfo: Sendable, Equatable {
    public var source: String
    public var importedAt: Date?
    public var taxpayers: Int
    public var malformedLines: Int
}

/// Why the padrón could not be read.
public enum PadronError: Error, CustomStringConvertible, Sendable {
    case missing(path: String)
    case notAPadron(path: String)

    public var message: String {
        switch self {
        case .missing(let path): return "no hay padrón en \(path); impórtelo con bytek padron import ARCHIVO (el .zip de SUNAT)"
        case .notAPadron(let path): return "\(path) no es un padrón importado por bytek; impórtelo de nuevo"
        }
    }

    public var description: String { message }
}
