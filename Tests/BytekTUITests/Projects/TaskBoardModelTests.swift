import BytekModel
import Foundation
import Testing
@testable import BytekTUI

/// The board's in-memory filter: whatever path a keystroke takes (a full search, narrowing the previous
/// matches, popping back on a backspace), it shows what a fresh search of that text shows, and each of
/// those cards really holds the text.
@Suite struct TaskBoardModelTests {
    static let data = BenchBoard.make(projects: 60, cards: 900)

    /// The columns a board freshly opened with `text` typed at once shows, with `lane` swimlanes.
    func fresh(_ text: String, lane: Swimlane = .none, data: BoardData = data) -> [[Int]] {
        var m = TaskBoardModel(data, noAssignee: "sin asignar")
        if lane != .none { m.setSwimlane(lane) }
        m.setFilter(text)
        return m.columns
    }

    /// The cards holding `text` by a plain String search of each card's fields (no buffer, no stack).
    func expected(_ m: TaskBoardModel, _ text: String) -> Set<Int> {
        let needle = String(decoding: TaskBoardModel.fold(text), as: UTF8.self)
        return Set(m.cards.indices.filter { i in
            let c = m.cards[i]
            return [c.task.title, c.customerName, c.task.assignee ?? "", c.projectCode].contains {
                String(decoding: TaskBoardModel.fold($0), as: UTF8.self).contains(needle)
            }
        })
    }

    /// One key typed is answered from the cards' letter masks (letters and digits) or by a search (any other
    /// byte): both show exactly the cards holding it, accents and case folded.
    @Test func oneLetterFiltersShowTheCardsHoldingIt() {
        var m = TaskBoardModel(Self.data, noAssignee: "sin asignar")
        for key in ["a", "z", "q", "7", "0", "Ñ", "é", "-", " ", "·"] {
            m.setFilter(key)
            #expect(Set(m.columns.joined()) == expected(m, key), "«\(key)»")
            #expect(m.columns == fresh(key), "«\(key)»")
            m.setFilter("")
        }
    }

    @Test func typingBackspacesAndRetypingShowWhatAFreshSearchShows() {
        var m = TaskBoardModel(Self.data, noAssignee: "sin asignar")
        let all = m.columns
        var typed = ""
        func check(_ why: String) {
            #expect(m.columns == fresh(typed), "«\(typed)» \(why)")
            #expect(Set(m.columns.joined()) == (typed.isEmpty ? Set(m.cards.indices) : expected(m, typed)), "«\(typed)» \(why)")
        }
        for c in "revisión del cliente 1" { typed.append(c); m.setFilter(typed); check("tecleado") }
        #expect(!m.columns.joined().isEmpty && m.columns.joined().count < m.cards.count)
        while !typed.isEmpty { typed.removeLast(); m.setFilter(typed); check("tras retroceso") }
        #expect(m.columns == all, "the empty filter shows the whole board again")
        // Backspace then a different letter: the stack must not answer for the old text.
        for c in "andina" { typed.append(c); m.setFilter(typed) }
        typed = "andin"; m.setFilter(typed); check("retroceso")
        typed = "andinx"; m.setFilter(typed); check("otra letra")
        #expect(m.columns.allSatisfy { $0.isEmpty })
        typed = "ANDINA 1"; m.setFilter(typed); check("mayúsculas, texto nuevo")
        typed = "pry-2026-00012"; m.setFilter(typed); check("un código, sin prefijo común")
        typed = "ñaña"; m.setFilter(typed); check("con tildes")
        typed = "nana"; m.setFilter(typed); check("sin tildes")
        #expect(!m.columns.joined().isEmpty)
    }

    @Test func aMatchNeverRunsAcrossTwoCards() {
        // The last bytes of one card and the first of the next never make a match together.
        func card(_ id: Int64, _ title: String, _ code: String) -> BoardTask {
            BoardTask(task: ProjectTask(id: id, projectId: id, position: 0, title: title, state: .todo, assignee: "ana",
                                        stateSince: Date(timeIntervalSince1970: 0)),
                      projectCode: code, customerName: "Cliente")
        }
        var m = TaskBoardModel(BoardData(tasks: [card(1, "Brief", "PRY-1"), card(2, "Logo", "PRY-2"), card(3, "Logo final", "PRY-3")],
                                         limits: [:]), noAssignee: "sin asignar")
        m.setFilter("pry-1logo")
        #expect(m.columns.allSatisfy { $0.isEmpty })
        m.setFilter("logo")
        #expect(m.columns[0].count == 2)
        m.setFilter("pry-3")
        #expect(m.columns[0].map { m.cards[$0].task.title } == ["Logo final"])
        m.setFilter("cliente")
        #expect(m.columns[0].count == 3)
    }

    @Test func filterSwimlanesAndMovesTogether() throws {
        var m = TaskBoardModel(Self.data, noAssignee: "sin asignar")
        m.setFilter("carla")
        m.setSwimlane(.assignee)
        #expect(m.columns == fresh("carla", lane: .assignee))
        // Within each column, the lanes come in rank order.
        for col in m.columns { #expect(col.map { m.laneRank(of: $0) } == col.map { m.laneRank(of: $0) }.sorted()) }
        let first = try #require(m.columns[0].first)
        var task = m.cards[first].task
        task.state = .inProgress
        m.replace(task)
        let (column, row) = try #require(m.locate(task.id))
        #expect(column == 1 && m.columns[1][row] == first)
        #expect(!m.columns[0].contains(first))
        m.setFilter("carl")        // a backspace after the move: the card stays in its new column
        #expect(m.locate(task.id)?.column == 1)
        m.setSwimlane(.customer)
        m.setFilter("")
        #expect(m.locate(task.id)?.column == 1)
        #expect(m.totals.reduce(0, +) == m.cards.count)
        // A card the filter hides is not located.
        m.setFilter("huaman")
        #expect(m.locate(task.id) == nil)
    }

    @Test func anEmptyBoardFilters() {
        var m = TaskBoardModel(BoardData(tasks: [], limits: [:]), noAssignee: "sin asignar")
        m.setFilter("x")
        m.setFilter("")
        #expect(m.columns.allSatisfy { $0.isEmpty })
    }
}
