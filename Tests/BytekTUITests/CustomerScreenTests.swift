import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct CustomerScreenTests {
    @Test(arguments: [(120, 40), (100, 30), (80, 24)])
    func listAtEverySize(size: (Int, Int)) throws {
        let h = try ScreenHarness(width: size.0, height: size.1)
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.app.draw()
        assertGolden(h.app.lastFrame, "customers-list-\(size.0)x\(size.1)")
    }

    @Test func belowMinimumSizeAsksForABiggerWindow() throws {
        let h = try ScreenHarness(width: 79, height: 23)
        h.app.draw()
        #expect(h.screen.contains("Ventana muy pequeña: 79×23"))
        assertGolden(h.app.lastFrame, "customers-too-small-79x23")
    }

    @Test func emptyListSaysHowToStart() throws {
        let h = try ScreenHarness()
        h.app.draw()
        #expect(h.screen.contains("No hay clientes que coincidan. Pulse n para crear uno."))
    }

    @Test func filterIgnoresAccentsAndCase() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.keys(.char("/"))
        h.type("nunez")
        #expect(h.screen.contains("Núñez Cáceres, María Ángela"))
        #expect(!h.screen.contains("Comercial Andina"))
        #expect(h.screen.contains("1 fila"))
        h.keys(.escape)
        #expect(h.screen.contains("Comercial Andina"))
    }

    @Test func wrongRucIsExplainedThenSaved() throws {
        let h = try ScreenHarness()
        h.keys(.char("n"))
        #expect(h.screen.contains("Nuevo cliente"))
        h.keys(.tab)
        h.type("20100047219")
        h.keys(.tab)
        h.type("Ñandú Sistemas S.A.C.")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("RUC inválido: el dígito verificador no corresponde"))
        assertGolden(h.app.lastFrame, "customer-form-wrong-ruc")
        #expect(try h.store.db.scalar("SELECT count(*) FROM customer").intValue == 0)
        h.keys(.ctrl("u"))
        h.type("20100047218")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente guardado: Ñandú Sistemas S.A.C."))
        #expect(h.screen.contains("RUC 20100047218"))
        let audit = try h.store.db.query("SELECT action, user_login FROM audit_log WHERE entity = 'customer'")
        #expect(audit.count == 1)
        #expect(audit.first?.string("user_login") == "admin")
    }

    @Test func draftIsKeptWhileTypingAndOfferedBack() throws {
        let h = try ScreenHarness()
        h.keys(.char("n"), .tab)
        h.type("20555123451")
        h.keys(.tab)
        h.type("Borrador S.A.C.")
        let draft = try DraftRepository(db: h.store.db).load(user: "admin", form: "customer", recordKey: "new")
        #expect(draft?.fields["legalName"] == "Borrador S.A.C.")
        // A new app on the same file (as after a killed terminal) offers the draft back.
        let again = try ScreenHarness(sharing: h)
        again.keys(.char("n"))
        #expect(again.screen.contains("Hay un borrador sin guardar"))
        again.keys(.char("s"))
        #expect(again.screen.contains("Borrador S.A.C."))
        #expect(again.screen.contains("20555123451"))
    }

    @Test func discardingAskedFirstAndDeletesTheDraft() throws {
        let h = try ScreenHarness()
        h.keys(.char("n"), .tab)
        h.type("123")
        h.keys(.escape)
        #expect(h.screen.contains("Hay cambios sin guardar. ¿Descartarlos?"))
        h.keys(.char("s"))
        #expect(h.screen.contains("No hay clientes que coincidan"))
        #expect(try DraftRepository(db: h.store.db).load(user: "admin", form: "customer", recordKey: "new") == nil)
    }

    @Test func warehouseRoleCannotEdit() throws {
        let h = try ScreenHarness(role: .almacen, login: "almacen")
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.keys(.enter)
        #expect(h.screen.contains("Su rol (almacén) no tiene permiso para modificar en Clientes."))
        #expect(!h.screen.contains("Editar cliente"))
        h.keys(.char("n"))
        #expect(!h.screen.contains("Nuevo cliente"))
    }

    @Test func escapeSequencesInNamesAreShownAsPlaceholders() throws {
        let h = try ScreenHarness()
        try h.addCustomers([("20100047218", "Evil \u{1B}]0;PWNED\u{07} \u{1B}[2J SAC", "Lince")])
        h.app.draw()
        #expect(h.screen.contains("Evil ␛]0;PWNED␇ ␛[2J SAC"))
        #expect(!h.app.lastFrame.cells.contains { $0.char.unicodeScalars.contains { $0.value == 0x1B } })
    }

    @Test func archiveAsksThenHidesAndAudits() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.keys(.char("a"))
        #expect(h.screen.contains("¿Archivar a Comercial Andina S.A.C.?"))
        h.keys(.char("s"))
        #expect(!h.screen.contains("RUC 20100047218"))
        h.keys(.char("t"))
        #expect(h.screen.contains("RUC 20100047218"))
        #expect(try h.store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'archive'").intValue == 1)
    }

    @Test func anotherProcessChangeRefreshesTheList() throws {
        let h = try ScreenHarness()
        h.app.draw()
        let other = try Database(path: h.store.path)
        _ = try CustomerRepository(db: other, user: "ventas").create(
            Customer(docType: .ruc, docNumber: "20100047218", legalName: "Llegó Desde Otro Proceso S.A.C."))
        h.send([.tick])
        #expect(h.screen.contains("Llegó Desde Otro Proceso S.A.C."))
    }
}

