import BytekModel

/// The orders the catalog list offers. Each has an index, so every page is one seek.
public enum CatalogSort: String, CaseIterable, Sendable {
    /// Name (case-insensitive), then id.
    case name
    /// SKU, then id.
    case sku
    /// Business unit, then name (case-insensitive), then id.
    case unit
    /// Price in minor units (currencies are not converted), then id.
    case price

    var keys: [String] {
        switch self {
        case .name: return ["catalog_item.name COLLATE NOCASE", "catalog_item.id"]
        case .sku: return ["catalog_item.sku", "catalog_item.id"]
        case .unit: return ["catalog_item.unit", "catalog_item.name COLLATE NOCASE", "catalog_item.id"]
        case .price: return ["catalog_item.price_cents", "catalog_item.id"]
        }
    }
}

/// What the catalog list shows.
public struct CatalogQuery: Sendable, Hashable {
    /// Words to find (prefixes, accent- and case-insensitive) in SKU, name, description and niche.
    public var search: String
    public var sort: CatalogSort
    public var ascending: Bool
    /// Only items of this unit, when set.
    public var unit: BusinessUnit?
    /// Only items of this kind, when set.
    public var kind: ItemKind?
    /// Hide inactive items.
    public var activeOnly: Bool

    public init(search: String = "", sort: CatalogSort = .name, ascending: Bool = true, unit: BusinessUnit? = nil,
                kind: ItemKind? = nil, activeOnly: Bool = true) {
        self.search = search; self.sort = sort; self.ascending = ascending; self.unit = unit; self.kind = kind
        self.activeOnly = activeOnly
    }
}
