/// A customer's estado de cuenta for a span of dates: every charge (documents, debit notes) and credit
/// (payments, credit notes, detracción deposits, retention receipts) in date order with the running
/// balance, one section per currency. Printed by the TUI and as PDF.
public struct AccountStatement: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var date: LocalDate
        /// "F001-123", "Pago 000045", "FC01-7"…
        public var reference: String
        public var description: String
        public var dueDate: LocalDate?
        public var charge: Money?
        public var credit: Money?
        /// The balance after this line.
        public var balance: Money

        public init(date: LocalDate, reference: String, description: String, dueDate: LocalDate? = nil,
                    charge: Money? = nil, credit: Money? = nil, balance: Money) {
            self.date = date; self.reference = reference; self.description = description; self.dueDate = dueDate
            self.charge = charge; self.credit = credit; self.balance = balance
        }
    }

    public struct Section: Sendable, Hashable {
        public var currency: Currency
        public var opening: Money
        public var lines: [Line]
        public var closing: Money
        /// Open balance by aging bucket on `AccountStatement.asOf`.
        public var aging: [AgingBucket: Money]

        public init(currency: Currency, opening: Money, lines: [Line], closing: Money, aging: [AgingBucket: Money]) {
            self.currency = currency; self.opening = opening; self.lines = lines; self.closing = closing; self.aging = aging
        }
    }

    public var customerName: String
    public var customerDocNumber: String
    public var from: LocalDate
    public var to: LocalDate
    public var asOf: LocalDate
    public var sections: [Section]
    /// Unapplied payments (customer credit) per currency.
    public var credits: [Money]

    public init(customerName: String, customerDocNumber: String, from: LocalDate, to: LocalDate, asOf: LocalDate,
                sections: [Section], credits: [Money] = []) {
        self.customerName = customerName; self.customerDocNumber = customerDocNumber; self.from = from; self.to = to
        self.asOf = asOf; self.sections = sections; self.credits = credits
    }
}
