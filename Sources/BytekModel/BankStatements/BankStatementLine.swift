/// One movement of a bank statement as read from the bank's CSV: a deposit, a transfer, a gateway payout —
/// any money in is just a line. `key` identifies it within its bank account, so importing the same file
/// again never stores it twice.
public struct BankStatementLine: Sendable, Hashable {
    /// The line of the file (1 is the header).
    public var fileLine: Int
    public var date: LocalDate
    public var description: String
    /// Positive: money in; negative: a charge.
    public var amount: Money
    /// The bank's operation number ("" when the file has none).
    public var operationNumber: String
    public var balance: Money?
    /// "op:123456" when the bank gave an operation number; otherwise a hash of date, amount, description
    /// and how many identical movements came before it in the same file.
    public var key: String

    public init(fileLine: Int, date: LocalDate, description: String, amount: Money, operationNumber: String,
                balance: Money? = nil, key: String) {
        self.fileLine = fileLine; self.date = date; self.description = description; self.amount = amount
        self.operationNumber = operationNumber; self.balance = balance; self.key = key
    }
}
