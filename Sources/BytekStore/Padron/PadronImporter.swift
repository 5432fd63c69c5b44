import CSQLite
import Foundation

/// Imports SUNAT's padrón reducido (the `.zip` or its `.txt`: pipe-separated, a header line, Latin-1,
/// 15 fields) into a new `padron.sqlite`: written as `padron.sqlite.tmp` and renamed into place, so a
/// failed import leaves the previous file intact and a reader that opened the old file keeps reading it.
///
/// The file is read in big blocks and split on `\n` and `|` over raw bytes; only the text that is
/// stored is converted (Latin-1 to UTF-8, into a reused buffer bound without a copy). One prepared
/// statement, big transactions, and no journal and no fsync on the new file: it is rebuilt from SUNAT's
/// file, so a crash only means importing again. Malformed lines are counted (the first ones kept with
/// their number) and skipped.
public final class PadronImporter {
    public let destination: String
    public var layout: PadronSchema.Layout = .indexAfter
    /// How many problems the report keeps (all are counted).
    public var shownProblems = 20
    public var blockSize = 4 << 20
    public var rowsPerTransaction = 1_000_000
    /// SQLite's page cache for the new file, in MiB (the import's memory is mostly this).
    public var cacheMegabytes = 64
    /// The least time between two progress calls, in seconds.
    public var progressInterval = 0.25

    /// Imports into `destination` (normally `PadronFiles.path(besideDatabase:)`).
    public init(destination: String) {
        self.destination = destination
    }

