import BytekModel

/// A statement line as stored: the line, its account, and whether it waits, was reconciled (with the
/// payment recorded for it) or was discarded (not a customer's payment).
public struct StoredStatementLine: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable, Hashable, Codable { case pendiente, conciliada, descartada }

    public var id: Int64
    public var bankAccountId: Int64
    public var line: BankStatementLine
    public var status: Status
    public var paymentId: Int64?

    public init(id: Int64, bankAccountId: Int64, line: BankStatementLine, status: Status, paymentId: Int64?) {
        self.id = id; self.bankAccountId = bankAccountId; self.line = line; self.status = status; self.paymentId = paymentId
    }
}
