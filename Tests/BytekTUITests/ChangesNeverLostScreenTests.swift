import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

extension ScreenHarness {
    /// The question of the confirmation dialog on screen, if any.
    var question: String? { (app.overlays.last as? ConfirmDialog)?.message }
    var formScreen: FormScreen? { app.topScreen as? FormScreen }

    /// A quote for the first sample customer, sent and accepted today.
    func acceptedQuote() throws -> Quote {
        try addCustomers(ScreenHarness.sampleCustomers)
        let q = try addQuote()
        let id = try #require(q.id)
        _ = try quotes.send(id, on: ScreenHarness.today)
        return try quotes.accept(id, on: ScreenHarness.today).quote
    }
}

/// Section 3 in the terminal: a restored draft never overwrites another user's saved change, a draft that
/// cannot be read is offered for deletion, slips on a choice field go nowhere, and the quote builder asks
/// before its letter keys change a sent or accepted quote. Section 4: costs by role in the catalog.
@MainActor
@Suite struct ChangesNeverLostScreenTests {
    /// User A opens the first customer and types into `field`; A's terminal dies (the draft stays).
    func draftByA(_ field: String, _ text: String) throws -> (ScreenHarness, Int64) {
        let a = try ScreenHarness()
        try a.addCustomers(ScreenHarness.sampleCustomers)
        a.keys(.enter)
        let form = try #require(a.formScreen)
        let id = try #require(Int64(form.editor.recordKey))
        form.form.focus(field)
        a.type(text)
        #expect(try DraftRepository(db: a.store.db).load(user: "admin", form: "customer", recordKey: String(id))?.fields[field] == text)
        return (a, id)
    }

    /// User B saves the e-mail of customer `id` meanwhile.
    func bSavesEmail(_ h: ScreenHarness, _ id: Int64, _ email: String) throws {
        let b = CustomerRepository(db: h.store.db, user: "beto", now: { ScreenHarness.fixedNow.addingTimeInterval(60) })
        var c = try #require(try b.get(id))
        c.email = email
        _ = try b.update(c)
    }

    @Test func aDraftFromBeforeAnotherUsersSaveKeepsTheirChange() throws {
        let (a, id) = try draftByA("phone", "014445555")
        try bSavesEmail(a, id, "beto@andina.pe")
        // A opens the record again (a new terminal) and restores the draft.
        let again = try ScreenHarness(sharing: a)
        again.keys(.enter)
        #expect(again.question?.contains("Hay un borrador sin guardar") == true)
        again.keys(.char("s"))
        #expect(again.screen.contains("otro usuario cambió después: Correo"))
        again.keys(.ctrl("s"))
        let saved = try #require(try again.customers.get(id))
        #expect(saved.email == "beto@andina.pe", "B's change is not lost")
        #expect(saved.phone == "014445555", "A's change is saved")
    }

    @Test func aFieldBothChangedIsAskedAboutFieldByField() throws {
        for keepMine in [false, true] {
            let (a, id) = try draftByA("email", "ana@andina.pe")
            try bSavesEmail(a, id, "beto@andina.pe")
            let again = try ScreenHarness(sharing: a)
            again.keys(.enter, .char("s"))
            let question = try #require(again.question)
            #expect(question.contains("«beto@andina.pe»") && question.contains("«ana@andina.pe»"), "\(question)")
            again.keys(.char(keepMine ? "s" : "n"))
            again.keys(.ctrl("s"))
            #expect(try again.customers.get(id)?.email == (keepMine ? "ana@andina.pe" : "beto@andina.pe"))
        }
    }

