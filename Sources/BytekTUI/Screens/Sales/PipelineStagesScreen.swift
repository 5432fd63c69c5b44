import BytekModel
import BytekStore
import Foundation

/// The stages of one unit's pipeline, in board order, with their probability, expected days,
/// kind, whether they are retired and how many deals they hold. An administrator adds (`n`),
/// edits (Enter: name, probability, days), moves (`+`/`-`) and retires or brings back (`r`)
/// stages; deals always stay in their stage (a retired one keeps them). Everyone else only looks.
@MainActor
final class PipelineStagesScreen: Screen {
    let services: SalesServices
    private(set) var unit: BusinessUnit
    let table: Table
    private(set) var stages: [Stage] = []
    private var counts: [Int64: Int] = [:]
    private var s: Strings { services.strings }

    init(services: SalesServices, unit: BusinessUnit) {
        self.services = services
        self.unit = unit
        let s = services.strings
        table = Table(columns: [
            TableColumn("#", width: 3, alignment: .right),
            TableColumn(s["sales.col.stage"], weight: 3, minWidth: 18, content: .words),
            TableColumn(s["sales.stages.col.probability"], width: 6, alignment: .right),
            TableColumn(s["sales.col.days"], width: 5, alignment: .right),
            .words(s["sales.col.kind"], width: 8),
            .words(s["sales.col.status"], width: 9),
            TableColumn(s["sales.stages.col.deals"], width: 13, alignment: .right),
        ], source: ArrayRowSource([]), emptyMessage: s["sales.board.empty"])
        load()
    }

    var title: String { s["sales.stages.title"] }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("n")], s["key.new"], help: s["sales.stages.help.new"]),
            KeyBinding([.enter], s["key.edit"], help: s["sales.stages.help.edit"]),
            KeyBinding([.char("+"), .char("-")], s["sales.stages.key.move"], help: s["sales.stages.help.move"]),
            KeyBinding([.char("r")], s["sales.stages.key.retire"], help: s["sales.stages.help.retire"]),
            KeyBinding([.char("u")], s["sales.key.unit"], help: s["sales.help.unit"]),
            KeyBinding([.escape], s["app.back"]),
        ]
    }

    func load() {
        stages = (try? services.sales.pipeline(for: unit))?.stages ?? []
        counts = (try? services.sales.columns(unit: unit))?.reduce(into: [Int64: Int]()) { acc, col in
            if let id = col.stage.id { acc[id] = col.count }
        } ?? [:]
        table.setSource(ArrayRowSource(stages.enumerated().map { i, st in
            TableRow(id: st.id ?? 0, cells: [
                String(i + 1), st.name, "\(st.probability)%", String(st.expectedDays), s["sales.stages.kind." + st.kind.rawValue],
                st.active ? s["sales.stages.active"] : s["sales.stages.retired"], String(counts[st.id ?? 0] ?? 0),
            ], cursor: [], role: st.active ? nil : .dim)
        }))
    }

    func reload(context: AppContext) {
        let keep = table.selectedIndex
        load()
        table.move(to: keep)
    }

    private func requireAdmin(_ context: AppContext) -> Bool {
        guard context.session.role == .admin else { context.error(s["sales.stages.err.adminOnly"]); return false }
        return true
    }

    private var selected: Stage? { table.selectedID.flatMap { id in stages.first { $0.id == id } } }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return table.handle(event) ? .handled : .ignored }
        switch key {
        case .escape: context.pop()
        case .char("u"):
            let all = BusinessUnit.allCases
            unit = all[((all.firstIndex(of: unit) ?? 0) + 1) % all.count]
            load()
            table.move(to: 0)
        case .char("n"):
            guard requireAdmin(context) else { return .handled }
            FormScreen.open(StageEditor(services: services, unit: unit, stage: nil), drafts: services.drafts, strings: s,
                            context: context)
        case .enter:
            guard requireAdmin(context), let stage = selected else { return .handled }
            FormScreen.open(StageEditor(services: services, unit: unit, stage: stage), drafts: services.drafts, strings: s,
                            context: context)
        case .char("+"), .char("-"):
            guard let stage = selected, let id = stage.id,
                  let i = stages.firstIndex(where: { $0.id == id }) else { return .handled }
            let j = key == .char("+") ? i + 1 : i - 1
            guard stages.indices.contains(j) else { return .handled }
            var ids = stages.compactMap(\.id)
            ids.swapAt(i, j)
            do {
                try services.sales.reorderStages(unit, stageIds: ids)
                load()
                table.move(to: j)
                context.ok(s.format("sales.stages.moved", stage.name, String(j + 1)))
            } catch {
                context.error(services.describe(error))
            }
        case .char("r"):
            guard let stage = selected, let id = stage.id else { return .handled }
            do {
                let after = try services.sales.setStageActive(id, !stage.active)
                reload(context: context)
                context.ok(s.format(after.active ? "sales.stages.restored" : "sales.stages.retiredDone", after.name,
                                    String(counts[id] ?? 0)))
            } catch {
                context.error(services.describe(error))
            }
        default:
            return table.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (head, body) = rect.splitTop(1)
        canvas.text(" " + title + " · " + unit.label + " ", x: head.x, y: head.y, style: Style(.title, bold: true),
                    maxWidth: head.width)
        table.render(&canvas, in: body)
    }
}