    /// Reads `source` and replaces the padrón with it. Throws `PadronImportError` (the old file stays).
    public func run(source path: String, progress: (PadronProgress) -> Void = { _ in }) throws -> PadronImportReport {
        let started = PadronClock.seconds()
        let source = try PadronSource(path: path)
        // One import at a time per folder: both would write the same temporary file.
        let folder = (destination as NSString).deletingLastPathComponent
        let folderHandle = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folderHandle >= 0 { close(folderHandle) } }
        guard folderHandle >= 0, flock(folderHandle, LOCK_EX | LOCK_NB) == 0 else {
            throw PadronImportError.busy(folder: folder)
        }
        let temporary = destination + PadronFiles.temporarySuffix
        Self.removeTemporary(temporary)
        var handle: OpaquePointer?
        guard sqlite3_open_v2(temporary, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
                == SQLITE_OK, let db = handle else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no se pudo crear"
            sqlite3_close_v2(handle)
            Self.removeTemporary(temporary)
            throw PadronImportError.database("\(temporary): \(reason)")
        }
        var statement: OpaquePointer?
        var finished = false
        defer {
            if !finished {
                sqlite3_finalize(statement)
                sqlite3_close_v2(db)
                Self.removeTemporary(temporary)
            }
        }
        try Self.exec(db, """
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;
            PRAGMA cache_size=-\(cacheMegabytes * 1024); PRAGMA temp_store=FILE;
            \(PadronSchema.createTable(layout)); \(PadronSchema.createInfo); BEGIN
            """)
        guard sqlite3_prepare_v3(db, PadronSchema.insert(layout), -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let insert = statement else {
            throw PadronImportError.database(String(cString: sqlite3_errmsg(db)))
        }
        let loader = PadronLineLoader(db: db, insert: insert, shownProblems: shownProblems,
                                      rowsPerTransaction: rowsPerTransaction, bindsLineNumber: layout == .indexAfter)
        var report = PadronImportReport()
        try readBlocks(source, loader: loader, started: started, progress: progress)
        report.lines = loader.dataLines
        report.imported = loader.imported
        report.malformed = loader.malformed
        report.problems = loader.problems
        report.bytes = loader.bytesRead
        try Self.exec(db, "COMMIT")
        sqlite3_finalize(insert)
        statement = nil
        guard report.imported > 0 else { throw PadronImportError.noValidLines(path: path, malformed: report.malformed) }
        if let index = PadronSchema.afterLoad(layout) {
            // The index's sorter takes as much memory as the page cache again: halve both while it runs.
            try Self.exec(db, "PRAGMA cache_size=-\(cacheMegabytes * 512)")
            try Self.exec(db, index)
            try removeRepeatedRUCs(db, report: &report)
        }
        let info: [(String, String)] = [
            ("origen", (path as NSString).lastPathComponent), ("importado", ISOTimestamp.format(Date())),
            ("contribuyentes", String(report.imported)), ("lineas_con_errores", String(report.malformed)),
        ]
        for (key, value) in info {
            try Self.exec(db, "INSERT INTO padron_info (clave, valor) VALUES ('\(key)', '\(value.replacingOccurrences(of: "'", with: "''"))')")
        }
        guard sqlite3_close_v2(db) == SQLITE_OK else { throw PadronImportError.database("no se pudo cerrar \(temporary)") }
        finished = true
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            Self.removeTemporary(temporary)
            throw PadronImportError.database("no se pudo reemplazar \(destination): \(reason)")
        }
        report.seconds = PadronClock.seconds() - started
        return report
    }

    /// The block loop: lines are cut on `\n` inside the buffer; the unfinished tail moves to the front.
    private func readBlocks(_ source: PadronSource, loader: PadronLineLoader, started: Double,
                            progress: (PadronProgress) -> Void) throws {
        let capacity = max(blockSize, PadronLineLoader.maxLineLength * 2)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        var skipping = false
        var lastReport = started
        while true {
            let n = try source.read(into: buffer + filled, count: capacity - filled)
            loader.bytesRead += Int64(n)
            let end = filled + n
            var start = 0
            while start < end, let found = memchr(buffer + start, 0x0A, end - start) {
                let newline = found.assumingMemoryBound(to: UInt8.self) - buffer
                if skipping { skipping = false } else { try loader.line(buffer + start, count: newline - start) }
                start = newline + 1
            }
            if n == 0 {
                if start < end && !skipping { try loader.line(buffer + start, count: end - start) }
                break
            }
            let rest = end - start
            if rest == capacity {
                loader.lineTooLong()
                skipping = true
                filled = 0
            } else {
                if rest > 0 && start > 0 { memmove(buffer, buffer + start, rest) }
                filled = rest
            }
            let now = PadronClock.seconds()
            if now - lastReport >= progressInterval {
                lastReport = now
                progress(PadronProgress(lines: loader.dataLines, bytesRead: loader.bytesRead,
                                        totalBytes: source.totalBytes, seconds: now - started))
            }
        }
    }

    /// Keeps the first line of each RUC that appears more than once and reports the others, merged in
    /// line order with the problems found while loading.
    private func removeRepeatedRUCs(_ db: OpaquePointer, report: inout PadronImportReport) throws {
        var repeated: [Int64] = []
        var lines: [(line: Int64, ruc: Int64)] = []
        try Self.query(db, PadronSchema.repeatedRUCs, []) { repeated.append(sqlite3_column_int64($0, 0)) }
        for ruc in repeated {
            var first = true
            try Self.query(db, PadronSchema.linesOfRUC, [ruc]) { row in
                if !first { lines.append((sqlite3_column_int64(row, 0), ruc)) }
                first = false
            }
        }
        guard !lines.isEmpty else { return }
        try Self.exec(db, "BEGIN")
        for (line, _) in lines { try Self.exec(db, "DELETE FROM contribuyente WHERE rowid = \(line)") }
        try Self.exec(db, "COMMIT")
        report.imported -= lines.count
        report.malformed += lines.count
        let duplicates = lines.map { PadronLineProblem(line: Int($0.line), reason: .duplicate(String($0.ruc))) }
        report.problems = Array((report.problems + duplicates).sorted { $0.line < $1.line }.prefix(shownProblems))
    }

    static func query(_ db: OpaquePointer, _ sql: String, _ args: [Int64], _ row: (OpaquePointer) -> Void) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw PadronImportError.database(String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        for (i, value) in args.enumerated() { sqlite3_bind_int64(statement, Int32(i + 1), value) }
        var rc = sqlite3_step(statement)
        while rc == SQLITE_ROW {
            row(statement)
            rc = sqlite3_step(statement)
        }
        guard rc == SQLITE_DONE else { throw PadronImportError.database(String(cString: sqlite3_errmsg(db))) }
    }

    static func exec(_ db: OpaquePointer, _ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(message)
            throw PadronImportError.database(text)
        }
    }

    static func removeTemporary(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }
}

/// A monotonic clock in seconds, for rates and progress.
enum PadronClock {
    static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
