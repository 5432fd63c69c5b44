/// One of BYTEK's bank accounts: where payments arrive. The Banco de la Nación account of detracciones
/// (`isDetraccion`) receives only detracción deposits.
public struct BankAccount: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// "BCP", "Interbank", "BBVA", "Banco de la Nación"…
    public var bank: String
    public var number: String
    public var currency: Currency
    public var isDetraccion: Bool
    public var active: Bool

    public init(id: Int64, bank: String, number: String, currency: Currency, isDetraccion: Bool = false, active: Bool = true) {
        self.id = id; self.bank = bank; self.number = number; self.currency = currency
        self.isDetraccion = isDetraccion; self.active = active
    }

    /// "BCP 193-1234567-0-12 (PEN)".
    public var label: String { "\(bank) \(number) (\(currency.rawValue))" }
}
