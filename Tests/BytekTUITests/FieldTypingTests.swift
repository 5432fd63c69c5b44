import Testing
@testable import BytekTUI

/// Typing in fields as a user does: defaults replaced by the first digit, phones that take only
/// phone characters, a pasted Tab that stays in the field.
@MainActor
@Suite struct FieldTypingTests {
    func form() -> Form {
        Form(fields: [
            .text("name", "Razón social"),
            .number("creditDays", "Días de crédito", value: "0", width: 6),
            .money("limit", "Línea de crédito", value: "0.00"),
            .phone("phone", "Teléfono"),
        ])
    }
    func type(_ s: String, _ f: Form) { for c in s { _ = f.handle(.key(.char(c))) } }

    @Test func firstDigitReplacesTheDefault() {
        let f = form()
        _ = f.handle(.key(.tab))
        type("45", f)
        #expect(f.value("creditDays") == "45")
        _ = f.handle(.key(.tab))
        type("1500.50", f)
        #expect(f.value("limit") == "1500.50")
        // Back into a field that now has a value: typing replaces it again…
        _ = f.handle(.key(.backTab))
        type("60", f)
        #expect(f.value("creditDays") == "60")
        // …but a cursor or editing key first means "edit it": the text is kept.
        _ = f.handle(.key(.tab)); _ = f.handle(.key(.backTab))
        _ = f.handle(.key(.end))
        type("5", f)
        #expect(f.value("creditDays") == "605")
        _ = f.handle(.key(.tab)); _ = f.handle(.key(.backTab))
        _ = f.handle(.key(.backspace))
        type("1", f)
        #expect(f.value("creditDays") == "601")
        // A key the field refuses does not throw the value away, nor stop the next digit replacing it.
        _ = f.handle(.key(.tab)); _ = f.handle(.key(.backTab))
        type("x", f)
        #expect(f.value("creditDays") == "601")
        type("7", f)
        #expect(f.value("creditDays") == "7")
        // Text fields are never replaced.
        _ = f.handle(.key(.backTab))
        type("Andina", f)
        _ = f.handle(.key(.tab)); _ = f.handle(.key(.backTab))
        type(" SAC", f)
        #expect(f.value("name") == "Andina SAC")
    }

    /// The default about to be replaced is shown selected; once the user edits, it is plain again.
    @Test func theReplaceableValueLooksSelected() {
        var input = TextInput("30")
        input.replacesOnType = true
        var canvas = Canvas(width: 10, height: 1)
        input.render(&canvas, in: Rect(x: 0, y: 0, width: 10, height: 1), focused: true)
        #expect(canvas.buffer.roles(row: 0).prefix(2).allSatisfy { $0 == .selected })
        input.handle(.end)
        canvas = Canvas(width: 10, height: 1)
        input.render(&canvas, in: Rect(x: 0, y: 0, width: 10, height: 1), focused: true)
        #expect(!canvas.buffer.roles(row: 0).prefix(2).contains(.selected))
    }

    @Test func phonesTakeOnlyPhoneCharacters() {
        let f = form()
        for _ in 0..<3 { _ = f.handle(.key(.tab)) }
        #expect(f.focusedField == "phone")
        type("+51 (01) 555-1234 anexo 12; ok", f)
        #expect(f.value("phone") == "+51 (01) 555-1234  12 ")
        // A stored value is shown as it is (the filter is for typing).
        let g = Form(fields: [.phone("p", "Teléfono", value: "999 888 777 / 01 445")])
        #expect(g.value("p") == "999 888 777 / 01 445")
    }

    @Test func tabInsideABurstOfPrintableKeysIsPasted() {
        var d = PasteDetector()
        let typed: [(Event, Bool)] = [(.key(.char("A")), true), (.key(.char("b")), true), (.key(.tab), true), (.key(.char("c")), false)]
        #expect(typed.map { d.translate($0.0, pending: $0.1) }
                == [.key(.char("A")), .key(.char("b")), .key(.char(" ")), .key(.char("c"))])
        // A typist: nothing waiting behind the last letter, so the Tab moves on.
        #expect(d.translate(.key(.char("x")), pending: false) == .key(.char("x")))
        #expect(d.translate(.key(.tab), pending: false) == .key(.tab))
        // A Tab first (nothing printable before it) is a Tab, even with input behind it.
        #expect(d.translate(.key(.tab), pending: true) == .key(.tab))
        // An arrow key in a burst ends it.
        _ = d.translate(.key(.char("a")), pending: true)
        _ = d.translate(.key(.down), pending: true)
        #expect(d.translate(.key(.tab), pending: true) == .key(.tab))
    }

    @Test func bracketedPasteKeepsTabsAndLineEndsInTheField() {
        var d = PasteDetector()
        d.pasteStarted()
        #expect(d.translate(.key(.tab), pending: false) == .key(.char(" ")))
        #expect(d.translate(.key(.enter), pending: false) == .key(.char(" ")))
        d.pasteEnded()
        #expect(d.translate(.key(.tab), pending: false) == .key(.tab))
        #expect(d.translate(.key(.enter), pending: false) == .key(.enter))
        // In a form: the pasted text lands in one field and the focus stays.
        let f = form()
        for e in [Event.key(.char("A")), .key(.char(" ")), .key(.char("B"))] { _ = f.handle(e) }
        #expect(f.focusedField == "name" && f.value("name") == "A B")
    }
}
