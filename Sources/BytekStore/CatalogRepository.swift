import BytekModel
import Foundation

/// The catalog of the three business units. Every change is one transaction with its audit
/// entry; items are deactivated, never deleted.
public struct CatalogRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    private var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }

    // MARK: writing

    /// Saves a new item (normalized, validated, SKU unique). Returns it with its id and timestamps.
    @discardableResult
    public func create(_ item: CatalogItem) throws -> CatalogItem {
        var c = try checked(item)
        return try db.write {
            try refuseDuplicate(c, except: nil)
            let stamp = now()
            c.createdAt = ISOTimestamp.parse(ISOTimestamp.format(stamp)); c.updatedAt = c.createdAt
            let at = ISOTimestamp.format(stamp)
            try db.execute(
                "INSERT INTO catalog_item(\(CatalogRepository.dataColumns.joined(separator: ", ")), created_at, updated_at) "
                    + "VALUES (\(Array(repeating: "?", count: CatalogRepository.dataColumns.count + 2).joined(separator: ", ")))",
                CatalogRepository.values(c) + [.text(at), .text(at)])
            c.id = db.lastInsertRowID
            try audit.append(entity: AuditEntity.catalogItem, entityId: c.id, action: .create,
                             summary: CatalogRepository.summary(c), after: c, at: stamp)
            return c
        }
    }

    /// Saves changes to an existing item. When `item.updatedAt` is set and the stored record
    /// changed since, refuses with `modifiedElsewhere`. The active flag is not changed here:
    /// use `deactivate`/`activate`.
    @discardableResult
    public func update(_ item: CatalogItem) throws -> CatalogItem {
        guard let id = item.id else { throw CatalogRepositoryError.notFound(0) }
        var c = try checked(item)
        return try db.write {
            guard let before = try get(id) else { throw CatalogRepositoryError.notFound(id) }
            if let seen = item.updatedAt, let stored = before.updatedAt,
               ISOTimestamp.format(seen) != ISOTimestamp.format(stored) {
                throw CatalogRepositoryError.modifiedElsewhere(id)
            }
            try refuseDuplicate(c, except: id)
            c.active = before.active
            c.createdAt = before.createdAt
            c.updatedAt = before.updatedAt
            if c == before { return before }
            let stamp = now()
            c.updatedAt = ISOTimestamp.parse(ISOTimestamp.format(stamp))
            try db.execute(
                "UPDATE catalog_item SET " + CatalogRepository.dataColumns.map { "\($0) = ?" }.joined(separator: ", ")
                    + ", updated_at = ? WHERE id = ?",
                CatalogRepository.values(c) + [.text(ISOTimestamp.format(stamp)), .int(id)])
            try audit.append(entity: AuditEntity.catalogItem, entityId: id, action: .update,
                             summary: CatalogRepository.summary(c), before: before, after: c, at: stamp)
            return c
        }
    }

    /// Takes an item out of sale (hidden from the default list and from new quotes). Audited as `archive`.
    @discardableResult
    public func deactivate(_ id: Int64) throws -> CatalogItem { try setActive(id, false) }

    /// Puts an item back on sale. Audited as `restore`.
    @discardableResult
    public func activate(_ id: Int64) throws -> CatalogItem { try setActive(id, true) }

    private func setActive(_ id: Int64, _ active: Bool) throws -> CatalogItem {
        try db.write {
            guard let before = try get(id) else { throw CatalogRepositoryError.notFound(id) }
            guard before.active != active else { return before }
            let stamp = now()
            var after = before
            after.active = active
            after.updatedAt = ISOTimestamp.parse(ISOTimestamp.format(stamp))
            try db.execute("UPDATE catalog_item SET active = ?, updated_at = ? WHERE id = ?",
                           [.int(active ? 1 : 0), .text(ISOTimestamp.format(stamp)), .int(id)])
            try audit.append(entity: AuditEntity.catalogItem, entityId: id, action: active ? .restore : .archive,
                             summary: CatalogRepository.summary(after), before: before, after: after, at: stamp)
            return after
        }
    }

    private func checked(_ item: CatalogItem) throws -> CatalogItem {
        var c = item.normalized()
        c.price = c.price.rounded(); c.cost = c.cost.rounded()
        let errors = c.validate()
        guard errors.isEmpty else { throw CatalogRepositoryError.invalid(errors) }
        return c
    }

    private func refuseDuplicate(_ c: CatalogItem, except id: Int64?) throws {
        let existing = try db.scalar("SELECT id FROM catalog_item WHERE sku = ?", [.text(c.sku)]).intValue
        if let existing, existing != id { throw CatalogRepositoryError.duplicateSKU(c.sku, existingId: existing) }
    }

    // MARK: reading

    public func get(_ id: Int64) throws -> CatalogItem? {
        try db.queryOne("SELECT \(CatalogRepository.selectColumns) FROM catalog_item WHERE id = ?", [.int(id)])
            .map(CatalogRepository.decode)
    }

    /// The item with this SKU (upper-cased before the lookup).
    public func find(sku: String) throws -> CatalogItem? {
        try db.queryOne("SELECT \(CatalogRepository.selectColumns) FROM catalog_item WHERE sku = ?",
                        [.text(sku.trimmingCharacters(in: .whitespaces).uppercased())]).map(CatalogRepository.decode)
    }

    /// The catalog list as a keyset pager.
    public func pager(_ query: CatalogQuery = CatalogQuery()) -> KeysetPager<CatalogItem> {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if query.activeOnly { conditions.append("catalog_item.active = 1") }
        if let unit = query.unit { conditions.append("catalog_item.unit = ?"); args.append(.text(unit.rawValue)) }
        if let kind = query.kind { conditions.append("catalog_item.kind = ?"); args.append(.text(kind.rawValue)) }
        if let match = TextSearch.ftsPrefixQuery(query.search) {
            conditions.append("catalog_item.id IN (SELECT rowid FROM catalog_fts WHERE catalog_fts MATCH ?)")
            args.append(.text(match))
        }
        return KeysetPager(
            db: db, from: "catalog_item", where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "),
            arguments: args, columns: CatalogRepository.allColumns.map { "catalog_item.\($0) AS \($0)" },
            order: query.sort.keys.map { SortKey($0, ascending: query.ascending) },
            decode: CatalogRepository.decode)
    }

    // MARK: mapping

    static let dataColumns = [
        "sku", "name", "description", "unit", "niche", "kind", "uom", "sunat_unit", "currency", "price_cents",
        "cost_cents", "rate_basis", "period", "tax_category", "tracks_serials", "active",
    ]
    static let allColumns = ["id"] + dataColumns + ["created_at", "updated_at"]
    static let selectColumns = allColumns.joined(separator: ", ")

    static func values(_ c: CatalogItem) -> [SQLValue] {
        [.text(c.sku), .text(c.name), .text(c.description), .text(c.unit.rawValue), .text(c.niche),
         .text(c.kind.rawValue), .text(c.uom), .text(c.sunatUnit.rawValue), .text(c.currency.rawValue),
         .int(c.price.minorUnits), .int(c.cost.minorUnits), .text(c.rateBasis?.rawValue ?? ""),
         .text(c.period?.rawValue ?? ""), .text(c.taxCategory.rawValue), .int(c.tracksSerials ? 1 : 0),
         .int(c.active ? 1 : 0)]
    }

    @Sendable static func decode(_ row: Row) -> CatalogItem {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        let kind = ItemKind(rawValue: row.string("kind")) ?? .product
        return CatalogItem(
            id: row.int("id"), sku: row.string("sku"), name: row.string("name"), description: row.string("description"),
            unit: BusinessUnit(rawValue: row.string("unit")) ?? .infrastructure, niche: row.string("niche"), kind: kind,
            uom: row.string("uom"), sunatUnit: SunatUnit(rawValue: row.string("sunat_unit")) ?? .unit,
            price: Money(minorUnits: row.int("price_cents"), currency),
            cost: Money(minorUnits: row.int("cost_cents"), currency),
            rateBasis: RateBasis(rawValue: row.string("rate_basis")), period: BillingPeriod(rawValue: row.string("period")),
            taxCategory: TaxCategory(rawValue: row.string("tax_category")) ?? .gravado,
            tracksSerials: row.bool("tracks_serials"), active: row.bool("active"),
            createdAt: ISOTimestamp.parse(row.string("created_at")), updatedAt: ISOTimestamp.parse(row.string("updated_at")))
    }

    static func summary(_ c: CatalogItem) -> String { "\(c.sku) \(c.name)" }
}
