import BytekModel
import BytekStore
import Dispatch
import Foundation

/// The boards' speed budget (issue 13: a keystroke on a board of 2,000 projects / 20,000 cards ≤ 2 ms p99),
/// on the real team board screen drawn into an in-memory terminal at 160×48: arrow moves, filter typing
/// (each letter re-filters in memory and redraws) and swimlane changes. The board is read once on open.
@MainActor
public enum ProjectBoardBenchmark {
    /// Opens U1's team board over `desk` and times keystrokes (update + draw).
    static func measure(desk: ProjectsDesk, keystrokes: Int = 2_000) -> (open: Double, cards: Int, arrows: [Double],
                                                                         filter: [Double], lanes: [Double]) {
        let context = AppContext(strings: Strings(language: .es), session: UserSession(login: "admin", name: "Bench", role: .admin))
        let t0 = DispatchTime.now().uptimeNanoseconds
        let screen = TeamBoardScreen(desk: desk, unit: .digital, strings: context.strings, canWrite: true)
        func draw() {
            var canvas = Canvas(width: 160, height: 48)
            screen.render(&canvas, in: Rect(x: 0, y: 1, width: 160, height: 46), context: context)
        }
        draw()
        let open = TUIBenchmark.ms(DispatchTime.now().uptimeNanoseconds - t0)
        func time(_ keys: [Key]) -> [Double] {
            keys.map { key in
                let start = DispatchTime.now().uptimeNanoseconds
                _ = screen.handle(.key(key), context: context)
                draw()
                return TUIBenchmark.ms(DispatchTime.now().uptimeNanoseconds - start)
            }
        }
        let pattern: [Key] = Array(repeating: .down, count: 10) + [.right, .down, .down, .left, .up, .pageDown, .home, .end, .right, .right, .left, .left]
        let arrows = time((0..<keystrokes).map { pattern[$0 % pattern.count] })
        var filter: [Double] = []
        for query in ["landing", "quispe", "pry-2026-0012", "seo mensual", "andina", "diseno", "carla", "revision"] {
            filter += time([.char("/")] + query.map { .char($0) } + Array(repeating: .backspace, count: 3) + [.escape])
        }
        let lanes = time((0..<60).map { _ in .char("s") })
        return (open, screen.board.model.cards.count, arrows, filter, lanes)
    }

    static func figures(_ m: (open: Double, cards: Int, arrows: [Double], filter: [Double], lanes: [Double])) -> [TUIBenchmark.Figure] {
        let n = TUIBenchmark.formatCount(m.cards)
        return [
            TUIBenchmark.Figure(name: "tablero del equipo: abrir (\(n) tarjetas, leer + dibujar)", value: TUIBenchmark.fmt(m.open) + " ms",
                                budget: "—", withinBudget: true),
            TUIBenchmark.percentiles("tablero del equipo: flechas (\(n) tarjetas)", m.arrows, budgetMs: 2),
            TUIBenchmark.percentiles("tablero del equipo: filtro «/» por tecla", m.filter, budgetMs: 2),
            TUIBenchmark.percentiles("tablero del equipo: cambio de carriles «s»", m.lanes, budgetMs: 2),
        ]
    }
}
