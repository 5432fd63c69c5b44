import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Usuarios, driven by keys as an admin does: add a user with a role, change it, disable it; the
/// admin cannot disable itself nor leave no active admin; other roles never see the screen.
@MainActor
@Suite struct UsersScreenTests {
    func harness(width: Int = 120, height: Int = 40) throws -> ScreenHarness {
        let h = try ScreenHarness(width: width, height: height)
        let users = UserRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
        try users.add(User(login: "admin", name: "Administradora General", role: .admin))
        try users.add(User(login: "jtorres", name: "Jorge Torres Ñahui", role: .almacen))
        try users.recordLogin("jtorres")
        return h
    }

    var usersRepo: (ScreenHarness) -> UserRepository { { UserRepository(db: $0.store.db, user: "admin") } }

    @Test func listShowsRoleStateAndLastLogin() throws {
        let h = try harness()
        h.go(.users)
        #expect(h.app.current == .users)
        assertGolden(h.app.lastFrame, "users-120x40")
        #expect(h.screen.contains("Jorge Torres Ñahui"))
        h.keys(.down)
        #expect(h.screen.contains("Último ingreso 18/11/2026"), "\(h.screen)")
        #expect(h.screen.contains("Comercial: Clientes, Catálogo"), "almacén's modules in the detail")
        h.keys(.char("/"))
        h.type("nahui")
        #expect(h.screen.contains("1 fila"))
    }

    @Test func adminAddsChangesAndDisablesAUser() throws {
        let h = try harness()
        h.go(.users)
        h.keys(.char("n"))
        h.type("MRojas")
        h.keys(.tab)
        h.type("María Rojas")
        h.keys(.tab, .right)  // ventas → finanzas
        h.keys(.ctrl("s"))
        let added = try #require(try usersRepo(h).find("mrojas"))
        #expect(added.role == .finanzas && added.name == "María Rojas" && added.active)
        #expect(h.screen.contains("mrojas"), "\(h.screen)")

        // Select mrojas (admin, jtorres, mrojas) and give her another role.
        h.keys(.char("G"), .char("e"), .tab, .right, .ctrl("s"))
        #expect(try usersRepo(h).find("mrojas")?.role == .operaciones)

        h.keys(.char("a"))
        #expect(h.screen.contains("¿Deshabilitar a mrojas?"))
        h.keys(.char("s"))
        #expect(try usersRepo(h).find("mrojas")?.active == false)
        #expect(h.screen.contains("Deshabilitado"))

        let id = try #require(try usersRepo(h).listing().first { $0.user.login == "mrojas" }?.id)
        let history = try AuditLog(db: h.store.db, user: "x").history(entity: AuditEntity.user, entityId: id)
        #expect(history.map(\.action) == [.create, .update, .archive])
        #expect(history.allSatisfy { $0.user == "admin" })
        #expect(history.allSatisfy { $0.door == .tui }, "the operations layer records the door")

        // Auditoría shows the door of the newest entry (the disable, made here in the terminal).
        h.go(.audit)
        #expect(h.screen.contains("Puerta       terminal"), "\(h.screen)")
    }

    @Test func badLoginAndDuplicateAreRefusedByField() throws {
        let h = try harness()
        h.go(.users)
        h.keys(.char("n"))
        h.type("con espacio")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Use de 1 a 32 letras minúsculas"), "\(h.screen)")
        #expect(h.screen.contains("Obligatorio."), "the empty name")
        h.keys(.escape, .char("s"))
        h.keys(.char("n"))
        h.type("jtorres")
        h.keys(.tab)
        h.type("Otro")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Ya existe el usuario «jtorres»"), "\(h.screen)")
        #expect(try usersRepo(h).list().count == 2)
    }

    @Test func adminCannotDisableItselfNorDemoteTheLastAdmin() throws {
        let h = try harness()
        h.go(.users)
        h.keys(.home, .char("a"), .char("s"))
        #expect(h.screen.contains("admin es el último admin activo"), "\(h.screen)")
        #expect(try usersRepo(h).find("admin")?.active == true)
        h.keys(.char("e"), .tab, .right, .ctrl("s"))
        #expect(h.screen.contains("último admin activo"), "\(h.screen)")
        #expect(try usersRepo(h).find("admin")?.role == .admin)
        h.keys(.escape, .char("s"))  // discard the form's change
        // With a second admin, still nobody disables itself.
        try usersRepo(h).add(User(login: "zadmin", name: "Otra Admin", role: .admin))
        h.app.topScreen?.reload(context: h.app.context)
        h.keys(.home, .char("a"), .char("s"))
        #expect(h.screen.contains("No puede deshabilitarse a sí mismo"), "\(h.screen)")
        #expect(try usersRepo(h).find("admin")?.active == true)
    }

    @Test(arguments: Role.allCases.filter { $0 != .admin })
    func otherRolesDoNotSeeUsuarios(role: Role) throws {
        let h = try ScreenHarness(role: role, login: role.rawValue)
        h.app.draw()
        #expect(!h.app.groups.contains { $0.group == .administration && $0.modules.contains(.users) })
        #expect(!h.screen.contains("Usuarios"))
        h.keys(.char(":"))
        h.type("ir a usuarios")
        #expect(!h.screen.contains("Ir a Usuarios"))
    }
}
