import BytekModel

/// Why a catalog change was refused. The TUI and the CLI turn each case into Spanish text.
public enum CatalogRepositoryError: Error, Equatable {
    case invalid([CatalogField: CatalogError])
    /// Another item (`existingId`) already has this SKU.
    case duplicateSKU(String, existingId: Int64)
    case notFound(Int64)
    /// Someone saved this item after it was read; reload and apply the change again.
    case modifiedElsewhere(Int64)
}
