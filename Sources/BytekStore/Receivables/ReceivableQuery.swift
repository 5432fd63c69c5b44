import BytekModel

/// The filters of the Cobranzas list (open receivables, by due date then id). Each single filter has a
/// partial index over the open rows, so a page is one seek even over 200,000 receivables.
public struct ReceivableQuery: Sendable, Hashable {
    public var unit: BusinessUnit?
    public var customerId: Int64?
    /// Open receivables whose days past due fall in this bucket on `asOf`.
    public var bucket: AgingBucket?
    public var currency: Currency?
    /// Words found in the customer's name, its document number or the document ("F001-12").
    public var text: String
    /// Only those already past their due date on `asOf`.
    public var overdueOnly: Bool
    /// Only those issued by the worker without anyone looking.
    public var unattendedOnly: Bool
    /// The day the buckets and "overdue" are counted from (Lima's today).
    public var asOf: LocalDate

    public init(unit: BusinessUnit? = nil, customerId: Int64? = nil, bucket: AgingBucket? = nil, currency: Currency? = nil,
                text: String = "", overdueOnly: Bool = false, unattendedOnly: Bool = false, asOf: LocalDate) {
        self.unit = unit; self.customerId = customerId; self.bucket = bucket; self.currency = currency; self.text = text
        self.overdueOnly = overdueOnly; self.unattendedOnly = unattendedOnly; self.asOf = asOf
    }

    /// The WHERE condition over `receivable` (aliased `r`) and its arguments.
    func condition() -> (sql: String, args: [SQLValue]) {
        var conditions = ["r.is_open = 1"]
        var args: [SQLValue] = []
        if let unit { conditions.append("r.unit = ?"); args.append(.text(unit.rawValue)) }
        if let customerId { conditions.append("r.customer_id = ?"); args.append(.int(customerId)) }
        if let currency { conditions.append("r.currency = ?"); args.append(.text(currency.rawValue)) }
        if let bucket {
            // daysOverdue = asOf − due: ≤ 30 ⟺ due ≥ asOf − 30, and so on.
            switch bucket {
            case .upTo30: conditions.append("r.due_date >= ?"); args.append(.text(asOf.adding(days: -30).description))
            case .upTo60, .upTo90:
                let (low, high) = bucket == .upTo60 ? (60, 31) : (90, 61)
                conditions.append("r.due_date >= ? AND r.due_date <= ?")
                args += [.text(asOf.adding(days: -low).description), .text(asOf.adding(days: -high).description)]
            case .over90: conditions.append("r.due_date < ?"); args.append(.text(asOf.adding(days: -90).description))
            }
        }
        if overdueOnly { conditions.append("r.due_date < ?"); args.append(.text(asOf.description)) }
        if unattendedOnly { conditions.append("r.unattended = 1") }
        for word in text.split(whereSeparator: { $0 == " " }).prefix(5) {
            let like = "%" + word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            conditions.append("(r.customer_name LIKE ? OR r.customer_doc_number LIKE ? OR r.document_ref LIKE ?)")
            args += [.text(like), .text(like), .text(like)]
        }
        return (conditions.joined(separator: " AND "), args)
    }
}