/// The form of a stage: name, probability (0–100) and expected days; a new stage is also given
/// its kind (open by default: it goes after the last open stage).
@MainActor
final class StageEditor: RecordEditor {
    let services: SalesServices
    let unit: BusinessUnit
    let stage: Stage?
    private var s: Strings { services.strings }

    init(services: SalesServices, unit: BusinessUnit, stage: Stage?) {
        self.services = services
        self.unit = unit
        self.stage = stage
    }

    var formName: String { "pipeline-stage-\(unit.rawValue)" }
    var recordKey: String { stage?.id.map(String.init) ?? DraftRepository.newRecord }
    var title: String { stage.map { s["sales.stages.form.edit"] + ": " + $0.name } ?? s["sales.stages.form.new"] }

    func makeFields() -> [FormField] {
        var fields: [FormField] = [
            .text("name", s["sales.col.stage"], value: stage?.name ?? "", required: true, width: 40, maxLength: 80),
            .number("probability", s["sales.stages.col.probability"], value: stage.map { String($0.probability) } ?? "",
                    required: true, width: 5, hint: "0–100"),
            .number("days", s["sales.stages.field.days"], value: stage.map { String($0.expectedDays) } ?? "", required: true,
                    width: 5, hint: s["sales.stages.hint.days"]),
        ]
        if stage == nil {
            fields.append(.choice("kind", s["sales.col.kind"], options: StageKind.allCases.map {
                FormOption($0.rawValue, s["sales.stages.kind." + $0.rawValue])
            }, value: StageKind.open.rawValue))
        }
        return fields
    }

    func save(_ v: [String: String]) -> SaveOutcome {
        var errors: [String: String] = [:]
        let name = (v["name"] ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["name"] = s["form.required"] }
        let probability = Int((v["probability"] ?? "").trimmingCharacters(in: .whitespaces))
        if probability.map({ !(0...100).contains($0) }) ?? true { errors["probability"] = s["sales.stages.err.probability"] }
        let days = Int((v["days"] ?? "").trimmingCharacters(in: .whitespaces))
        if days.map({ $0 < 0 }) ?? true { errors["days"] = s["sales.stages.err.days"] }
        guard errors.isEmpty, let probability, let days else { return .invalid(errors) }
        do {
            if var edited = stage {
                edited.name = name; edited.probability = probability; edited.expectedDays = days
                let saved = try services.sales.updateStage(edited)
                return .saved(s.format("sales.stages.saved", saved.name))
            }
            let kind = StageKind(rawValue: v["kind"] ?? "") ?? .open
            let saved = try services.sales.addStage(Stage(name: name, probability: probability, expectedDays: days,
                                                              kind: kind), to: unit)
            return .saved(s.format("sales.stages.saved", saved.name))
        } catch {
            return .failed(services.describe(error), field: nil)
        }
    }
}
