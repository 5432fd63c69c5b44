import BytekModel
import BytekStore
import Foundation

/// The catalog, for an actor: the repository's operations behind permission, field groups and the
/// sight of costs. A role that may not see costs gets items with the cost at zero and never changes it.
public struct CatalogService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    /// The repository acting as this actor, through its door.
    var repository: CatalogRepository { services.acting(CatalogRepository.self) }

    /// Whether the actor sees costs and margins.
    public var seesCosts: Bool { Operation.catalogCosts.allows(actor) }

    /// The item as this actor may see it.
    func visible(_ item: CatalogItem) -> CatalogItem {
        if seesCosts { return item }
        var i = item
        i.cost = .zero(i.currency)
        return i
    }

    /// Saves a new item (normalized, validated, SKU unique); a role without sight of costs creates it
    /// at cost zero.
    @discardableResult
    public func create(_ item: CatalogItem) throws -> CatalogItem {
        try actor.authorize(.catalogCreate)
        var i = item
        if !seesCosts { i.cost = .zero(i.currency) }
        return visible(try repository.create(i))
    }

    /// Saves changes, refusing (`forbidden`) a change to a field group the role may not edit. The
    /// cost of an actor that may not see it (handed out as zero) stays as stored.
    @discardableResult
    public func update(_ item: CatalogItem) throws -> CatalogItem {
        guard CatalogFieldGroup.allCases.contains(where: { Operation.catalogEdit($0).allows(actor) }) else {
            throw ServiceError.forbidden(operation: Operation.catalogEditIdentity.name, role: actor.role)
        }
        guard let id = item.id, let stored = try repository.get(id) else { throw ServiceError.notFound }
        var i = item
        // The zero cost it was handed is no change; any other cost is one it may not make.
        if !seesCosts && i.cost.amount == 0 { i.cost = stored.cost }
        var normalized = i.normalized()
        normalized.price = normalized.price.rounded(); normalized.cost = normalized.cost.rounded()
        for group in CatalogFieldGroup.changed(from: stored, to: normalized) {
            try actor.authorize(.catalogEdit(group))
        }
        return visible(try repository.update(i))
    }

    /// Takes an item out of sale.
    @discardableResult
    public func deactivate(_ id: Int64) throws -> CatalogItem {
        try actor.authorize(.catalogArchive)
        return visible(try repository.deactivate(id))
    }

    /// Puts an item back on sale.
    @discardableResult
    public func activate(_ id: Int64) throws -> CatalogItem {
        try actor.authorize(.catalogArchive)
        return visible(try repository.activate(id))
    }

    public func get(_ id: Int64) throws -> CatalogItem? {
        try actor.authorize(.catalogView)
        return try repository.get(id).map(visible)
    }

    /// The item with this SKU.
    public func find(sku: String) throws -> CatalogItem? {
        try actor.authorize(.catalogView)
        return try repository.find(sku: sku).map(visible)
    }

    /// The cost of an item (refused to roles that may not see costs).
    public func cost(of id: Int64) throws -> Money {
        try actor.authorize(.catalogCosts)
        guard let item = try repository.get(id) else { throw ServiceError.notFound }
        return item.cost
    }

    /// A list with no rows (what a front shows when the list was refused).
    public var emptyPager: KeysetPager<CatalogItem> {
        KeysetPager(db: services.db, from: "catalog_item", where: "0", columns: ["id"], order: [SortKey("id")],
                    decode: { _ in throw ServiceError.notFound })
    }

    /// The catalog list as a keyset pager, costs hidden from roles that may not see them.
    public func pager(_ query: CatalogQuery = CatalogQuery()) throws -> KeysetPager<CatalogItem> {
        try actor.authorize(.catalogList)
        let pager = repository.pager(query)
        if seesCosts { return pager }
        return pager.map { item in
            var i = item
            i.cost = .zero(i.currency)
            return i
        }
    }
}

extension Services {
    public var catalog: CatalogService { CatalogService(services: self) }
}
