import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Users and drafts")
struct UserAndDraftTests {
    @Test func usersAddListDisable() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let repo = UserRepository(db: db, user: "admin")
        try repo.add(User(login: "Admin", name: "Administrador", role: .admin))
        try repo.add(User(login: "jtorres", name: "Jorge Torres", role: .almacen))
        #expect(throws: UserRepositoryError.duplicateLogin("admin")) {
            try repo.add(User(login: "ADMIN ", name: "Otro", role: .ventas))
        }
        #expect(throws: UserRepositoryError.invalid([.login: .invalidLogin])) {
            try repo.add(User(login: "con espacio", name: "X", role: .ventas))
        }
        #expect(try repo.list().map(\.login) == ["admin", "jtorres"])
        #expect(try repo.findActive("JTORRES")?.role == .almacen)

        try repo.disable("jtorres")
        #expect(try repo.findActive("jtorres") == nil)
        #expect(try repo.find("jtorres")?.active == false)
        #expect(throws: UserRepositoryError.inactive("jtorres")) { try repo.requireActive("jtorres") }
        #expect(throws: UserRepositoryError.notFound("nadie")) { try repo.requireActive("nadie") }
        try repo.enable("jtorres")
        #expect(try repo.requireActive("jtorres").name == "Jorge Torres")

        #expect(throws: UserRepositoryError.forbidden(login: "jtorres", role: .almacen, module: .customers, access: .write)) {
            try repo.authorize("jtorres", .write, .customers)
        }
        #expect(try repo.authorize("jtorres", .read, .customers).login == "jtorres")
        #expect(try repo.authorize("jtorres", .write, .catalog).login == "jtorres")
        #expect(try repo.authorize("admin", .write, .users).role == .admin)

        let history = try AuditLog(db: db, user: "x").history(entity: AuditEntity.user, entityId: 2)
        #expect(history.map(\.action) == [.create, .archive, .restore])
        #expect(history.allSatisfy { $0.user == "admin" })
    }

    @Test func draftsRoundTrip() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let drafts = DraftRepository(db: db, now: { Date(timeIntervalSince1970: 1_750_000_000) })
        let fields = ["legalName": "Núñez \"&\" Cía", "docNumber": "2060", "notes": "línea 1\nlínea 2", "empty": ""]
        #expect(try drafts.load(user: "ana", form: "customer", recordKey: "new") == nil)
        try drafts.save(user: "ana", form: "customer", recordKey: DraftRepository.newRecord, fields: fields)
        let loaded = try #require(try drafts.load(user: "ana", form: "customer", recordKey: "new"))
        #expect(loaded.fields == fields)
        #expect(loaded.updatedAt == Date(timeIntervalSince1970: 1_750_000_000))
        // Replacing keeps one draft per key; other users and records are separate.
        try drafts.save(user: "ana", form: "customer", recordKey: "new", fields: ["legalName": "ACME"])
        try drafts.save(user: "luis", form: "customer", recordKey: "new", fields: ["legalName": "Otro"])
        try drafts.save(user: "ana", form: "customer", recordKey: "42", fields: ["phone": "1"])
        #expect(try drafts.load(user: "ana", form: "customer", recordKey: "new")?.fields == ["legalName": "ACME"])
        #expect(try drafts.load(user: "luis", form: "customer", recordKey: "new")?.fields == ["legalName": "Otro"])
        #expect(try Set(drafts.recordKeys(user: "ana", form: "customer")) == ["new", "42"])
        try drafts.delete(user: "ana", form: "customer", recordKey: "new")
        #expect(try drafts.load(user: "ana", form: "customer", recordKey: "new") == nil)
        #expect(try drafts.load(user: "ana", form: "customer", recordKey: "42") != nil)
        // Drafts survive closing and reopening the file, and are not audited.
        let reopened = DraftRepository(db: try Database(path: folder.file()))
        #expect(try reopened.load(user: "luis", form: "customer", recordKey: "new")?.fields == ["legalName": "Otro"])
        #expect(try count(db, "audit_log") == 0)
    }
}
