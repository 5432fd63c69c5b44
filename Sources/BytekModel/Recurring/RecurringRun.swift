import Foundation

/// One billing run as recorded: when, what it billed, which customers it could not bill and why.
public struct RecurringRun: Sendable, Hashable {
    public struct Failure: Sendable, Hashable {
        public var customerId: Int64
        public var customerName: String
        public var reason: String
        public init(customerId: Int64, customerName: String, reason: String) {
            self.customerId = customerId; self.customerName = customerName; self.reason = reason
        }
    }

    public var id: Int64
    /// The day billed up to.
    public var date: LocalDate
    public var startedAt: Date
    /// Nil while running (or when the worker died mid-run: the next run picks up what it left).
    public var finishedAt: Date?
    public var user: String
    public var documents: Int
    public var lines: Int
    /// What it billed, per currency.
    public var totals: [Money]
    public var failures: [Failure]

    public init(id: Int64, date: LocalDate, startedAt: Date, finishedAt: Date?, user: String, documents: Int, lines: Int,
                totals: [Money], failures: [Failure]) {
        self.id = id; self.date = date; self.startedAt = startedAt; self.finishedAt = finishedAt; self.user = user
        self.documents = documents; self.lines = lines; self.totals = totals; self.failures = failures
    }
}
