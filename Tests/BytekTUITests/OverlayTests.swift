import Testing
@testable import BytekTUI

@MainActor
@Suite struct OverlayTests {
    func commands(_ c: AppContext) -> [String] {
        c.commands.map {
            switch $0 {
            case .closeOverlay: return "close"
            case .overlay: return "overlay"
            case .switchModule(let m): return "switch:" + m.rawValue
            case .push: return "push"
            case .pop: return "pop"
            case .replaceTop: return "replace"
            case .quit: return "quit"
            default: return "other"
            }
        }
    }

    func paletteActions(_ log: Log) -> [PaletteAction] {
        ["Ir a Clientes", "Ir a Catálogo", "Nuevo cliente", "Nueva cotización", "Ver cotizaciones", "Exportar clientes (CSV)",
         "Importar catálogo (CSV)", "Cambiar tema"].map { title in
            PaletteAction(title: title, detail: title.hasPrefix("Ir a") ? "Módulo" : "Acción") { _ in log.entries.append(title) }
        }
    }

    final class Log: @unchecked Sendable { var entries: [String] = [] }

    @Test func paletteWithAQuery() {
        let log = Log()
        let records: (String) -> [PaletteAction] = { q in
            TextFoldMatch.contains(q, in: "acme") ? [
                PaletteAction(title: "Cliente: ACME Perú S.A.C.", detail: "RUC 20100047218") { _ in log.entries.append("acme") },
            ] : []
        }
        let palette = PaletteOverlay(actions: paletteActions(log), records: records)
        let ctx = WidgetFixtures.context()
        for c in "nueva cot" { _ = palette.handle(.key(.char(c)), context: ctx) }
        #expect(palette.resultTitles.first == "Nueva cotización")
        let screen = WidgetFixtures.draw(width: 100, height: 30) { c, r in palette.render(&c, in: r, context: ctx) }
        assertGolden(screen, "palette_nueva_cot_100x30")
        _ = palette.handle(.key(.enter), context: ctx)
        #expect(log.entries == ["Nueva cotización"])
        #expect(commands(ctx) == ["close"])
    }

    @Test func paletteFindsRecordsAndRunsThem() {
        let log = Log()
        let palette = PaletteOverlay(actions: paletteActions(log), records: { q in
            q.lowercased().contains("acme")
                ? [PaletteAction(title: "Cliente: ACME Perú S.A.C.", detail: "RUC 20100047218") { _ in log.entries.append("acme") }]
                : []
        })
        let ctx = WidgetFixtures.context()
        for c in "cliente acme" { _ = palette.handle(.key(.char(c)), context: ctx) }
        #expect(palette.resultTitles.first == "Cliente: ACME Perú S.A.C.")
        let found = WidgetFixtures.draw(width: 80, height: 24) { c, r in palette.render(&c, in: r, context: ctx) }
        assertGolden(found, "palette_cliente_acme_80x24")
        let empty = PaletteOverlay(actions: paletteActions(log))
        let blank = WidgetFixtures.draw(width: 80, height: 24) { c, r in empty.render(&c, in: r, context: ctx) }
        assertGolden(blank, "palette_empty_query_80x24")
        for c in "zzz" { _ = empty.handle(.key(.char(c)), context: ctx) }
        let none = WidgetFixtures.draw(width: 80, height: 24) { c, r in empty.render(&c, in: r, context: ctx) }
        #expect(none.text.contains("Nada coincide"))
        _ = palette.handle(.key(.down), context: ctx)
        _ = palette.handle(.key(.up), context: ctx)
        _ = palette.handle(.key(.enter), context: ctx)
        #expect(log.entries == ["acme"])
        _ = empty.handle(.key(.escape), context: ctx)
        #expect(commands(ctx) == ["close", "close"])
        #expect(palette.capturesText)
    }

    @Test func confirmDialogKeys() {
        let ctx = WidgetFixtures.context()
        var answers: [Bool] = []
        let dialog = ConfirmDialog(message: "Hay cambios sin guardar. ¿Descartarlos?") { answers.append($0) }
        let screen = WidgetFixtures.draw(width: 80, height: 24) { c, r in dialog.render(&c, in: r, context: ctx) }
        assertGolden(screen, "confirm_discard_80x24")
        let noRow = screen.lines.firstIndex { $0.contains("[ No ]") } ?? 0
        #expect(screen.roles(row: noRow).contains(.selected))  // "No" is focused by default
        _ = dialog.handle(.key(.enter), context: ctx)
        _ = dialog.handle(.key(.char("s")), context: ctx)
        _ = dialog.handle(.key(.escape), context: ctx)
        _ = dialog.handle(.key(.right), context: ctx)
        _ = dialog.handle(.key(.enter), context: ctx)
        _ = dialog.handle(.key(.char("n")), context: ctx)
        #expect(answers == [false, true, false, true, false])
        #expect(commands(ctx).allSatisfy { $0 == "close" })
        #expect(commands(ctx).count == 5)
    }

