import BytekModel

/// The orders the customer list offers. Each has an index, so every page is one seek.
public enum CustomerSort: String, CaseIterable, Sendable {
    /// Legal name (case-insensitive), then id.
    case legalName
    /// Document number, then id.
    case document
    /// District, then legal name (case-insensitive), then id.
    case district
    /// Last change time, then id.
    case updated

    var keys: [String] {
        switch self {
        case .legalName: return ["customer.legal_name COLLATE NOCASE", "customer.id"]
        case .document: return ["customer.doc_number", "customer.id"]
        case .district: return ["customer.district COLLATE NOCASE", "customer.legal_name COLLATE NOCASE", "customer.id"]
        case .updated: return ["customer.updated_at", "customer.id"]
        }
    }
}

/// What the customer list shows: a search, an order and whether archived customers appear.
public struct CustomerQuery: Sendable, Hashable {
    /// Words to find (prefixes, accent- and case-insensitive) in the legal and trade names, the
    /// document number, the district and the e-mail. Empty: every customer.
    public var search: String
    public var sort: CustomerSort
    public var ascending: Bool
    public var includeArchived: Bool

    public init(search: String = "", sort: CustomerSort = .legalName, ascending: Bool = true, includeArchived: Bool = false) {
        self.search = search; self.sort = sort; self.ascending = ascending; self.includeArchived = includeArchived
    }
}

/// The order a customer list is really in.
public enum CustomerListOrder: Sendable, Equatable {
    /// The query's sort column and direction.
    case requested
    /// One letter typed: names starting with it, by name.
    case nameStartsWith
    /// Digits typed with many matches: by document number.
    case documentNumber
    /// Words typed with many matches: newest first, until the search is narrower.
    case newestFirst
}

/// A customer list: its pager and the order it is in.
public struct CustomerListing {
    public let pager: KeysetPager<Customer>
    public let order: CustomerListOrder

    public init(pager: KeysetPager<Customer>, order: CustomerListOrder) { self.pager = pager; self.order = order }
}
