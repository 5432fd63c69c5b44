import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Users: admin rules and last login")
struct UserAdminRulesTests {
    @Test func theStoreRefusesSelfDisableAndLosingTheLastAdmin() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = UserRepository(db: db, user: "Admin")
        try repo.add(User(login: "admin", name: "Administrador", role: .admin))
        try repo.add(User(login: "jefa", name: "Jefa", role: .ventas))
        #expect(throws: UserRepositoryError.refused(.lastAdmin("admin"))) { try repo.disable("admin") }
        #expect(throws: UserRepositoryError.refused(.lastAdmin("admin"))) {
            try repo.update(User(login: "admin", name: "Administrador", role: .finanzas))
        }
        // Another user (the CLI as someone else) cannot disable the last admin either.
        #expect(throws: UserRepositoryError.refused(.lastAdmin("admin"))) {
            try UserRepository(db: db, user: "jefa").disable("admin")
        }
        #expect(try repo.find("admin") == User(login: "admin", name: "Administrador", role: .admin))
        // With a second admin, one may disable the other.
        try repo.update(User(login: "jefa", name: "Jefa", role: .admin))
        #expect(throws: UserRepositoryError.refused(.disableSelf("admin"))) { try repo.disable("admin") }
        try repo.disable("jefa")
        #expect(try repo.find("jefa")?.active == false)
        let history = try AuditLog(db: db, user: "x").history(entity: AuditEntity.user, entityId: 2)
        #expect(history.map(\.action) == [.create, .update, .archive], "refused changes leave no audit entry")
    }

    @Test func lastLoginIsRecordedAndListed() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let when = Date(timeIntervalSince1970: 1_795_000_000)
        let repo = UserRepository(db: db, user: "admin", now: { when })
        try repo.add(User(login: "admin", name: "A", role: .admin))
        try repo.add(User(login: "b", name: "B", role: .soporte))
        #expect(try repo.listing().map(\.lastLoginAt) == [nil, nil])
        try repo.recordLogin("B")
        let listed = try repo.listing()
        #expect(listed.map(\.user.login) == ["admin", "b"])
        #expect(listed.map(\.lastLoginAt) == [nil, when])
    }
}