    @Test func confirmInEnglish() {
        let ctx = WidgetFixtures.context(.en)
        let dialog = ConfirmDialog(message: "Quit BYTEK Core?", yesByDefault: true) { _ in }
        let screen = WidgetFixtures.draw(width: 80, height: 24) { c, r in dialog.render(&c, in: r, context: ctx) }
        #expect(screen.text.contains("[ Yes ]"))
        #expect(screen.text.contains("Confirm"))
    }

    @Test func helpOverlayTwoSectionsAndScrolling() {
        let ctx = WidgetFixtures.context()
        let screenKeys = [
            KeyBinding([.char("n")], "Nuevo", help: "Nuevo cliente"),
            KeyBinding([.enter, .char("e")], "Editar", help: "Editar el cliente seleccionado"),
            KeyBinding([.char("/")], "Buscar", help: "Filtrar por nombre, RUC o DNI (sin tildes también)"),
            KeyBinding([.char("o"), .char("O")], "Ordenar", help: "Cambiar la columna de orden / invertir"),
            KeyBinding([.char("a")], "Archivar", help: "Archivar el cliente (no se borra)"),
        ]
        let global = [
            KeyBinding([.char("1"), .f(2)], "Módulos", help: "Cambiar de módulo (1…9, F2…F10)"),
            KeyBinding([.char(":"), .ctrl("p")], "Comandos", help: "Paleta de comandos"),
            KeyBinding([.char("?"), .f(1)], "Ayuda", help: "Esta ayuda"),
            KeyBinding([.char("q"), .ctrl("q")], "Salir", help: "Salir de BYTEK Core"),
        ]
        let help = HelpOverlay(title: "Ayuda — teclas de Clientes", screenBindings: screenKeys, globalBindings: global)
        let screen = WidgetFixtures.draw(width: 80, height: 24) { c, r in help.render(&c, in: r, context: ctx) }
        assertGolden(screen, "help_customers_80x24")
        let small = WidgetFixtures.draw(width: 80, height: 10) { c, r in help.render(&c, in: r, context: ctx) }
        #expect(small.text.contains("▼"))
        _ = help.handle(.key(.end), context: ctx)
        let end = WidgetFixtures.draw(width: 80, height: 10) { c, r in help.render(&c, in: r, context: ctx) }
        #expect(end.text.contains("Salir de BYTEK Core"))
        #expect(!end.text.contains("Nuevo cliente"))
        _ = help.handle(.key(.char("?")), context: ctx)
        #expect(commands(ctx) == ["close"])
    }

    @Test func helpWrapsLongTextsAndLongKeyLists() {
        let ctx = WidgetFixtures.context()
        let help = HelpOverlay(title: "Ayuda — teclas de Clientes", screenBindings: [
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], "Moverse",
                       help: "Moverse por la lista: ↑ ↓ j k, RePág/AvPág, Inicio/Fin, g/G y la rueda del ratón"),
            KeyBinding([.char("/")], "Buscar", help: "Buscar por nombre, documento, distrito o correo (sin tildes también)"),
        ], globalBindings: [KeyBinding([.char("?")], "Ayuda", help: "Esta ayuda")])
        let screen = WidgetFixtures.draw(width: 80, height: 24) { c, r in help.render(&c, in: r, context: ctx) }
        assertGolden(screen, "help_wrapped_80x24")
        #expect(screen.text.contains("rueda del ratón"))
        #expect(screen.text.contains("↑/↓/RePág/AvPág/Inicio/Fin"))
    }

    @Test func messageDialog() {
        let ctx = WidgetFixtures.context()
        var closed = 0
        let dialog = MessageDialog(message: "No se pudo importar el archivo: la línea 14 tiene un RUC inválido (20100047219).",
                                   isError: true) { closed += 1 }
        let screen = WidgetFixtures.draw(width: 80, height: 24) { c, r in dialog.render(&c, in: r, context: ctx) }
        assertGolden(screen, "message_error_80x24")
        _ = dialog.handle(.key(.char("x")), context: ctx)
        #expect(closed == 0)
        _ = dialog.handle(.key(.enter), context: ctx)
        #expect(closed == 1)
        #expect(commands(ctx) == ["close"])
    }

    @Test func overlayClearsWhatIsBeneath() {
        let ctx = WidgetFixtures.context()
        let dialog = ConfirmDialog(message: "¿Archivar a ACME Perú S.A.C.?", danger: true) { _ in }
        var canvas = Canvas(width: 60, height: 12)
        canvas.fill(canvas.bounds, "x")
        dialog.render(&canvas, in: canvas.bounds, context: ctx)
        let b = canvas.buffer
        let corners = b.cells.indices.filter { b.cells[$0].char == "┌" || b.cells[$0].char == "┘" }
        #expect(corners.count == 2)
        let (x0, y0) = (corners[0] % b.width, corners[0] / b.width)
        let (x1, y1) = (corners[1] % b.width, corners[1] / b.width)
        for y in y0...y1 { for x in x0...x1 { #expect(b[x, y].char != "x") } }
        #expect(b[x0 + 1, y0 + 1].style.role == .overlay)
        #expect(b[x0 - 1, y0].char == "x")  // outside the box the screen stays
    }
}

/// Accent-insensitive containment for the fake record provider.
enum TextFoldMatch {
    static func contains(_ query: String, in word: String) -> Bool {
        query.lowercased().contains(word)
    }
}
