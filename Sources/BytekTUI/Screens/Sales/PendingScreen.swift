import BytekModel
import BytekStore
import Foundation

/// "Mis pendientes": the user's activities not done and due today or before, most overdue first,
/// overdue ones in `.error` and marked "VENCIDA". `x` marks one done; Enter opens its deal's activities.
@MainActor
final class PendingScreen: Screen {
    let services: SalesServices
    let table: Table
    private var pending: [Activity] = []
    private var s: Strings { services.strings }

    init(services: SalesServices) {
        self.services = services
        table = Table(columns: ActivityRows.columns(services.strings, withDeal: true), source: ArrayRowSource([]),
                      emptyMessage: services.strings["sales.pending.empty"])
        load()
    }

    var title: String { s["sales.pending.title"] }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("x"), .char(" ")], s["sales.key.done"], help: s["sales.help.done"]),
            KeyBinding([.enter], s["key.open"], help: s["sales.help.openActivities"]),
            KeyBinding([.escape], s["app.back"]),
        ]
    }

    private func load() {
        pending = (try? services.sales.pending(today: services.today)) ?? []
        let rows = ActivityRows(services: services)
        var parties: [Int64: String] = [:]
        for id in Set(pending.map(\.dealId)) {
            if let c = try? services.sales.card(id) { parties[id] = c.party.isEmpty ? c.deal.title : c.party }
        }
        table.setSource(ArrayRowSource(pending.map { rows.row($0, party: parties[$0.dealId] ?? "") }))
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.char("x")), .key(.char(" ")):
            guard let id = table.selectedID else { return .handled }
            do {
                let a = try services.sales.setActivityDone(id, true)
                context.ok(s.format("sales.activity.done", a.subject))
                let keep = table.selectedIndex
                load()
                table.move(to: keep)
            } catch {
                context.error(services.describe(error))
            }
        case .key(.enter):
            if let id = table.selectedID, let a = pending.first(where: { $0.id == id }) {
                context.push(DealActivitiesScreen(services: services, dealId: a.dealId))
            }
        case .key(.escape):
            context.pop()
        default:
            return table.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (head, body) = rect.splitTop(1)
        let overdue = pending.filter { $0.isOverdue(today: services.today) }.count
        let x = canvas.text(" " + title + " ", x: head.x, y: head.y, style: Style(.title, bold: true))
        canvas.text(s.format("sales.pending.summary", SalesServices.text(services.today), String(pending.count), String(overdue)),
                    x: x + 1, y: head.y, style: overdue > 0 ? Style(.error, bold: true) : Style(.dim))
        table.render(&canvas, in: body)
    }
}
