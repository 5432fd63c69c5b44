import BytekModel
import BytekStore
import BytekWeb
import Foundation
import Testing
@testable import BytekTUI

/// The portal from the TUI: Clientes `P` invites a contact with an e-mail (the e-mail job is queued, as
/// `bytek portal invite CORREO --correo` does); Usuarios `r` invites or resets a technician (sessions
/// end, a new one-time link is shown) and the detail says whether a portal account exists.
@MainActor
@Suite struct PortalDoorScreenTests {
    func harness() throws -> ScreenHarness {
        let h = try ScreenHarness(width: 120, height: 40)
        let users = UserRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
        try users.add(User(login: "admin", name: "Administradora General", role: .admin))
        try users.add(User(login: "ptecnico", name: "Pedro Técnico", role: .tecnico))
        try users.add(User(login: "vventas", name: "Vera Ventas", role: .ventas))
        return h
    }

    func portalJobs(_ h: ScreenHarness) throws -> [Job] { try JobQueue(db: h.store.db).list(kind: PortalLinkJob.kind) }

    @Test func clientesInvitesAContactByEmail() throws {
        let h = try harness()
        _ = try h.customers.create(Customer(
            docType: .ruc, docNumber: "20100047218", legalName: "Comercial Andina S.A.C.", department: "Lima",
            province: "Lima", district: "Lince", units: [.infrastructure], creditDays: 30,
            creditLimit: Money(minorUnits: 1_500_000, .pen),
            contacts: [Contact(name: "Sin Correo", phone: "999888777"),
                       Contact(name: "Ana Quispe", email: "Ana.Quispe@andina.pe"),
                       Contact(name: "Luis Contador", email: "luis@contadores.pe")]))
        try h.addCustomers([("20601457891", "Peña & Ñahui Ingenieros S.A.C.", "Yanahuara")])
        h.go(.customers)
        // Sorted by name: Comercial Andina first, Peña last. Peña has no contact with an e-mail: refused, named.
        h.keys(.char("G"), .char("P"))
        #expect(h.screen.contains("no tiene contactos con correo"), "\(h.screen)")
        #expect(try portalJobs(h).isEmpty)

        h.keys(.char("g"), .char("P"))
        #expect(h.screen.contains("Invitar al portal: contacto de Comercial Andina"), "\(h.screen)")
        #expect(h.screen.contains("Ana Quispe · ana.quispe@andina.pe") && !h.screen.contains("Sin Correo"), "\(h.screen)")
        #expect(h.screen.contains("sin cuenta de portal"))
        h.type("luis")
        h.keys(.enter)
        #expect(h.screen.contains("Invitación al portal en cola para luis@contadores.pe"), "\(h.screen)")
        let jobs = try portalJobs(h)
        #expect(jobs.count == 1)
        let account = try #require(try PortalRepository(db: h.store.db, user: "x").account(login: "luis@contadores.pe"))
        #expect(account.kind == .contacto && account.passwordHash == nil)

        h.keys(.char("P"))
        #expect(h.screen.contains("ya tiene cuenta de portal"), "\(h.screen)")
        h.keys(.escape, .char("?"))
        #expect(h.screen.contains("Invitar al portal a un contacto con correo"), "help lists P: \(h.screen)")
    }

    @Test func aRoleThatCannotWriteCustomersCannotInvite() throws {
        let h = try harness()
        let ro = try ScreenHarness(role: .almacen, login: "jtorres", sharing: h)
        _ = try h.customers.create(Customer(
            docType: .ruc, docNumber: "20100047218", legalName: "Comercial Andina S.A.C.", department: "Lima",
            province: "Lima", district: "Lince", units: [.infrastructure], creditDays: 30,
            creditLimit: Money(minorUnits: 1_500_000, .pen), contacts: [Contact(name: "Ana", email: "ana@andina.pe")]))
        ro.go(.customers)
        ro.keys(.char("P"))
        #expect(!ro.screen.contains("Invitar al portal: contacto"), "\(ro.screen)")
        #expect(try portalJobs(h).isEmpty)
    }

    @Test func usuariosInvitesThenResetsATechnician() throws {
        let h = try harness()
        h.go(.users)
        // admin, ptecnico, vventas: a non-technician is refused.
        h.keys(.char("G"), .char("r"))
        #expect(h.screen.contains("vventas no es un usuario activo con rol técnico"), "\(h.screen)")

        #expect(!h.screen.contains("sin cuenta"), "no portal line for a non-technician")
        h.keys(.up)
        #expect(h.screen.contains("Portal") && h.screen.contains("sin cuenta"), "\(h.screen)")
        h.keys(.char("r"))
        #expect(h.screen.contains("¿Invitar a ptecnico al portal de técnicos?"), "\(h.screen)")
        h.keys(.char("s"))
        #expect(h.screen.contains("/clave?t="), "\(h.screen)")
        h.keys(.escape)
        #expect(h.screen.contains("invitado (sin clave"), "\(h.screen)")

        let portal = PortalRepository(db: h.store.db, user: "admin")
        let account = try #require(try portal.staffAccounts()["ptecnico"])
        try portal.createSession(tokenHash: "s1", account: account.id, customer: nil, csrf: "c", validFor: 3600)
        try portal.createSession(tokenHash: "s2", account: account.id, customer: nil, csrf: "c", validFor: 3600)
        h.keys(.char("r"))
        #expect(h.screen.contains("¿Restablecer el acceso de ptecnico al portal?"), "\(h.screen)")
        h.keys(.char("s"))
        #expect(h.screen.contains("/clave?t="), "\(h.screen)")
        #expect(h.screen.contains("2 sesión(es) cerradas"), "\(h.screen)")
        h.keys(.escape)
        #expect(try portal.sessionCount(account: account.id) == 0)
        h.keys(.char("?"))
        #expect(h.screen.contains("Portal de técnicos: invitar o restablecer"), "help lists r: \(h.screen)")
        h.keys(.escape)
        let links = try h.store.db.scalar("SELECT count(*) FROM portal_invite WHERE account_id = ?", [.int(account.id)]).intValue
        #expect(links == 2)
        let audit = try AuditLog(db: h.store.db, user: "x").history(entity: AuditEntity.portalAccount, entityId: account.id)
        #expect(audit.contains { $0.summary.contains("restablecido") && $0.user == "admin" })
    }
}
