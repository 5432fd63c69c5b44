import Foundation
import Testing
@testable import BytekStore

@Suite struct BackupRetentionTests {
    func name(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 2, _ mi: Int = 0) -> String {
        BackupStamp(year: y, month: m, day: d, hour: h, minute: mi)?.fileName ?? "?"
    }

    @Test func stampReadsAndWritesFileNames() throws {
        let s = try #require(BackupStamp(fileName: "bytek-20261126-020003.zip"))
        #expect((s.year, s.month, s.day, s.hour, s.minute, s.second) == (2026, 11, 26, 2, 0, 3))
        #expect(s.fileName == "bytek-20261126-020003.zip")
        // Bare database copies of earlier versions keep their place in the retention.
        #expect(BackupStamp(fileName: "bytek-20261126-020003.sqlite") == s)
        #expect(BackupStamp(fileName: "bytek-20261126-020003.tar") == nil)
        #expect(BackupStamp(fileName: "bytek-20260231-020003.sqlite") == nil)
        #expect(BackupStamp(fileName: "bytek-2026112-020003.sqlite") == nil)
        #expect(BackupStamp(fileName: "otro.sqlite") == nil)
        #expect(BackupStamp(unixMs: limaMs(2026, 11, 26, 2, 0, 3)).fileName == "bytek-20261126-020003.zip")
        #expect(BackupStamp(unixMs: limaMs(2024, 2, 29, 23, 59, 59)).fileName == "bytek-20240229-235959.zip")
    }

    @Test func fewerCopiesThanTheLimitsKeepsEverything() {
        let names = (1...5).map { name(2026, 11, $0) }
        #expect(BackupRetention.filesToDelete(names).isEmpty)
    }

    @Test func keepsLastSevenDaysAndLastFourWeeks() {
        // One copy a night for 60 nights ending Thursday 2026-11-26.
        let end = BackupStamp(year: 2026, month: 11, day: 26)?.dayNumber ?? 0
        var names: [String] = []
        for offset in 0..<60 {
            let (y, m, d) = BackupStamp.civilFromDays(end - Int64(offset))
            names.append(name(y, m, d))
        }
        let keep = BackupRetention.filesToKeep(names)
        // Daily: 20..26 November. Weekly (newest of each week Mon-Sun): 26 Nov (week of 23 Nov),
        // Sun 22 Nov, Sun 15 Nov, Sun 8 Nov.
        let expected = Set((20...26).map { name(2026, 11, $0) } + [name(2026, 11, 15), name(2026, 11, 8)])
        #expect(keep == expected)
        #expect(BackupRetention.filesToDelete(names).count == 60 - expected.count)
    }

    @Test func keepsNewestCopyOfADayAndIgnoresForeignFiles() {
        let names = [name(2026, 11, 26, 2, 0), name(2026, 11, 26, 14, 30), "notas.txt", "bytek.sqlite"]
        #expect(BackupRetention.filesToDelete(names) == [name(2026, 11, 26, 2, 0)])
    }

    @Test func weeklyCopiesSurviveGapsInDailyCopies() {
        // Copies every 10 days: each is its own day and week; 7 daily slots cover all but the oldest ones,
        // and weeks add nothing older than the last four weeks with copies.
        let start = BackupStamp(year: 2026, month: 1, day: 1)?.dayNumber ?? 0
        let names = (0..<10).map { i -> String in
            let (y, m, d) = BackupStamp.civilFromDays(start + Int64(i * 10))
            return name(y, m, d)
        }
        let keep = BackupRetention.filesToKeep(names)
        #expect(keep == Set(names.suffix(7)))
        #expect(BackupRetention.filesToKeep(names, daily: 2, weekly: 4) == Set(names.suffix(4)))
    }
}

@Suite struct BackupServiceTests {
    func fill(_ db: Database, rows: Int) throws {
        try db.write {
            for i in 0..<rows {
                try db.execute("INSERT INTO setting(key, value) VALUES (?, ?)", "k\(i)", String(repeating: "x", count: 200))
            }
        }
    }

