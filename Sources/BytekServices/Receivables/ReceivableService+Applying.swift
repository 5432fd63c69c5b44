import BytekModel
import BytekStore
import Foundation

extension ReceivableService {
    /// One document a payment (or credit) is applied to, as a door names it: "F001-12" with an amount in
    /// the document's currency, or without one (as much as its open neto receivables owe).
    public struct DocumentApplication: Sendable, Hashable {
        public var documentID: String
        public var amount: String?

        public init(documentID: String, amount: String? = nil) { self.documentID = documentID; self.amount = amount }

        /// "F001-12" or "F001-12:500.00".
        public init(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            documentID = (parts.first ?? "").uppercased()
            amount = parts.count > 1 ? parts[1] : nil
        }
    }

    /// The applications to the customer's receivables that `documents` name: each document's open neto
    /// receivables, earliest due first, up to the amount given (or their whole balance), and never more
    /// than what is left of `available` (the payment or the credit, converted at `exchangeRate` when the
    /// currencies differ). Refused in words when a document is not the customer's or has nothing open.
    public func applications(customerId: Int64, documents: [DocumentApplication], available: Money,
                             exchangeRate: Decimal?) throws -> [PaymentApplication] {
        try actor.authorize(.receivableView)
        var left = available.amount
        var out: [PaymentApplication] = []
        for d in documents {
            let all = try repository.receivables(documentID: d.documentID)
            guard !all.isEmpty else { throw ReceivableError.documentNotFound(d.documentID) }
            let neto = all.filter { $0.part == .neto }.sorted { ($0.dueDate, $0.installment) < ($1.dueDate, $1.installment) }
            guard neto.allSatisfy({ $0.customerId == customerId || $0.customerId == nil }) else {
                throw ReceivableError.receivableOfOtherCustomer(d.documentID)
            }
            if neto.allSatisfy(\.cancelled) { throw ReceivableError.receivableCancelled(d.documentID) }
            let open = neto.filter(\.isOpen)
            guard let currency = open.first?.currency else { throw ReceivableError.receivableSettled(d.documentID) }
            // What is left of the payment, in this document's currency.
            let factor: Decimal? = currency == available.currency ? 1
                : exchangeRate.map { currency == .usd ? 1 / $0 : $0 }
            var want: Decimal
            let owed = open.reduce(Decimal(0)) { $0 + $1.balance.amount }
            if let text = d.amount {
                want = try Self.amount(text, currency: currency, field: "importe aplicado a \(d.documentID)").amount
                guard want <= owed else {
                    throw ReceivableError.applicationAboveBalance(document: d.documentID, balance: Money(owed, currency),
                                                                  requested: Money(want, currency))
                }
            } else {
                want = owed
                if let factor { want = min(want, Money(left * factor, currency).rounded().amount) }
            }
            if factor == nil && available.currency != currency { throw ReceivableError.exchangeRateRequired }
            for r in open where want > 0 {
                let take = min(want, r.balance.amount)
                out.append(PaymentApplication(receivableId: r.id, amount: Money(take, currency)))
                want -= take
                if let factor { left -= take / factor }
            }
        }
        return out
    }
}
