import Foundation

/// A contract generated from an accepted quote version, as recorded: which version it locks, the
/// SHA-256 of that version's scope, and which template text produced it. A recorded contract never
/// changes; a change of scope is a new quote version and so a new contract.
public struct Contract: Sendable, Hashable, Codable {
    /// Set by the store.
    public var id: Int64?
    /// "CTR-2026-00001", from the gapless yearly series of the day it was generated.
    public var number: String
    public var quoteId: Int64
    public var quoteNumber: String
    public var quoteVersion: Int
    public var customerId: Int64?
    public var unit: BusinessUnit
    /// Lowercase hex SHA-256 of the canonical scope text.
    public var scopeHash: String
    /// The template file the contract was filled in from ("contrato-u2.txt").
    public var templateName: String
    /// Lowercase hex SHA-256 of the template text used, so a later edit of the template is visible.
    public var templateHash: String
    /// The quote version's total with IGV.
    public var total: Money
    public var date: LocalDate
    public var createdBy: String
    public var createdAt: Date

    public init(id: Int64? = nil, number: String = "", quoteId: Int64, quoteNumber: String, quoteVersion: Int,
                customerId: Int64?, unit: BusinessUnit, scopeHash: String, templateName: String, templateHash: String,
                total: Money, date: LocalDate, createdBy: String = "", createdAt: Date = Date(timeIntervalSince1970: 0)) {
        self.id = id; self.number = number; self.quoteId = quoteId; self.quoteNumber = quoteNumber
        self.quoteVersion = quoteVersion; self.customerId = customerId; self.unit = unit; self.scopeHash = scopeHash
        self.templateName = templateName; self.templateHash = templateHash; self.total = total; self.date = date
        self.createdBy = createdBy; self.createdAt = createdAt
    }

    /// The series contract numbers of `year` are taken from ("CTR-2026").
    public static func series(year: Int) -> String { "CTR-\(year)" }

    /// "CTR-2026-00001".
    public static func number(year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "CTR-\(year)-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