    @Test func backupOfLiveDatabaseThenRestoreIntoNewFile() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        try fill(store.db, rows: 2_000)
        let backup = tmp.file("copias/uno.sqlite")
        try BackupService.backup(store.db, to: backup)
        try fill(store.db, rows: 0)
        #expect(try Database(path: backup, readOnly: true).integrityCheck() == "ok")

        let restored = tmp.file("restaurada/bytek.sqlite")
        try BackupService.restore(from: backup, into: restored)
        let db = try Database(path: restored)
        #expect(try db.integrityCheck() == "ok")
        #expect(try db.scalar("SELECT count(*) FROM setting").intValue == 2_000)
        #expect(try Migrator.currentVersion(db) == Migrator.latestVersion)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.file("copias")).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func restoreReplacesTargetAndDropsItsStaleWAL() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let source = try tmp.store("fuente.sqlite")
        try fill(source.db, rows: 10)
        try BackupService.backup(source.db, to: tmp.file("copia.sqlite"))

        let target = tmp.file("destino.sqlite")
        do {
            let t = try Store(path: target)
            try fill(t.db, rows: 50)
        }
        try Data("basura".utf8).write(to: URL(fileURLWithPath: target + "-wal"))
        try BackupService.restore(from: tmp.file("copia.sqlite"), into: target)
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"))
        let db = try Database(path: target)
        #expect(try db.scalar("SELECT count(*) FROM setting").intValue == 10)
    }

    @Test func restoreRefusesDamagedOrMissingSourceAndLeavesTargetAlone() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let target = tmp.file("destino.sqlite")
        do { try fill(try Store(path: target).db, rows: 3) }
        let before = try Data(contentsOf: URL(fileURLWithPath: target))

        let junk = tmp.file("basura.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: junk))
        #expect(throws: BackupError.self) { try BackupService.restore(from: junk, into: target) }
        #expect(throws: BackupError.sourceMissing(path: tmp.file("no-existe.sqlite"))) {
            try BackupService.restore(from: tmp.file("no-existe.sqlite"), into: target)
        }

        // A real database with a damaged page: integrity_check must catch it.
        let damaged = tmp.file("danada.sqlite")
        do {
            let s = try Store(path: damaged)
            try fill(s.db, rows: 500)
            try s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: damaged))
        let pageSize = 4096
        #expect(bytes.count > 12 * pageSize)
        // Break the b-tree page headers of a few pages in the middle (page type 0 does not exist).
        for page in 6..<12 { for i in 0..<8 { bytes[page * pageSize + i] = 0 } }
        try bytes.write(to: URL(fileURLWithPath: damaged))
        #expect(throws: BackupError.self) { try BackupService.restore(from: damaged, into: target) }

        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
    }

    @Test func nightlyJobWritesNamedCopyAndPrunes() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        try fill(store.db, rows: 5)
        let folder = BackupJob.folder(forDatabase: store.path)
        #expect(folder == tmp.path + "/backups" || folder.hasSuffix("/backups"))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Ten old nightly copies from consecutive days in October plus a file of the user's.
        for d in 1...10 {
            let name = BackupStamp(year: 2026, month: 10, day: d, hour: 2)?.fileName ?? "?"
            _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("x".utf8))
        }
        _ = FileManager.default.createFile(atPath: folder + "/mio.txt", contents: Data())

        let outcome = try BackupJob.run(db: store.db, nowMs: limaMs(2026, 11, 26, 2, 0, 5))
        #expect(outcome.file == folder + "/bytek-20261126-020005.zip")
        let scratch = tmp.file("revisar")
        let manifest = try BackupArchive.extract(outcome.file, into: scratch)
        #expect(try Database(path: scratch + "/bytek.sqlite", readOnly: true).integrityCheck() == "ok")
        #expect(manifest.tables["setting"] == 5)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(left.contains("mio.txt"))
        #expect(left.contains("bytek-20261126-020005.zip"))
        // Kept: today and 5..10 Oct (7 days), Sun 4 Oct (newest of its week, Thu 1 to Sun 4), mio.txt.
        #expect(left.count == 9, "\(left.sorted())")
        #expect(left.contains("bytek-20261004-020000.zip"))
        #expect(outcome.pruned == (1...3).map { "bytek-2026100\($0)-020000.zip" })
        #expect(outcome.json.contains("eliminados"))
    }
}
