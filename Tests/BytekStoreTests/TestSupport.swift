import BytekModel
import Foundation
@testable import BytekStore

/// A fresh folder under the system temp dir, removed when the value is deinitialised.
final class TempFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "bytek-store-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String = "test.sqlite") -> String { path + "/" + name }
}

/// A clock that advances one second on every reading, so every write has its own time.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private let step: TimeInterval
    init(start: Date = Date(timeIntervalSince1970: 1_750_000_000), step: TimeInterval = 1) {
        current = start; self.step = step
    }
    func now() -> Date {
        lock.lock(); defer { lock.unlock() }
        let d = current
        current = current.addingTimeInterval(step)
        return d
    }
}

/// A migrated database on a temp file.
func makeDatabase(_ folder: TempFolder, name: String = "test.sqlite") throws -> Database {
    let db = try Database(path: folder.file(name))
    try Migrator.migrate(db)
    return db
}

func ruc(_ body: String) -> String { RUC.complete(body) ?? "" }

func count(_ db: Database, _ table: String) throws -> Int64 {
    try db.scalar("SELECT count(*) FROM \(table)").intValue ?? -1
}

/// Errors collected from several threads.
final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
