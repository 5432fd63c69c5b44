import CSQLite
import BytekModel
import Foundation

/// An error from SQLite, with its result code and message.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?
    public var description: String { "SQLite \(code): \(message)" + (sql.map { " [\($0)]" } ?? "") }
    public var isConstraintViolation: Bool { code & 0xff == SQLITE_CONSTRAINT }
    public var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }
}

/// One SQLite connection. WAL, foreign keys and a busy timeout are set on open.
/// A connection is used by one thread at a time; the class is `@unchecked Sendable`
/// so that a worker thread can own its own connection.
public final class Database: @unchecked Sendable {
    public let path: String
    let handle: OpaquePointer
    private var cache: [String: OpaquePointer] = [:]
    private var transactionDepth = 0

    /// Opens (creating if needed) the database at `path`.
    public init(path: String, readOnly: Bool = false, busyTimeoutMs: Int32 = 10_000) throws {
        self.path = path
        var db: OpaquePointer?
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "no se pudo abrir"
            if let db { sqlite3_close_v2(db) }
            throw DatabaseError(code: rc, message: msg, sql: nil)
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMs)
        sqlite3_extended_result_codes(db, 1)
        if !readOnly {
            try execute("PRAGMA journal_mode=WAL")
            try execute("PRAGMA synchronous=NORMAL")
        }
        try execute("PRAGMA foreign_keys=ON")
        registerFunctions()
    }

    deinit {
        for stmt in cache.values { sqlite3_finalize(stmt) }
        sqlite3_close_v2(handle)
    }

    // MARK: statements

    private func statement(_ sql: String) throws -> OpaquePointer {
        if let stmt = cache[sql] {
            sqlite3_reset(stmt)
            sqlite3_clear_bindings(stmt)
            return stmt
        }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, sql) }
        cache[sql] = stmt
        return stmt
    }

    private func bind(_ stmt: OpaquePointer, _ args: [SQLValue], _ sql: String) throws {
        for (i, value) in args.enumerated() {
            let idx = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(stmt, idx)
            case .int(let v): rc = sqlite3_bind_int64(stmt, idx, v)
            case .double(let d): rc = sqlite3_bind_double(stmt, idx, d)
            case .text(let s): rc = sqlite3_bind_text(stmt, idx, s, -1, csqlite_transient())
            case .blob(let b):
                rc = b.withUnsafeBytes { sqlite3_bind_blob(stmt, idx, $0.baseAddress, Int32(b.count), csqlite_transient()) }
            }
            guard rc == SQLITE_OK else { throw error(rc, sql) }
        }
    }

    private func readRow(_ stmt: OpaquePointer, columns: [String]) -> Row {
        var values: [SQLValue] = []
        values.reserveCapacity(columns.count)
        for i in 0..<Int32(columns.count) {
            switch sqlite3_column_type(stmt, i) {
            case SQLITE_INTEGER: values.append(.int(sqlite3_column_int64(stmt, i)))
            case SQLITE_FLOAT: values.append(.double(sqlite3_column_double(stmt, i)))
            case SQLITE_TEXT: values.append(.text(String(cString: sqlite3_column_text(stmt, i))))
            case SQLITE_BLOB:
                let n = Int(sqlite3_column_bytes(stmt, i))
                if let p = sqlite3_column_blob(stmt, i) {
                    values.append(.blob(Array(UnsafeRawBufferPointer(start: p, count: n))))
                } else { values.append(.blob([])) }
            default: values.append(.null)
            }
        }
        return Row(columns: columns, values: values)
    }

    private func columnNames(_ stmt: OpaquePointer) -> [String] {
        (0..<sqlite3_column_count(stmt)).map { String(cString: sqlite3_column_name(stmt, $0)) }
    }

    func error(_ rc: Int32, _ sql: String?) -> DatabaseError {
        DatabaseError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    // MARK: public API

    /// Runs one statement (or several separated by `;` when there are no arguments).
    public func execute(_ sql: String, _ args: [SQLValue] = []) throws {
        if args.isEmpty && sql.contains(";") {
            var errmsg: UnsafeMutablePointer<CChar>?
            let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
            if rc != SQLITE_OK {
                let msg = errmsg.map { String(cString: $0) } ?? ""
                sqlite3_free(errmsg)
                throw DatabaseError(code: rc, message: msg, sql: sql)
            }
            return
        }
        let stmt = try statement(sql)
        defer { sqlite3_reset(stmt) }
        try bind(stmt, args, sql)
        var rc = sqlite3_step(stmt)
        while rc == SQLITE_ROW { rc = sqlite3_step(stmt) }
        guard rc == SQLITE_DONE else { throw error(rc, sql) }
    }

    public func execute(_ sql: String, _ args: SQLBindable...) throws {
        try execute(sql, args.map(\.sqlValue))
    }

    /// Calls `body` for each row without materialising the whole result.
    public func forEach(_ sql: String, _ args: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        let stmt = try statement(sql)
        defer { sqlite3_reset(stmt) }
        try bind(stmt, args, sql)
        let cols = columnNames(stmt)
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw error(rc, sql) }
            try body(readRow(stmt, columns: cols))
        }
    }

    public func query(_ sql: String, _ args: [SQLValue] = []) throws -> [Row] {
        var rows: [Row] = []
        try forEach(sql, args) { rows.append($0) }
        return rows
    }

    public func query(_ sql: String, _ args: SQLBindable...) throws -> [Row] {
        try query(sql, args.map(\.sqlValue))
    }

    public func queryOne(_ sql: String, _ args: [SQLValue] = []) throws -> Row? {
        var found: Row?
        let stmt = try statement(sql)
        defer { sqlite3_reset(stmt) }
        try bind(stmt, args, sql)
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_ROW { found = readRow(stmt, columns: columnNames(stmt)) }
        else if rc != SQLITE_DONE { throw error(rc, sql) }
        return found
    }

    public func queryOne(_ sql: String, _ args: SQLBindable...) throws -> Row? {
        try queryOne(sql, args.map(\.sqlValue))
    }

    /// The first column of the first row.
    public func scalar(_ sql: String, _ args: [SQLValue] = []) throws -> SQLValue {
        try queryOne(sql, args)?[0] ?? .null
    }

    public func scalar(_ sql: String, _ args: SQLBindable...) throws -> SQLValue {
        try scalar(sql, args.map(\.sqlValue))
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` in an IMMEDIATE transaction (the write lock is taken at once, so
    /// busy waits happen before any work). Nested calls use savepoints. On error
    /// everything is rolled back: nothing half-written reaches the file.
    @discardableResult
    public func write<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            let name = "sp\(transactionDepth)"
            try execute("SAVEPOINT \(name)")
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            do {
                let result = try body()
                try execute("RELEASE \(name)")
                return result
            } catch {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
                throw error
            }
        }
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// A read transaction, so that several queries see one snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 { return try body() }
        try execute("BEGIN DEFERRED")
        transactionDepth = 1
        defer { transactionDepth = 0; try? execute("COMMIT") }
        return try body()
    }

    public var isInTransaction: Bool { transactionDepth > 0 }

    /// Changes whenever another connection commits; polled by the TUI to refresh.
    public func dataVersion() -> Int64 {
        (try? scalar("PRAGMA data_version").intValue) ?? 0
    }

    /// Online backup of this (possibly live) database into `destination`, page by page.
    public func backup(to destination: String) throws {
        try? FileManager.default.removeItem(atPath: destination)
        var dest: OpaquePointer?
        guard sqlite3_open_v2(destination, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK,
              let dest else { throw DatabaseError(code: SQLITE_CANTOPEN, message: "no se pudo crear \(destination)", sql: nil) }
        defer { sqlite3_close_v2(dest) }
        guard let backup = sqlite3_backup_init(dest, "main", handle, "main") else {
            throw DatabaseError(code: sqlite3_errcode(dest), message: String(cString: sqlite3_errmsg(dest)), sql: nil)
        }
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(backup, 256)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(code: rc, message: String(cString: sqlite3_errstr(rc)), sql: nil)
        }
    }

    /// `PRAGMA integrity_check`: "ok" or the list of problems.
    public func integrityCheck() throws -> String {
        try query("PRAGMA integrity_check").map { $0[0].stringValue ?? "" }.joined(separator: "\n")
    }

    // MARK: functions

    /// `fold(text)`: lower-case, accents removed. Used for accent-insensitive search keys.
    private func registerFunctions() {
        sqlite3_create_function_v2(handle, "fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, { ctx, _, argv in
            guard let argv, let arg = argv[0], let text = sqlite3_value_text(arg) else {
                sqlite3_result_null(ctx); return
            }
            let folded = TextFold.fold(String(cString: text))
            sqlite3_result_text(ctx, folded, -1, csqlite_transient())
        }, nil, nil, nil)
    }
}
