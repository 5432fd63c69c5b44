import Foundation

/// A field of the catalog item form that a validation error points at.
public enum CatalogField: Hashable, Sendable {
    case sku, name, description, uom, price, cost, rateBasis, period, tracksSerials
}

/// Why a catalog item field is not valid. The TUI turns each case into Spanish text.
public enum CatalogError: Error, Hashable, Sendable {
    case required
    /// SKU: 1 to 30 of A-Z, 0-9 and "-".
    case invalidSKU
    case negativeAmount
    /// Price and cost must be in the same currency.
    case currencyMismatch
    /// The field is needed for this kind (a service needs a rate basis, a subscription a period).
    case requiredForKind(ItemKind)
    /// The field does not apply to this kind (a product has no period).
    case notAllowedForKind(ItemKind)
    case tooLong(max: Int)
    /// A price or cost above `AmountLimits.maxUnitPrice`.
    case tooLarge(max: Decimal)
}
