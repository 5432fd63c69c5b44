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
        for _ in 0..<3 {
            for (first, second) in filterTyping {
                filter += time([.char("/")] + first.map { .char($0) } + Array(repeating: .backspace, count: first.count)
                               + second.map { .char($0) } + Array(repeating: .backspace, count: 3) + [.escape])
            }
        }
        let lanes = time((0..<60).map { _ in .char("s") })
        return (open, screen.board.model.cards.count, arrows, filter, lanes)
    }

    /// What a user types in the filter: a word, erased letter by letter, then another (titles, customers,
    /// assignees, a project code), three backspaces, and Esc back to the whole board.
    static let filterTyping: [(String, String)] = [
        ("diseno", "quispe"), ("andina", "tecnico"), ("revision", "pacifico"), ("pry-bench-00012", "soporte"),
        ("titicaca", "contenido"), ("publicacion", "huaman"), ("desarrollo", "operaciones"), ("miraflores", "brief"),
    ]

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

extension ProjectBoardBenchmark {
    /// The figures on the real screen over `services.projects` of `store` (filled by `BenchProjects`): the team
    /// board of U1 read once through the service, then the keystrokes.
    public static func run(store: Store, keystrokes: Int = 2_000) -> [TUIBenchmark.Figure] {
        let context = AppContext(strings: Strings(language: .es), session: UserSession(login: "admin", name: "Bench", role: .admin))
        return figures(measure(desk: ServicesProjectsDesk(services: context.services(store), strings: context.strings), keystrokes: keystrokes))
    }

    /// The figures over a board of `projects` U1 projects and `cards` cards (assignees, customers, due dates,
    /// checklists, some blocked) held by a read-only desk: what the team board holds once it has read them.
    public static func run(projects: Int = 2_000, cards: Int = 20_000, keystrokes: Int = 2_000) -> [TUIBenchmark.Figure] {
        figures(measure(desk: FixedBoardDesk(BenchBoard.make(projects: projects, cards: cards)), keystrokes: keystrokes))
    }
}

/// A generated board: `projects` projects of 40 customers, `cards` cards spread over the four columns.
enum BenchBoard {
    static func make(projects: Int, cards: Int) -> BoardData {
        let people = ["ana", "luis", "carla", "jorge", "rosa", "miguel", "quispe", "huaman", "diana", "pedro", "sofia", "raul"]
        let customers = (0..<40).map { "Cliente \(["Andina", "Titicaca", "Ñaña", "Pacífico", "Inca", "Misti", "Sol", "Amazonas"][$0 % 8]) \($0) S.A.C." }
        let steps = ["Brief", "Diseño", "Contenido", "Desarrollo", "Revisión del cliente", "Publicación", "SEO mensual", "Landing"]
        let today = LocalDate(year: 2026, month: 11, day: 18)!
        let since = Date(timeIntervalSince1970: 1_794_000_000)
        var tasks: [BoardTask] = []
        tasks.reserveCapacity(cards)
        for i in 0..<cards {
            let p = i % max(1, projects)
            let state = TaskState.columns[(i / 7) % 4]
            let task = ProjectTask(id: Int64(i + 1), projectId: Int64(p + 1), position: i / max(1, projects),
                                   title: steps[i % steps.count] + " " + String(p + 1), state: state,
                                   assignee: i % 13 == 0 ? nil : people[i % people.count], dueDate: today.adding(days: (i % 21) - 7),
                                   blocked: i % 97 == 0, blockedReason: i % 97 == 0 ? "Esperando al cliente" : "",
                                   checklistTotal: i % 5, checklistDone: (i % 5) / 2, stateSince: since)
            tasks.append(BoardTask(task: task, projectCode: Project.code(year: 2026, sequence: p + 1), customerName: customers[p % customers.count]))
        }
        return BoardData(tasks: tasks, limits: [.inProgress: cards / 4, .review: cards / 8])
    }
}

/// A desk that only reads one fixed board (the bench moves no card).
@MainActor
final class FixedBoardDesk: ProjectsDesk {
    let data: BoardData
    init(_ data: BoardData) { self.data = data }
    var today: LocalDate { LocalDate(year: 2026, month: 11, day: 18)! }
    var now: Date { Date(timeIntervalSince1970: 1_795_000_000) }
    struct ReadOnly: Error {}
    func projectRows(search: String, format: @escaping (ProjectListItem) -> (cells: [String], role: StyleRole?)) throws -> any RowSource { ArrayRowSource([]) }
    func item(projectId: Int64) throws -> ProjectListItem? { nil }
    func createProject(_ input: NewProjectInput) throws -> Project { throw ReadOnly() }
    func customerChoices(search: String) throws -> [PickerEntry] { [] }
    func templateChoices() throws -> [TemplateChoice] { [] }
    func schedule(templateId: Int64, promised: LocalDate) throws -> TemplateSchedule { throw ReadOnly() }
    func managerChoices() throws -> [(login: String, name: String)] { [] }
    func contractChoices(customerDocument: String) throws -> [PickerEntry] { [] }
    func archive(projectId: Int64, reason: String) throws { throw ReadOnly() }
    func board(_ scope: BoardScope) throws -> BoardData { data }
    func move(taskId: Int64, to state: TaskState, overrideReason: String?) throws -> ProjectTask { throw ReadOnly() }
    func setBlocked(taskId: Int64, blocked: Bool, reason: String) throws -> ProjectTask { throw ReadOnly() }
    func checklist(taskId: Int64) throws -> [TaskCheck] { [] }
    func toggleCheck(taskId: Int64, checkId: Int64) throws -> [TaskCheck] { [] }
    func milestones(projectId: Int64) throws -> [MilestoneRow] { [] }
    func documents(projectId: Int64) throws -> [ProjectDocumentRow] { [] }
    func history(projectId: Int64) throws -> [ProjectHistoryRow] { [] }
    func hours(projectId: Int64) throws -> [ProjectHoursRow]? { nil }
    func describe(_ error: Error) -> String { "solo lectura" }
}
