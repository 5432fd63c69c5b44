import Testing
@testable import BytekModel

/// Section 4: who sees costs and margins, and who may change which fields of a catalog item.
@Suite struct FieldPermissionTests {
    @Test func costsAndMarginsOnlyForTheRolesThatMaySeeThem() {
        let seeing = Role.allCases.filter { PermissionMatrix.canSeeCosts($0) }
        #expect(Set(seeing) == [.admin, .ventas])
        for role in [Role.almacen, .operaciones, .tecnico, .soporte, .finanzas] {
            #expect(PermissionMatrix.access(role, .cost) == .none, "\(role)")
        }
    }

    @Test func almacenChangesStockFieldsOnly() {
        #expect(PermissionMatrix.access(.almacen, .stock) == .write)
        #expect(PermissionMatrix.access(.almacen, .salePrice) == .read)
        #expect(PermissionMatrix.access(.almacen, .identity) == .read)
        #expect(!PermissionMatrix.canCreateCatalogItem(.almacen))
        #expect(!PermissionMatrix.canImportCatalog(.almacen))
    }

    @Test func theWholeTableByRole() {
        // role: identity, salePrice, cost, stock (w = write, r = read, - = none)
        let expected: [Role: String] = [
            .admin: "wwww", .ventas: "wwww", .operaciones: "ww-w", .almacen: "rr-w",
            .finanzas: "rr-r", .tecnico: "rr-r", .soporte: "rr-r",
        ]
        let letter: [Access: Character] = [.write: "w", .read: "r", .none: "-"]
        for role in Role.allCases {
            let row = String(CatalogFieldGroup.allCases.map { letter[PermissionMatrix.access(role, $0)]! })
            #expect(row == expected[role], "\(role)")
            // Never more than the role's access to the catalog itself.
            for group in CatalogFieldGroup.allCases where PermissionMatrix.access(role, group) == .write {
                #expect(PermissionMatrix.canWrite(role, .catalog))
            }
        }
        #expect(Role.allCases.filter(PermissionMatrix.canImportCatalog) == [.admin, .ventas])
    }
}
