extension CatalogFieldGroup {
    /// The groups whose fields differ between two versions of an item (`active` left out: taking an
    /// item out of sale is its own action). Compare normalized items.
    public static func changed(from before: CatalogItem, to after: CatalogItem) -> [CatalogFieldGroup] {
        allCases.filter { group in
            switch group {
            case .identity:
                before.sku != after.sku || before.name != after.name || before.description != after.description
                    || before.unit != after.unit || before.niche != after.niche || before.kind != after.kind
            case .salePrice:
                before.price != after.price || before.rateBasis != after.rateBasis || before.period != after.period
                    || before.taxCategory != after.taxCategory
            case .cost: before.cost != after.cost
            case .stock: before.uom != after.uom || before.sunatUnit != after.sunatUnit || before.tracksSerials != after.tracksSerials
            }
        }
    }
}
