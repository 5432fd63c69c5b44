import Foundation
@testable import BytekStore

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(_ start: Int64 = 1_800_000_000_000) { value = start }

    var now: Int64 { lock.withLock { value } }
    func advance(ms: Int64) { lock.withLock { value += ms } }
    func set(_ ms: Int64) { lock.withLock { value = ms } }
    var clock: MillisecondClock { { [self] in self.now } }
}

/// A fresh folder under the system temp folder, removed by `cleanup()`.
struct TempFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "bytek-worker-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// A migrated store in this folder.
    func store(_ name: String = "bytek.sqlite") throws -> Store { try Store(path: file(name)) }

    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}
