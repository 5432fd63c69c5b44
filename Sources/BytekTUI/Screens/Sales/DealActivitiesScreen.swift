import BytekModel
import BytekStore
import Foundation

/// The activities of one deal, oldest first: `n` adds one, `x` marks the selected one done (or
/// not done again). Overdue ones are shown in `.error` and marked "VENCIDA".
@MainActor
final class DealActivitiesScreen: Screen {
    let services: SalesServices
    let dealId: Int64
    let table: Table
    private var dealTitle = ""
    private var activities: [Activity] = []
    private var s: Strings { services.strings }

    init(services: SalesServices, dealId: Int64) {
        self.services = services
        self.dealId = dealId
        table = Table(columns: ActivityRows.columns(services.strings, withDeal: false), source: ArrayRowSource([]),
                      emptyMessage: services.strings["sales.activities.empty"])
        load()
    }

    var title: String { s["sales.activities.title"] }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("n")], s["key.new"], help: s["sales.help.newActivity"]),
            KeyBinding([.char("x"), .char(" ")], s["sales.key.done"], help: s["sales.help.done"]),
            KeyBinding([.escape], s["app.back"]),
        ]
    }

    private func load() {
        let card = try? services.sales.card(dealId)
        dealTitle = card.map { ($0.party.isEmpty ? "" : $0.party + " · ") + $0.deal.title } ?? ""
        activities = (try? services.sales.activities(dealId: dealId)) ?? []
        let rows = ActivityRows(services: services)
        table.setSource(ArrayRowSource(activities.map { rows.row($0, party: nil) }))
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.char("n")):
            guard context.require(.write, .sales) else { return .handled }
            FormScreen.open(ActivityEditor(services: services, dealId: dealId), drafts: services.drafts, strings: s,
                            context: context)
        case .key(.char("x")), .key(.char(" ")):
            guard let id = table.selectedID,
                  let a = activities.first(where: { $0.id == id }) else { return .handled }
            do {
                let after = try services.sales.setActivityDone(id, !a.done)
                context.ok(s.format(after.done ? "sales.activity.done" : "sales.activity.undone", after.subject))
                let keep = table.selectedIndex
                load()
                table.move(to: keep)
            } catch {
                context.error(services.describe(error))
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
        canvas.text(" " + title + ": " + dealTitle + " ", x: head.x, y: head.y, style: Style(.title, bold: true),
                    maxWidth: head.width)
        table.render(&canvas, in: body)
    }
}

/// Table rows of activities, shared by a deal's activities and "Mis pendientes".
@MainActor
struct ActivityRows {
    let services: SalesServices

    static func columns(_ s: Strings, withDeal: Bool) -> [TableColumn] {
        var c = [
            TableColumn(s["sales.col.due"], width: 10),
            .words(s["sales.col.status"], width: 10),
            .words(s["sales.col.kind"], width: 9),
            TableColumn(s["sales.col.note"], weight: 3, minWidth: 20),
        ]
        if withDeal { c.append(TableColumn(s["sales.col.deal"], weight: 2, minWidth: 16)) }
        c.append(TableColumn(s["sales.col.owner"], width: 10))
        return c
    }

    /// Overdue rows in `.error` with "VENCIDA" (so monochrome shows it too); done rows dim.
    func row(_ a: Activity, party: String?) -> TableRow {
        let s = services.strings
        let today = services.today
        let overdue = a.isOverdue(today: today)
        let status = a.done ? s["sales.status.done"] : overdue ? s["sales.status.overdue"]
            : a.isDueToday(today) ? s["sales.status.today"] : s["sales.status.pending"]
        var cells = [SalesServices.text(a.dueDate), status, services.label(a.kind), a.subject]
        if let party { cells.append(party) }
        cells.append(a.owner)
        return TableRow(id: a.id ?? 0, cells: cells, cursor: [], role: a.done ? .dim : overdue ? .error : nil)
    }
}
