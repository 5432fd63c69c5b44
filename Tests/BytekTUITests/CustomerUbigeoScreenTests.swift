import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The customer form's address: Ctrl-G on departamento, provincia or distrito opens the ubigeo picker
/// (on the current district when the three names are one place), and picking fills the three fields.
@MainActor
@Suite struct CustomerUbigeoScreenTests {
    /// A new customer form with the focus moved (Tab, as a user) onto the field `label`.
    func newForm(focusOn label: String, tabs: Int) throws -> ScreenHarness {
        let h = try ScreenHarness()
        h.keys(.char("n"))
        #expect(h.screen.contains("Nuevo cliente"))
        h.send(Array(repeating: .key(.tab), count: tabs))
        #expect(h.screen.contains("› " + label), "\(h.screen)")
        return h
    }

    var picker: (ScreenHarness) -> UbigeoPicker? { { $0.app.overlays.last as? UbigeoPicker } }

    @Test func ctrlGOnDepartmentPicksAPlaceAndFillsTheThreeFieldsThenSaves() throws {
        let h = try ScreenHarness()
        h.keys(.char("n"))
        h.keys(.tab)
        h.type("20100047218")
        h.keys(.tab)
        h.type("Ñandú Sistemas S.A.C.")
        h.send(Array(repeating: .key(.tab), count: 3))
        #expect(h.screen.contains("› Departamento"), "\(h.screen)")
        h.keys(.ctrl("g"))
        let open = try #require(picker(h), "Ctrl-G did not open the picker")
        #expect(open.stage == .department)
        #expect(h.screen.contains("010000  AMAZONAS"))
        h.type("lima")
        h.keys(.enter)
        h.keys(.enter)
        h.type("san isi")
        h.keys(.enter)
        #expect(picker(h) == nil)
        #expect(h.screen.contains("Ubicación: SAN ISIDRO, LIMA, LIMA"), "\(h.screen)")
        #expect(h.screen.contains("SAN ISIDRO"))
        #expect(h.screen.contains("› Departamento"), "the focus stays where it was")
        // The draft keeps the picked place at once (a kill now loses nothing).
        let draft = try #require(try DraftRepository(db: h.store.db).load(user: "admin", form: "customer", recordKey: "new"))
        #expect(draft.fields["district"] == "SAN ISIDRO" && draft.fields["department"] == "LIMA")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente guardado: Ñandú Sistemas S.A.C."), "\(h.screen)")
        let row = try #require(try h.store.db.query("SELECT department, province, district FROM customer").first)
        #expect(row.string("department") == "LIMA")
        #expect(row.string("province") == "LIMA")
        #expect(row.string("district") == "SAN ISIDRO")
    }

    @Test func typedNamesOpenThePickerOnTheirDistrictAndEscKeepsThem() throws {
        let h = try newForm(focusOn: "Departamento", tabs: 5)
        h.type("Lima")
        h.keys(.tab)
        h.type("lima")
        h.keys(.tab)
        h.type("San Isidro")
        #expect(h.screen.contains("› Distrito"))
        h.keys(.ctrl("g"))
        let open = try #require(picker(h))
        #expect(open.stage == .district("150100"), "the picker opens on the district's list")
        #expect(open.options.first?.code == "150101")
        // Esc: nothing changes.
        h.keys(.escape)
        #expect(picker(h) == nil)
        #expect(h.screen.contains("San Isidro") && !h.screen.contains("SAN ISIDRO"))
        // Again, and Enter takes the highlighted district (the current one): the names come as SUNAT spells them.
        h.keys(.ctrl("g"))
        h.keys(.enter)
        #expect(h.screen.contains("Ubicación: SAN ISIDRO, LIMA, LIMA"), "\(h.screen)")
        #expect(!h.screen.contains("San Isidro"))
    }

    @Test func namesThatAreNoPlaceOpenAtTheDepartments() throws {
        let h = try newForm(focusOn: "Provincia", tabs: 6)
        h.type("Atlántida")
        h.keys(.ctrl("g"))
        let open = try #require(picker(h))
        #expect(open.stage == .department)
    }

    @Test func ctrlGElsewhereOpensNothingAndTheHelpNamesIt() throws {
        let h = try newForm(focusOn: "Razón social", tabs: 2)
        h.keys(.ctrl("g"))
        #expect(picker(h) == nil)
        #expect(h.app.overlays.isEmpty)
        h.keys(.f(1))
        #expect(h.screen.contains("Ctrl-G en departamento, provincia o distrito"), "\(h.screen)")
    }
}
