import BytekModel
import BytekStore
import Foundation

/// The deals of the board as a virtual table (keyset paging: only the visible rows are read),
/// with the board's filters (unit, stage, owner) plus "stale only", sorted by expected close or value.
@MainActor
final class DealListScreen: Screen {
    let services: SalesServices
    private(set) var unit: BusinessUnit?
    private(set) var stage: Stage?
    private(set) var owner: String?
    private(set) var staleOnly = false
    private(set) var sort: DealListSort = .expectedClose
    let pane: ListPane
    private var stagesById: [Int64: Stage] = [:]
    private var s: Strings { services.strings }

    init(services: SalesServices, unit: BusinessUnit?, owner: String?) {
        self.services = services
        self.unit = unit
        self.owner = owner
        stagesById = (try? services.sales.stagesById()) ?? [:]
        let table = Table(columns: DealListScreen.columns(services.strings), source: ArrayRowSource([]),
                          emptyMessage: services.strings["sales.list.empty"])
        pane = ListPane(title: services.strings["sales.list.title"], table: table)
        pane.showsFilter = false
        applyQuery()
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["sales.col.party"], weight: 3, minWidth: 20),
            TableColumn(s["sales.col.stage"], weight: 2, minWidth: 14, content: .words),
            .amount(s["sales.col.value"], width: 16),
            TableColumn(s["sales.col.close"], width: 10),
            TableColumn(s["sales.col.days"], width: 6, alignment: .right),
            TableColumn(s["sales.col.owner"], width: 10),
            TableColumn(s["sales.col.title"], weight: 2, minWidth: 14),
        ]
    }

    var title: String { s["sales.list.title"] }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.enter], s["key.open"], help: s["sales.help.open"]),
            KeyBinding([.char("u")], s["sales.key.unit"], help: s["sales.help.listUnit"]),
            KeyBinding([.char("e")], s["sales.key.stage"], help: s["sales.help.stage"]),
            KeyBinding([.char("f")], s["sales.key.owner"], help: s["sales.help.owner"]),
            KeyBinding([.char("v")], s["sales.key.stale"], help: s["sales.help.stale"]),
            KeyBinding([.char("o")], s["key.sort"], help: s["sales.help.sort"]),
            KeyBinding([.char("a")], s["sales.key.activities"], help: s["sales.help.activities"]),
            KeyBinding([.char("C")], s["sales.key.convert"], help: s["sales.help.convert"], hint: false),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], s["key.move"], help: s["table.help.move"], hint: false),
        ]
    }

    private func applyQuery() {
        let query = DealQuery(unit: unit, stageId: stage?.id, owner: owner)
        let now = services.now()
        guard let pager = try? services.sales.cardPager(query, staleOnly: staleOnly, sort: sort) else {
            pane.table.setSource(ArrayRowSource([]))
            return
        }
        let stages = stagesById
        let s = self.s
        pane.table.setSource(PagerRowSource(pager: pager, id: { $0.deal.id ?? 0 }) { c in
            let d = c.deal
            let st = stages[d.stageId]
            let stale = st.map { d.isStale(in: $0, now: now) } ?? false
            let days = d.daysInStage(now: now)
            return ([(stale ? "⚠ " : "") + (c.party.isEmpty ? d.title : c.party),
                     d.unit.code + " " + (st?.name ?? "?"), d.estimatedValue.formatted, SalesServices.text(d.expectedClose),
                     s.format("sales.daysShort", String(days)), d.owner, d.title],
                    stale ? .warning : nil)
        })
        pane.table.sortColumn = sort == .expectedClose ? 3 : 2
        pane.table.sortDescending = sort == .value
        var filters = [unit?.label ?? s["sales.unit.all"], stage?.name ?? s["sales.stage.all"], owner ?? s["sales.owner.all"]]
        if staleOnly { filters.append(s["sales.list.staleOnly"]) }
        pane.table.footerText = filters.joined(separator: " · ")
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .char("u"):
            let options: [BusinessUnit?] = [nil] + BusinessUnit.allCases.map { Optional($0) }
            unit = options[((options.firstIndex(of: unit) ?? 0) + 1) % options.count]
            stage = nil
        case .char("e"):
            guard let unit, let pipeline = try? services.sales.pipeline(for: unit) else {
                context.info(s["sales.list.pickUnit"]); return .handled
            }
            let options: [Stage?] = [nil] + pipeline.stages.map { Optional($0) }
            let i = options.firstIndex { $0?.id == stage?.id } ?? 0
            stage = options[(i + 1) % options.count]
        case .char("f"):
            let options: [String?] = [nil] + services.owners.map { Optional($0) }
            owner = options[((options.firstIndex(of: owner) ?? 0) + 1) % options.count]
        case .char("v"): staleOnly.toggle()
        case .char("o"): sort = sort == .expectedClose ? .value : .expectedClose
        case .enter:
            guard let id = pane.table.selectedID, let card = try? services.sales.card(id) else { return .handled }
            FormScreen.open(DealEditor(services: services, card: card, unit: card.deal.unit,
                                       readOnly: !context.can(.write, .sales)),
                            drafts: services.drafts, strings: s, context: context)
            return .handled
        case .char("a"):
            if let id = pane.table.selectedID { context.push(DealActivitiesScreen(services: services, dealId: id)) }
        case .char("C"):
            if let id = pane.table.selectedID { LeadConversionEditor.open(dealId: id, services: services, context: context) }
            return .handled
        default:
            return pane.handle(event) ? .handled : .ignored
        }
        applyQuery()
        return .handled
    }

    func reload(context: AppContext) { pane.table.reload() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        pane.render(&canvas, in: rect, strings: s)
    }
}
