import BytekStore
import Foundation

/// A few SQLite connections shared by the server's threads: each request borrows one for the time
/// of its store work (a connection is used by one thread at a time).
public final class DatabasePool: @unchecked Sendable {
    private let lock = NSLock()
    private let available: DispatchSemaphore
    private var idle: [Database]

    public init(path: String, size: Int) throws {
        idle = try (0..<max(1, size)).map { _ in try Database(path: path) }
        available = DispatchSemaphore(value: idle.count)
    }

    public func with<T>(_ body: (Database) throws -> T) rethrows -> T {
        available.wait()
        lock.lock()
        let db = idle.removeLast()
        lock.unlock()
        defer {
            lock.lock(); idle.append(db); lock.unlock()
            available.signal()
        }
        return try body(db)
    }
}
