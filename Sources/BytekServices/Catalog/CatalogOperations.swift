import BytekModel

extension Operation {
    static let catalogList = Operation("catalogo.listar", .catalog, .read)
    static let catalogView = Operation("catalogo.ver", .catalog, .read)
    /// Costs and margins (the others get items without them).
    static let catalogCosts = Operation("catalogo.ver_costos", .catalog, .read, rule: { PermissionMatrix.canSeeCosts($0) })
    /// Creating sets every field group but the cost.
    static let catalogCreate = Operation("catalogo.crear", .catalog, .write,
                                         rule: { PermissionMatrix.canCreateCatalogItem($0) })
    /// Editing an item is allowed group by group: a change to a group the role may not edit is refused.
    static let catalogEditIdentity = Operation("catalogo.editar_identidad", .catalog, .write,
                                               rule: { PermissionMatrix.canEdit($0, .identity) })
    static let catalogEditPrice = Operation("catalogo.editar_precio", .catalog, .write,
                                            rule: { PermissionMatrix.canEdit($0, .salePrice) })
    static let catalogEditCost = Operation("catalogo.editar_costo", .catalog, .write,
                                           rule: { PermissionMatrix.canEdit($0, .cost) })
    static let catalogEditStock = Operation("catalogo.editar_stock", .catalog, .write,
                                            rule: { PermissionMatrix.canEdit($0, .stock) })
    /// Taking an item out of sale or back (the active flag belongs to the stock group).
    static let catalogArchive = Operation("catalogo.archivar", .catalog, .write,
                                          rule: { PermissionMatrix.canEdit($0, .stock) })
    /// An import writes every column, cost included.
    static let catalogImport = Operation("catalogo.importar", .catalog, .write,
                                         rule: { PermissionMatrix.canImportCatalog($0) })
    /// The catalog as CSV; the cost column only for roles that may see costs.
    static let catalogExport = Operation("catalogo.exportar", .catalog, .read)

    /// The operation that edits `group`.
    static func catalogEdit(_ group: CatalogFieldGroup) -> Operation {
        switch group {
        case .identity: catalogEditIdentity
        case .salePrice: catalogEditPrice
        case .cost: catalogEditCost
        case .stock: catalogEditStock
        }
    }

    /// The operations on the catalog, in the order the matrix prints them.
    public static let catalogOperations = [
        catalogList, catalogView, catalogCosts, catalogCreate, catalogEditIdentity, catalogEditPrice, catalogEditCost,
        catalogEditStock, catalogArchive, catalogImport, catalogExport,
    ]
}
