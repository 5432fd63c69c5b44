import BytekModel
import Foundation

/// Proyectos › b: the team board of a unit, every card of its projects in flight (`u` changes the unit).
@MainActor
final class TeamBoardScreen: Screen {
    let desk: ProjectsDesk
    let strings: Strings
    let canWrite: Bool
    private(set) var unit: BusinessUnit
    private(set) var board: TaskBoardController

    init(desk: ProjectsDesk, unit: BusinessUnit = .digital, strings: Strings, canWrite: Bool) {
        self.desk = desk; self.strings = strings; self.canWrite = canWrite; self.unit = unit
        board = TaskBoardController(desk: desk, scope: .team(unit), strings: strings, canWrite: canWrite)
    }

    var title: String { strings.format("proj.team.title", unit.label) }
    var capturesText: Bool { board.filtering }
    var bindings: [KeyBinding] {
        board.bindings + [KeyBinding([.char("u")], strings["proj.key.unit"], help: strings["proj.help.unit"]),
                          KeyBinding([.escape], strings["proj.key.back"], help: strings["proj.help.back"], hint: false)]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        if board.handle(key, context: context) { return .handled }
        switch key {
        case .char("u"):
            let all = BusinessUnit.allCases
            unit = all[((all.firstIndex(of: unit) ?? 0) + 1) % all.count]
            board = TaskBoardController(desk: desk, scope: .team(unit), strings: strings, canWrite: canWrite)
        case .escape: context.pop()
        default: return .ignored
        }
        return .handled
    }

    func reload(context: AppContext) { board.reload() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (head, body) = rect.splitTop(1)
        canvas.text(" " + title + " ", x: head.x, y: head.y, style: Style(.title, bold: true))
        board.render(&canvas, in: body, today: desk.today, now: desk.now)
    }
}
