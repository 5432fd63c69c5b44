import Foundation

/// Login attempts limited per account and per address with a growing delay: after `freeFailures`
/// failures in a row, each further failure doubles the wait (base, 2×base, 4×base … up to `maxDelay`)
/// before that account or address may try again. A success clears the account's count.
public final class LoginThrottle: @unchecked Sendable {
    public let baseDelay: TimeInterval
    public let freeFailures: Int
    public let maxDelay: TimeInterval
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var entries: [String: (failures: Int, until: Date)] = [:]

    public init(baseDelay: TimeInterval = 1, freeFailures: Int = 3, maxDelay: TimeInterval = 900,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.baseDelay = baseDelay; self.freeFailures = freeFailures; self.maxDelay = maxDelay; self.now = now
    }

    /// Seconds to wait before `account` from `address` may try again; 0 when it may try now.
    public func wait(account: String, address: String) -> TimeInterval {
        lock.lock(); defer { lock.unlock() }
        let t = now()
        let keys = ["a:" + account.lowercased(), "ip:" + address]
        return keys.compactMap { entries[$0].map { $0.until.timeIntervalSince(t) } }.max().map { max(0, $0) } ?? 0
    }

    public func failed(account: String, address: String) {
        lock.lock(); defer { lock.unlock() }
        let t = now()
        if entries.count > 100_000 { entries = entries.filter { $0.value.until > t } }
        for key in ["a:" + account.lowercased(), "ip:" + address] {
            let failures = (entries[key]?.failures ?? 0) + 1
            let extra = failures - freeFailures
            let delay = extra < 0 ? 0 : min(maxDelay, baseDelay * pow(2, Double(min(extra, 30))))
            entries[key] = (failures, t.addingTimeInterval(delay))
        }
    }

    public func succeeded(account: String) {
        lock.lock(); defer { lock.unlock() }
        entries["a:" + account.lowercased()] = nil
    }
}
