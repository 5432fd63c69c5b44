import BytekDemo
import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The board of 2,000 projects / 20,000 cards (issue 13 §2): read once per open, filtered per keystroke in
/// memory. Run with BYTEK_BENCH_PROJECTS=1 (prints the figures); skipped otherwise to keep CI short.
@Suite struct ProjectBoardBenchTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BYTEK_BENCH_PROJECTS"] == "1"))
    func theTeamBoardOf20000Cards() throws {
        let w = try ProjectWorld()
        var t0 = Date()
        let r = try BenchProjects.fill(store: w.store, projects: 2_000, cardsPerProject: 10, now: ProjectWorld.now())
        let fill = Date().timeIntervalSince(t0)
        #expect(r.cards == 20_000)
        let s = w.gestor
        _ = try s.projects.board(.team(.digital))
        t0 = Date()
        let board = try s.projects.board(.team(.digital))
        let open = Date().timeIntervalSince(t0)
        #expect(board.columns.reduce(0) { $0 + $1.count } == 20_000 + 0)
        var times: [Double] = []
        let typed = "landing 12"
        for n in 1...typed.count {
            let t = Date()
            _ = board.filtered(String(typed.prefix(n)))
            times.append(Date().timeIntervalSince(t))
        }
        t0 = Date()
        let page = try s.projects.list().first(40)
        let list = Date().timeIntervalSince(t0)
        #expect(page.count == 40)
        t0 = Date()
        let late = try s.projects.lateReport()
        let lateTime = Date().timeIntervalSince(t0)
        print("bench proyectos: fill \(fill)s, board open \(open)s, filter max \(times.max() ?? 0)s, list page \(list)s, atrasos \(lateTime)s (\(late.cardCount) tarjetas)")
    }
}
