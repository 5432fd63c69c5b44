import Foundation

/// A project: work sold to a customer (from an accepted quote, or created by hand), run by a manager.
public struct Project: Sendable, Hashable, Identifiable {
    /// Set by the store.
    public var id: Int64
    /// "PRY-2026-00001", from the gapless yearly series of the day it was created.
    public var code: String
    public var name: String
    public var unit: BusinessUnit
    public var kind: ProjectKind
    public var customerId: Int64
    /// The customer's legal name, as read with the project.
    public var customerName: String
    public var quoteId: Int64?
    public var contractId: Int64?
    public var templateId: Int64?
    /// The login of the manager.
    public var manager: String
    public var status: ProjectStatus
    /// What was sold (the accepted quote's one-time total without IGV), in `sold.currency`.
    public var sold: Money
    /// The quote's exchange rate when it was in dollars.
    public var exchangeRate: Decimal?
    public var startDate: LocalDate
    public var promisedDate: LocalDate
    public var notes: String

    public init(id: Int64 = 0, code: String = "", name: String, unit: BusinessUnit, kind: ProjectKind, customerId: Int64,
                customerName: String = "", quoteId: Int64? = nil, contractId: Int64? = nil, templateId: Int64? = nil,
                manager: String, status: ProjectStatus = .active, sold: Money, exchangeRate: Decimal? = nil,
                startDate: LocalDate, promisedDate: LocalDate, notes: String = "") {
        self.id = id; self.code = code; self.name = name; self.unit = unit; self.kind = kind
        self.customerId = customerId; self.customerName = customerName; self.quoteId = quoteId
        self.contractId = contractId; self.templateId = templateId; self.manager = manager; self.status = status
        self.sold = sold; self.exchangeRate = exchangeRate; self.startDate = startDate
        self.promisedDate = promisedDate; self.notes = notes
    }

    /// The series project codes of `year` are taken from ("PRY-2026").
    public static func series(year: Int) -> String { "PRY-\(year)" }

    /// "PRY-2026-00001".
    public static func code(year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "PRY-\(year)-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}

/// Hours sold for one role of a project, and its bill rate for work sold by the hour.
public struct ProjectRoleHours: Sendable, Hashable {
    /// Free text from the quote or the manager ("desarrollador", "diseñador").
    public var role: String
    public var quotedMinutes: Int
    /// Per hour, in the project's currency.
    public var billRate: Money

    public init(role: String, quotedMinutes: Int, billRate: Money) {
        self.role = role; self.quotedMinutes = quotedMinutes; self.billRate = billRate
    }
}
