import BytekModel
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct ProjectBoardBenchmarkTests {
    /// The bench drives the real team board: the keystrokes reach it (the filter narrows, swimlanes change) and
    /// the board is read once. Small sizes: the figure itself comes from `bytek bench`.
    @Test func benchDrivesTheTeamBoard() {
        let desk = FixedBoardDesk(BenchBoard.make(projects: 20, cards: 400))
        let m = ProjectBoardBenchmark.measure(desk: desk, keystrokes: 100)
        #expect(m.cards == 400 && m.arrows.count == 100 && !m.filter.isEmpty && m.lanes.count == 60)
        let figures = ProjectBoardBenchmark.figures(m)
        #expect(figures.count == 4 && figures[1].name.contains("400 tarjetas"))
        let data = BenchBoard.make(projects: 2_000, cards: 20_000)
        #expect(data.tasks.count == 20_000 && Set(data.tasks.map(\.task.projectId)).count == 2_000)
        #expect(Set(data.tasks.map(\.task.state)) == Set(TaskState.columns))
    }
}
