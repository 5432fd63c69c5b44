import Testing
@testable import BytekTUI

@MainActor
@Suite struct FormTests {
    static let units = [FormOption("U1", "U1 Digital"), FormOption("U2", "U2 Software"), FormOption("U3", "U3 Infraestructura")]

    func customerForm() -> Form {
        Form(fields: [
            .choice("docType", "Tipo de documento", options: [
                FormOption("RUC"), FormOption("DNI"), FormOption("CE", "Carné de extranjería"), FormOption("PAS", "Pasaporte"),
            ]),
            .text("docNumber", "Número", required: true, width: 14, hint: "11 dígitos"),
            .text("legalName", "Razón social", required: true),
            .text("tradeName", "Nombre comercial"),
            .section("Dirección"),
            .text("address", "Dirección"),
            .text("district", "Distrito", width: 24),
            .section("Comercial"),
            .multi("units", "Unidades", options: FormTests.units),
            .number("creditDays", "Días de crédito", width: 6),
            .money("creditLimit", "Línea de crédito (S/)"),
            .checkbox("active", "Activo", checked: true),
            .notes("notes", "Notas"),
        ])
    }

    func type(_ s: String, _ form: Form) { for c in s { _ = form.handle(.key(.char(c))) } }

    @Test func newCustomerWithAnErrorAt80x24() {
        let form = customerForm()
        _ = form.handle(.key(.tab))
        type("20100047219", form)
        _ = form.handle(.key(.tab))
        type("ACME Perú S.A.C.", form)
        _ = form.handle(.key(.down)); _ = form.handle(.key(.down))
        type("Av. José Larco 1232, of. 501", form)
        _ = form.handle(.key(.tab))
        type("Miraflores", form)
        _ = form.handle(.key(.tab))
        _ = form.handle(.key(.char("1"))); _ = form.handle(.key(.char("3")))
        _ = form.handle(.key(.tab))
        type("30", form)
        _ = form.handle(.key(.tab))
        type("12,500.00", form)
        form.setError("El dígito verificador del RUC no es válido.", for: "docNumber")
        form.focus("docNumber")
        let screen = WidgetFixtures.draw(width: 80, height: 24) { c, r in form.render(&c, in: r) }
        assertGolden(screen, "form_customer_error_80x24")
        #expect(form.values["units"] == "U1,U3")
        #expect(form.values["creditLimit"] == "12,500.00")
        #expect(form.values["active"] == "1")
        #expect(form.values["docType"] == "RUC")
        #expect(form.errorLabels == ["Número"])
        #expect(form.isDirty)
        let errorRow = screen.lines.firstIndex { $0.contains("dígito verificador") } ?? -1
        #expect(errorRow == 2)  // no room beside at 80 columns: on the line below the field
        #expect(screen.lines[1].contains("Número *"))
        #expect(screen.roles(row: errorRow).contains(.error))
    }

    @Test func errorGoesBelowWhenNoRoomBeside() {
        let form = customerForm()
        form.setError("Obligatorio: escriba la razón social tal como figura en SUNAT.", for: "legalName")
        form.focus("legalName")
        let screen = WidgetFixtures.draw(width: 80, height: 12) { c, r in form.render(&c, in: r) }
        assertGolden(screen, "form_error_below_80x12")
    }

    @Test func scrollsToKeepTheFocusedFieldVisible() {
        let form = customerForm()
        form.focus("notes")
        let bottom = WidgetFixtures.draw(width: 80, height: 10) { c, r in form.render(&c, in: r) }
        assertGolden(bottom, "form_scrolled_80x10")
        #expect(bottom.text.contains("Notas"))
        #expect(!bottom.text.contains("Tipo de documento"))
        form.focus("address")
        let middle = WidgetFixtures.draw(width: 80, height: 10) { c, r in form.render(&c, in: r) }
        #expect(middle.text.contains("── Dirección"))  // the section header comes into view with its first field
    }

    @Test func valuesRoundTripForDrafts() {
        let form = customerForm()
        #expect(!form.isDirty)
        let start = form.revision
        form.values = ["docType": "DNI", "docNumber": "45678912", "units": "U2", "active": "0", "creditLimit": "100.50",
                       "unknown": "x"]
        #expect(form.revision > start)
        #expect(form.isDirty)
        let saved = form.values
        let other = customerForm()
        other.values = saved
        #expect(other.values == saved)
        #expect(other.field("docType")?.choiceIndex == 1)
        form.values = ["docType": "NOPE"]
        #expect(form.values["docType"] == "DNI")  // an unknown option leaves the choice
        form.markClean()
        #expect(!form.isDirty)
        form.setValue("Quispe", for: "legalName")
        #expect(form.isDirty)
        #expect(form.value("legalName") == "Quispe")
    }

    @Test func keysPerKind() {
        let form = customerForm()
        #expect(form.focusedField == "docType")
        #expect(!form.capturesText)
        _ = form.handle(.key(.right))
        #expect(form.value("docType") == "DNI")
        _ = form.handle(.key(.char(" ")))
        #expect(form.value("docType") == "CE")
        _ = form.handle(.key(.left)); _ = form.handle(.key(.left)); _ = form.handle(.key(.left))
        #expect(form.value("docType") == "PAS")
        _ = form.handle(.key(.char("r")))
        #expect(form.value("docType") == "RUC")
        _ = form.handle(.key(.backTab))
        #expect(form.focusedField == "notes")  // Shift-Tab wraps
        _ = form.handle(.key(.up))
        #expect(form.focusedField == "active")
        _ = form.handle(.key(.char(" ")))
        #expect(form.value("active") == "0")
        _ = form.handle(.key(.up)); _ = form.handle(.key(.up)); _ = form.handle(.key(.up))
        #expect(form.focusedField == "units")
        #expect(form.capturesText)
        _ = form.handle(.key(.right)); _ = form.handle(.key(.char(" ")))
        _ = form.handle(.key(.char("3")))
        #expect(form.value("units") == "U2,U3")
        _ = form.handle(.key(.char("3")))
        #expect(form.value("units") == "U2")
        _ = form.handle(.key(.tab))
        type("3a0", form)
        #expect(form.value("creditDays") == "30")  // numbers take digits only
        #expect(!form.handle(.key(.enter)))
        #expect(!form.handle(.key(.ctrl("s"))))
        #expect(!form.handle(.key(.escape)))
    }

    @Test func readOnlyFieldsAreSkipped() {
        let form = customerForm()
        form.update("docNumber") { $0.isReadOnly = true }
        _ = form.handle(.key(.tab))
        #expect(form.focusedField == "legalName")
        form.focus("docNumber")
        #expect(form.focusedField == "legalName")
    }

    @Test func mouseClickFocusesAField() {
        let form = customerForm()
        _ = WidgetFixtures.draw(width: 80, height: 24) { c, r in form.render(&c, in: r) }
        #expect(form.handle(.mouse(MouseEvent(x: 30, y: 2, button: .left))))
        #expect(form.focusedField == "legalName")
    }
}
