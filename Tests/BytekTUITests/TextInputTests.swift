import Testing
@testable import BytekTUI

@Suite struct TextInputTests {
    func typed(_ s: String, into input: inout TextInput) { for c in s { input.handle(.char(c)) } }

    @Test func editsNunezWithCursorMoves() {
        var input = TextInput()
        typed("Nunez", into: &input)
        #expect(input.text == "Nunez")
        // Fix the accents: go to the "u", replace it, then the "n".
        input.handle(.home)
        input.handle(.right)
        input.handle(.delete)
        input.handle(.char("ú"))
        #expect(input.text == "Núnez")
        input.handle(.right)
        input.handle(.backspace)
        input.handle(.char("ñ"))
        #expect(input.text == "Núñez")
        #expect(input.cursor == 3)
        input.handle(.ctrl("e"))
        #expect(input.cursor == 5)
        input.handle(.backspace)
        #expect(input.text == "Núñe")
        input.handle(.ctrl("a"))
        input.handle(.delete)
        #expect(input.text == "úñe")
        #expect(input.cursor == 0)
    }

    @Test func decomposedAccentsAreOneCharacter() {
        var input = TextInput("Nu\u{0301}n\u{0303}ez")  // "Núñez" written with combining marks
        #expect(input.text.count == 5)
        input.handle(.left); input.handle(.left); input.handle(.left)
        input.handle(.backspace)  // removes "ú" whole
        #expect(input.text == "Nn\u{0303}ez")
    }

    @Test func overwriteAndInsert() {
        var input = TextInput("20100047218")
        input.handle(.home)
        input.handle(.insert)
        #expect(input.overwrite)
        typed("10", into: &input)
        #expect(input.text == "10100047218")
        input.handle(.end)
        input.handle(.char("9"))
        #expect(input.text == "101000472189")  // at the end overwrite appends
    }

    @Test func ctrlWDeletesAWordAndCtrlUClears() {
        var input = TextInput("Clínica San Judas  ")
        input.handle(.ctrl("w"))
        #expect(input.text == "Clínica San ")
        input.handle(.ctrl("w"))
        #expect(input.text == "Clínica ")
        input.handle(.ctrl("w"))
        #expect(input.text == "")
        input.text = "ventas@acme.pe"
        input.handle(.ctrl("w"))
        #expect(input.text == "ventas@acme.")
        input.handle(.ctrl("u"))
        #expect(input.text.isEmpty)
        #expect(input.cursor == 0)
    }

    @Test func filtersAndLimits() {
        var input = TextInput(maxLength: 8)
        typed("123456789", into: &input)
        #expect(input.text == "12345678")
        input.text = ""
        input.handle(.char("\u{1B}"))
        #expect(input.text.isEmpty)  // control characters never get in
        input.allowed = { $0.isNumber }
        typed("1a2", into: &input)
        #expect(input.text == "12")
        let usedUp = input.handle(.up)
        let usedEnter = input.handle(.enter)
        #expect(!usedUp)
        #expect(!usedEnter)
    }

    @Test func scrollsHorizontallyToKeepTheCursorVisible() {
        var input = TextInput("Distribuidora Arequipeña del Sur S.R.L.")
        func show(_ focused: Bool) -> String {
            var canvas = Canvas(width: 20, height: 1)
            input.render(&canvas, in: Rect(x: 0, y: 0, width: 20, height: 1), focused: focused)
            return canvas.buffer.lines[0]
        }
        #expect(show(true) == "…eña del Sur S.R.L. ")
        input.handle(.home)
        #expect(show(true) == "Distribuidora Arequi")
        for _ in 0..<23 { input.handle(.right) }  // onto the "a" of "Arequipeña", past the right edge
        let line = show(true)
        #expect(line.hasPrefix("…"))
        #expect(line.contains("ñ"))
        var canvas = Canvas(width: 20, height: 1)
        input.render(&canvas, in: Rect(x: 0, y: 0, width: 20, height: 1), focused: true)
        let cursorCells = (0..<20).filter { canvas.buffer[$0, 0].style == Style(.input, bold: true, underline: true) }
        #expect(cursorCells.count == 1)
        #expect(cursorCells.first.map { canvas.buffer[$0, 0].char } == "a")
        #expect(line == "…ibuidora Arequipeña")
    }

    @Test func placeholderWhenEmptyAndUnfocused() {
        var input = TextInput(placeholder: "Buscar por nombre o RUC")
        var canvas = Canvas(width: 30, height: 1)
        input.render(&canvas, in: Rect(x: 0, y: 0, width: 30, height: 1), focused: false)
        #expect(canvas.buffer.text == "Buscar por nombre o RUC")
        #expect(canvas.buffer[0, 0].style.role == .placeholder)
    }
}
