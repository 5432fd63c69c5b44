import BytekModel
import Foundation

/// What a run bills on a date: one document per group, with its lines and totals, and the customers it
/// cannot bill (with the Spanish reason).
public struct RecurringPlan: Sendable {
    public struct Document: Sendable {
        public var key: RecurringInvoicing.GroupKey
        public var customerName: String
        public var items: [RecurringItem]
        /// Each item's amount in the document's currency (same order as `items`).
        public var amounts: [Money]
        /// The document as it would be issued (number 0).
        public var document: EDocument
        public var total: Money
    }

    public struct Failure: Sendable, Hashable {
        public var customerId: Int64
        public var customerName: String
        public var reason: String
    }

    public var date: LocalDate
    public var documents: [Document]
    public var failures: [Failure]

    public var lineCount: Int { documents.reduce(0) { $0 + $1.items.count } }

    /// The totals (with IGV) per currency, soles first.
    public var totals: [Money] {
        Currency.allCases.compactMap { cur in
            let docs = documents.filter { $0.key.currency == cur }
            return docs.isEmpty ? nil : docs.reduce(Money.zero(cur)) { $0 + $1.total }
        }
    }
}

/// What a run did.
public struct RecurringRunReport: Sendable {
    public var runId: Int64
    public var date: LocalDate
    /// Issued: "F001-12" per document.
    public var issued: [String] = []
    public var lines = 0
    /// Groups another process billed first (their documents rolled back here: nothing billed twice).
    public var alreadyBilled = 0
    public var failures: [RecurringPlan.Failure] = []
}
