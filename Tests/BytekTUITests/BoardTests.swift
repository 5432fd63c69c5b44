import Testing
@testable import BytekTUI

@MainActor
@Suite struct BoardTests {
    func pipeline() -> Board {
        let b = Board(columns: [
            BoardColumn(id: "lead", title: "Prospecto", cards: [
                BoardCard(id: 1, title: "ACME Perú S.A.C.", details: ["NAS Synology 4 bahías", "S/ 8,450.00"]),
                BoardCard(id: 2, title: "Clínica San Judas", details: ["Cableado UTP cat. 6", "S/ 23,900.00"], badge: "vence"),
                BoardCard(id: 3, title: "Colegio Fátima", details: ["10 access points"]),
            ], sumText: "S/ 32,350.00"),
            BoardColumn(id: "proposal", title: "Propuesta", cards: [
                BoardCard(id: 4, title: "Hotel Plaza Cusco", details: ["Soporte anual", "US$ 4,800.00"], badge: "!", badgeRole: .danger),
            ], sumText: "US$ 4,800.00"),
            BoardColumn(id: "negotiation", title: "Negociación", cards: [], sumText: "S/ 0.00"),
            BoardColumn(id: "won", title: "Ganado", cards: [
                BoardCard(id: 5, title: "Agroexportadora Olmos", details: ["Servidor y respaldo", "US$ 12,000.00"]),
                BoardCard(id: 6, title: "Núñez Pérez, José", details: ["Laptop + licencias"]),
            ], sumText: "S/ 3,200.00"),
        ])
        b.emptyText = "Sin tarjetas"
        return b
    }

    @Test func fourColumnsAt80() {
        let b = pipeline()
        _ = b.handle(.key(.down))
        let screen = WidgetFixtures.draw(width: 80, height: 20) { c, r in b.render(&c, in: r) }
        assertGolden(screen, "board_pipeline_80x20")
        #expect(b.selectedCard?.id == 2)
        #expect(screen.lines[0].contains("Prospecto (3)"))
        #expect(screen.lines[0].contains("Ganado (2)"))
        let selectedRow = screen.lines.firstIndex { $0.contains("Clínica S") } ?? 0
        #expect(screen.roles(row: selectedRow)[1...18].allSatisfy { $0 == .cardSelected })
        #expect(!screen.roles(row: selectedRow)[21...38].contains(.cardSelected))
        b.isFocused = false
        let unfocused = WidgetFixtures.draw(width: 80, height: 20) { c, r in b.render(&c, in: r) }
        #expect(!(0..<20).contains { unfocused.roles(row: $0).contains(.cardSelected) })
    }

    @Test func moveCardWithAngleBrackets() {
        let b = pipeline()
        _ = b.handle(.key(.char("j")))
        let result = b.handle(.key(.char(">")))
        #expect(result == .moved(BoardMove(cardID: 2, fromColumn: "lead", toColumn: "proposal", toIndex: 0)))
        #expect(b.focusedColumn == 1)
        #expect(b.selectedCard?.id == 2)
        #expect(b.columns[0].cards.map(\.id) == [1, 3])
        #expect(b.columns[1].cards.map(\.id) == [2, 4])
        _ = b.handle(.key(.char("<")))
        #expect(b.columns[0].cards.map(\.id) == [2, 1, 3])
        #expect(b.handle(.key(.char("<"))) == .handled)  // nothing before the first column
        _ = b.handle(.key(.char("l"))); _ = b.handle(.key(.char("l")))
        #expect(b.selectedCard == nil)  // the empty column
        #expect(b.handle(.key(.char(">"))) == .handled)
        #expect(b.handle(.key(.char("x"))) == .ignored)
    }

    @Test func narrowTerminalScrollsColumnsToTheFocusedOne() {
        let b = pipeline()
        _ = b.handle(.key(.right)); _ = b.handle(.key(.right)); _ = b.handle(.key(.right))
        let screen = WidgetFixtures.draw(width: 40, height: 12) { c, r in b.render(&c, in: r) }
        assertGolden(screen, "board_narrow_40x12")
        #expect(screen.text.contains("Ganado (2)"))
        #expect(!screen.text.contains("Prospecto"))
        #expect(screen.lines[0].hasPrefix("◀"))
    }

    @Test func longColumnScrollsVertically() {
        let cards = (1...12).map { BoardCard(id: Int64($0), title: "Tarea \($0)", details: ["Detalle \($0)"]) }
        let b = Board(columns: [BoardColumn(id: "todo", title: "Por hacer", cards: cards)])
        for _ in 0..<8 { _ = b.handle(.key(.down)) }
        let screen = WidgetFixtures.draw(width: 30, height: 12) { c, r in b.render(&c, in: r) }
        assertGolden(screen, "board_scrolled_30x12")
        #expect(screen.text.contains("Tarea 9"))
        #expect(!screen.text.contains("Tarea 1\n"))
        _ = b.handle(.key(.char("g")))
        #expect(b.selectedCard?.id == 1)
    }

    @Test func setColumnsKeepsTheSelectedCard() {
        let b = pipeline()
        _ = b.handle(.key(.down))
        var cols = b.columns
        let card = cols[0].cards.remove(at: 1)
        cols[3].cards.append(card)
        b.setColumns(cols)
        #expect(b.selectedCard?.id == 2)
        #expect(b.focusedColumn == 3)
    }
}
