import BytekModel
import CSQLite

/// The hot loop of the padrón import: one line of raw Latin-1 bytes is split on `|`, checked
/// (15 fields, a valid RUC, no control bytes, a razón social) and inserted with the one prepared
/// statement. The stored text is converted to UTF-8 into a reused scratch buffer and bound without a
/// copy (SQLITE_STATIC: the statement is stepped before the buffer is touched again). No String is made
/// for a good line.
final class PadronLineLoader {
    static let fieldCount = 15
    static let maxLineLength = 64 << 10

    private let db: OpaquePointer
    private let insert: OpaquePointer
    private let shownProblems: Int
    private let rowsPerTransaction: Int
    /// The line number is bound as the rowid (parameter 16), so a repeated RUC found later is named by line.
    private let bindsLineNumber: Bool
    private let starts = UnsafeMutablePointer<Int>.allocate(capacity: fieldCount + 2)
    private let ends = UnsafeMutablePointer<Int>.allocate(capacity: fieldCount + 2)
    private let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: maxLineLength * 2 + 16)

    private(set) var lineNumber = 0
    private(set) var dataLines = 0
    private(set) var imported = 0
    private(set) var malformed = 0
    private(set) var problems: [PadronLineProblem] = []
    var bytesRead: Int64 = 0
    private var sinceCommit = 0

    init(db: OpaquePointer, insert: OpaquePointer, shownProblems: Int, rowsPerTransaction: Int, bindsLineNumber: Bool) {
        self.db = db; self.insert = insert; self.shownProblems = shownProblems
        self.rowsPerTransaction = rowsPerTransaction; self.bindsLineNumber = bindsLineNumber
    }

    deinit {
        starts.deallocate(); ends.deallocate(); scratch.deallocate()
    }

    /// A line longer than the read buffer: counted as malformed; its bytes are skipped by the caller.
    func lineTooLong() {
        lineNumber += 1
        dataLines += 1
        problem(.tooLong)
    }

    /// One line without its `\n`.
    func line(_ base: UnsafeMutablePointer<UInt8>, count: Int) throws {
        var length = count
        if length > 0 && base[length - 1] == 0x0D { length -= 1 }
        lineNumber += 1
        if lineNumber == 1 && length >= 3 && base[0] | 0x20 == 0x72 && base[1] | 0x20 == 0x75 && base[2] | 0x20 == 0x63 {
            return  // the header: "RUC|NOMBRE O RAZÓN SOCIAL|…"
        }
        if length == 0 { return }
        dataLines += 1
        if length > Self.maxLineLength { return problem(.tooLong) }

        var fields = 0
        var fieldStart = 0
        var badByte: UInt8 = 0
        var badField = 0
        var i = 0
        while i < length {
            let b = base[i]
            if b == 0x7C {
                if fields <= Self.fieldCount { starts[fields] = fieldStart; ends[fields] = i }
                fields += 1
                fieldStart = i + 1
            } else if b < 0x20 || (b >= 0x7F && b < 0xA0) {
                if badField == 0 { badByte = b; badField = fields + 1 }
            }
            i += 1
        }
        if fields <= Self.fieldCount { starts[fields] = fieldStart; ends[fields] = length }
        fields += 1
        // SUNAT ends each line with a "|": a 16th field, empty.
        if fields == Self.fieldCount + 1 && starts[Self.fieldCount] == ends[Self.fieldCount] { fields = Self.fieldCount }
        guard fields == Self.fieldCount else { return problem(.fieldCount(fields)) }
        if badField != 0 { return problem(.badByte(badByte, field: badField)) }
        guard let ruc = rucValue(base + starts[0], count: ends[0] - starts[0]) else {
            return problem(.badRUC(String(decoding: UnsafeBufferPointer(start: base + starts[0], count: ends[0] - starts[0]),
                                          as: Unicode.ASCII.self)))
        }

        var out = 0
        for field in 1..<Self.fieldCount {
            var s = starts[field]
            var e = ends[field]
            while s < e && base[s] == 0x20 { s += 1 }
            while e > s && base[e - 1] == 0x20 { e -= 1 }
            var empty = true
            var j = s
            while j < e {
                if base[j] != 0x2D { empty = false; break }
                j += 1
            }
            if empty {
                if field == 1 { return problem(.emptyName) }
                sqlite3_bind_null(insert, Int32(field + 1))
                continue
            }
            let begin = out
            j = s
            while j < e {
                let b = base[j]
                if b < 0x80 {
                    scratch[out] = b
                    out += 1
                } else {
                    scratch[out] = 0xC0 | (b >> 6)
                    scratch[out + 1] = 0x80 | (b & 0x3F)
                    out += 2
                }
                j += 1
            }
            let text = UnsafeRawPointer(scratch + begin).assumingMemoryBound(to: CChar.self)
            sqlite3_bind_text(insert, Int32(field + 1), text, Int32(out - begin), nil)
        }
        sqlite3_bind_int64(insert, 1, ruc)
        if bindsLineNumber { sqlite3_bind_int64(insert, Int32(Self.fieldCount + 1), Int64(lineNumber)) }
        let rc = sqlite3_step(insert)
        sqlite3_reset(insert)
        if rc != SQLITE_DONE {
            if rc & 0xFF == SQLITE_CONSTRAINT { return problem(.duplicate(String(ruc))) }
            throw PadronImportError.database(String(cString: sqlite3_errstr(rc)))
        }
        imported += 1
        sinceCommit += 1
        if sinceCommit >= rowsPerTransaction {
            sinceCommit = 0
            try PadronImporter.exec(db, "COMMIT; BEGIN")
        }
    }

    /// The RUC as a number when it is 11 digits with a valid prefix (10, 15, 16, 17, 20) and check digit.
    private func rucValue(_ p: UnsafeMutablePointer<UInt8>, count: Int) -> Int64? {
        guard count == 11 else { return nil }
        var value: Int64 = 0
        for k in 0..<11 {
            let d = Int64(p[k]) - 0x30
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
        }
        let prefix = value / 1_000_000_000
        guard prefix == 10 || prefix == 15 || prefix == 16 || prefix == 17 || prefix == 20 else { return nil }
        return RUC.checkDigit(firstTen: value / 10) == value % 10 ? value : nil
    }

    private func problem(_ reason: PadronLineProblem.Reason) {
        malformed += 1
        if problems.count < shownProblems { problems.append(PadronLineProblem(line: lineNumber, reason: reason)) }
    }
}
