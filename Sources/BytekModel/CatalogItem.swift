import Foundation

/// An item BYTEK sells: a product, a service or a subscription, of one business unit.
public struct CatalogItem: Sendable, Hashable, Codable {
    /// Nil until the store saves it.
    public var id: Int64?
    /// Upper-case code, unique in the catalog.
    public var sku: String
    public var name: String
    public var description: String
    public var unit: BusinessUnit
    /// The niche within the unit ("Redes", "SEO", "Almacenamiento"...).
    public var niche: String
    public var kind: ItemKind
    /// The unit of measure as users say it ("unidad", "caja", "hora").
    public var uom: String
    public var sunatUnit: SunatUnit
    /// Sale price without IGV. Its currency is the item's currency.
    public var price: Money
    public var cost: Money
    /// Services only.
    public var rateBasis: RateBasis?
    /// Subscriptions only.
    public var period: BillingPeriod?
    public var taxCategory: TaxCategory
    /// Products only: each unit sold is tracked by serial number.
    public var tracksSerials: Bool
    public var active: Bool
    public var createdAt: Date?
    /// When non-nil on update, the store refuses the change if the record was modified since.
    public var updatedAt: Date?

    public static let maxNameLength = 200
    public static let maxSKULength = 30

    public init(
        id: Int64? = nil, sku: String, name: String, description: String = "", unit: BusinessUnit, niche: String = "",
        kind: ItemKind, uom: String = "unidad", sunatUnit: SunatUnit? = nil, price: Money, cost: Money? = nil,
        rateBasis: RateBasis? = nil, period: BillingPeriod? = nil, taxCategory: TaxCategory = .gravado,
        tracksSerials: Bool = false, active: Bool = true, createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.id = id; self.sku = sku; self.name = name; self.description = description; self.unit = unit
        self.niche = niche; self.kind = kind; self.uom = uom
        self.sunatUnit = sunatUnit ?? .suggested(kind: kind, rateBasis: rateBasis, period: period)
        self.price = price; self.cost = cost ?? .zero(price.currency); self.rateBasis = rateBasis; self.period = period
        self.taxCategory = taxCategory; self.tracksSerials = tracksSerials; self.active = active
        self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    public var currency: Currency { price.currency }

    /// Spaces trimmed and the SKU upper-cased. The store saves the normalized form.
    public func normalized() -> CatalogItem {
        let t: (String) -> String = { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var c = self
        c.sku = t(sku).uppercased(); c.name = t(name); c.description = t(description)
        c.niche = t(niche); c.uom = t(uom)
        return c
    }

    /// Every problem, by field; empty when the item can be saved. Call on `normalized()`.
    public func validate() -> [CatalogField: CatalogError] {
        var errors: [CatalogField: CatalogError] = [:]
        if sku.isEmpty { errors[.sku] = .required }
        else if !CatalogItem.isValidSKU(sku) { errors[.sku] = .invalidSKU }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { errors[.name] = .required }
        else if name.count > CatalogItem.maxNameLength { errors[.name] = .tooLong(max: CatalogItem.maxNameLength) }
        if uom.trimmingCharacters(in: .whitespaces).isEmpty { errors[.uom] = .required }
        if price.isNegative { errors[.price] = .negativeAmount }
        else if price.amount > AmountLimits.maxUnitPrice { errors[.price] = .tooLarge(max: AmountLimits.maxUnitPrice) }
        if cost.isNegative { errors[.cost] = .negativeAmount }
        else if cost.amount > AmountLimits.maxUnitPrice { errors[.cost] = .tooLarge(max: AmountLimits.maxUnitPrice) }
        else if cost.currency != price.currency { errors[.cost] = .currencyMismatch }
        switch kind {
        case .product:
            if rateBasis != nil { errors[.rateBasis] = .notAllowedForKind(kind) }
            if period != nil { errors[.period] = .notAllowedForKind(kind) }
        case .service:
            if rateBasis == nil { errors[.rateBasis] = .requiredForKind(kind) }
            if period != nil { errors[.period] = .notAllowedForKind(kind) }
            if tracksSerials { errors[.tracksSerials] = .notAllowedForKind(kind) }
        case .subscription:
            if period == nil { errors[.period] = .requiredForKind(kind) }
            if rateBasis != nil { errors[.rateBasis] = .notAllowedForKind(kind) }
            if tracksSerials { errors[.tracksSerials] = .notAllowedForKind(kind) }
        }
        return errors
    }

    /// 1 to 30 characters of A-Z, 0-9 and "-" (the SKU after upper-casing).
    public static func isValidSKU(_ sku: String) -> Bool {
        (1...maxSKULength).contains(sku.count)
            && sku.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }
    }
}
