/// When a declined automatic charge is tried again: offsets in days from the first attempt (day 0, +3, +7 by
/// default). After the last one declines, the receivables are handed to reminders.
public struct RetrySchedule: Sendable, Hashable {
    /// Ascending, starting at 0.
    public let offsets: [Int]

    public static let standard = RetrySchedule(offsets: [0, 3, 7])!

    public init?(offsets: [Int]) {
        guard let first = offsets.first, first == 0, offsets.count <= 10,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 < $1 }), offsets.allSatisfy({ $0 <= 365 }) else { return nil }
        self.offsets = offsets
    }

    /// "0,3,7" (the setting's text); nil when it is not ascending from 0.
    public init?(text: String) {
        let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        self.init(offsets: parts.compactMap { $0 })
    }

    public var text: String { offsets.map(String.init).joined(separator: ",") }

    /// The day attempt `attempt + 1` is due after attempt `attempt` (1-based) declined; nil when it was the last.
    public func nextRetry(firstAttempt: LocalDate, afterAttempt attempt: Int) -> LocalDate? {
        guard attempt >= 1, attempt < offsets.count else { return nil }
        return firstAttempt.adding(days: offsets[attempt])
    }
}