    @Test func aDraftThatCannotBeReadIsOfferedForDeletionNotACrash() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.store.db.execute(
            "INSERT INTO form_draft(user_login, form, record_key, fields_json, updated_at) VALUES ('admin', 'customer', 'new', '{\"roto', '2026-11-18T10:00:00Z')")
        h.keys(.char("n"))
        #expect(h.question?.contains("no se puede leer") == true)
        h.keys(.char("s"))
        #expect(h.screen.contains("Borrador eliminado."))
        #expect(try h.store.db.scalar("SELECT count(*) FROM form_draft").intValue == 0)
        #expect(h.formScreen != nil, "the form stays open, empty")
    }

    @Test func aQuoteDraftThatNoLongerLoadsIsOfferedForDeletion() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let q = try h.addQuote()
        try DraftRepository(db: h.store.db).save(user: "admin", form: "quote", recordKey: String(try #require(q.id)),
                                                  fields: ["quote": "{\"no\": \"es una cotización\"}"])
        h.go(.quotes); h.keys(.enter)
        #expect(h.question?.contains("no se puede leer") == true)
        h.keys(.char("s"))
        #expect(try DraftRepository(db: h.store.db).load(user: "admin", form: "quote", recordKey: String(try #require(q.id))) == nil)
    }

    @Test func aQuoteDraftOverAVersionSavedSinceWarnsAndDefaultsToNo() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let q = try h.addQuote()
        h.go(.quotes); h.keys(.enter, .char("i"), .char("s"))  // A's unsaved change, kept in the draft
        // B saves the same draft quote meanwhile.
        let quoteId = try #require(q.id)
        var theirs = try #require(try h.quotes.get(quoteId))
        try theirs.edit { $0.validityDays = 45 }
        _ = try h.quotes.updateDraft(theirs)
        let again = try ScreenHarness(sharing: h)
        again.go(.quotes); again.keys(.enter)
        #expect(again.question?.contains("otro usuario guardó esta cotización después") == true)
        again.keys(.enter)  // the focused answer is "No"
        #expect(again.builder?.quote.content == theirs.content)
        #expect(try h.quotes.get(quoteId)?.validityDays == 45)
    }

    @Test func aQuoteDraftWhoseFiguresNoLongerComputeIsOfferedForDeletion() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let q = try h.addQuote()
        let key = String(try #require(q.id))
        // A draft kept with a line the totals refuse (a negative quantity).
        var bad = q.content
        bad.lines[0].quantity = -5
        let json = String(decoding: try JSONEncoder().encode(Quote(id: q.id, number: q.number, version: q.version, state: .draft,
                                                                   content: bad)), as: UTF8.self)
        try DraftRepository(db: h.store.db).save(user: "admin", form: "quote", recordKey: key, fields: ["quote": json])
        h.go(.quotes); h.keys(.enter, .char("s"))  // restore it
        #expect(h.question?.contains("no se puede leer") == true, "\(h.screen)")
        h.keys(.char("s"))
        #expect(try DraftRepository(db: h.store.db).load(user: "admin", form: "quote", recordKey: key) == nil)
        #expect(h.builder?.quote.content == q.content, "the stored quote is untouched")
    }

    @Test func digitsAndQOnAChoiceFieldNeitherSwitchModuleNorCloseTheForm() throws {
        let h = try ScreenHarness()
        h.keys(.char("n"))
        #expect(h.formScreen?.form.focusedField == "docType")
        h.keys(.char("2"), .char("q"), .char("5"))
        #expect(h.formScreen != nil, "still in the customer form")
        #expect(h.screen.contains("Este campo no se escribe"))
        #expect(h.app.running)
    }

    @Test func thePriceBasisSwitchAsksAndShowsTheTotals() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let q = try h.addQuote()
        h.go(.quotes); h.keys(.enter, .char("i"))
        let question = try #require(h.question)
        #expect(question.contains("El total pasa de"), "\(question)")
        h.keys(.char("n"))
        #expect(h.builder?.quote.pricesIncludeIGV == q.pricesIncludeIGV)
        h.keys(.char("i"), .char("s"))
        #expect(h.builder?.quote.pricesIncludeIGV == !q.pricesIncludeIGV)
    }

    @Test func anAcceptedQuoteGetsNoNewVersionAndIsReopenedWithAReason() throws {
        let h = try ScreenHarness()
        let q = try h.acceptedQuote()
        let id = try #require(q.id)
        h.go(.quotes); h.keys(.enter, .char("v"))
        #expect(h.screen.contains("reábrala primero"))
        #expect(try h.quotes.versions(of: q.number).count == 1)
        h.keys(.char("o"))
        #expect(h.screen.contains("¿Por qué se reabre"))
        h.type("El cliente cambia el alcance")
        h.keys(.enter)
        #expect(try h.quotes.get(id)?.state == .sent)
        #expect(h.screen.contains("reabierta"))
        let audit = try h.store.db.query("SELECT summary FROM audit_log WHERE summary LIKE '%reabierta: El cliente cambia el alcance%'")
        #expect(audit.count == 1)
    }

    @Test func costsInTheCatalogOnlyForRolesThatMaySeeThemAndAlmacenEditsStockOnly() throws {
        for role in [Role.ventas, .almacen, .finanzas] {
            let h = try ScreenHarness(role: role, login: role.rawValue)
            let repo = CatalogRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
            let item = try repo.create(CatalogItem(sku: "NAS-DS224", name: "NAS Synology DS224+", unit: .infrastructure, kind: .product,
                                                   price: Money(minorUnits: 42_000, .usd), cost: Money(minorUnits: 31_000, .usd)))
            h.go(.catalog)
            #expect(h.screen.contains("US$ 420.00"))
            #expect(h.screen.contains("US$ 310.00") == (role == .ventas), "\(role)")
            guard role == .almacen else { continue }
            h.keys(.char("n"))
            #expect(h.screen.contains("no puede crear ítems"))
            h.keys(.enter)
            let form = try #require(h.formScreen)
            let ids = Set(form.form.fields.filter { !$0.isSection }.map(\.id))
            #expect(ids == ["uom", "sunatUnit", "tracksSerials", "active"])
            form.form.focus("uom")
            for _ in 0..<6 { h.keys(.backspace) }
            h.type("caja")
            h.keys(.ctrl("s"))
            let itemId = try #require(item.id)
            let saved = try #require(try repo.get(itemId))
            #expect(saved.uom == "caja")
            #expect(saved.price == item.price && saved.cost == item.cost && saved.name == item.name)
        }
    }
}
