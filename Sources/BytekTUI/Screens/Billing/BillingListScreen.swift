import BytekModel
import BytekStore
import Foundation

/// Facturación: every electronic document, newest first, with its SUNAT status in words and colour.
/// `f` filters by status, `/` searches by number, customer or quote; a detail pane (wide terminals)
/// or Enter (full screen) shows lines, totals and SUNAT's answer. The list follows the worker by
/// itself: the app's data_version refresh reloads it when another process commits.
@MainActor
final class BillingListScreen: Screen {
    let store: Store
    let actions: BillingActions
    private let strings: Strings
    private let text: BillingText
    private var query = EDocumentQuery()
    let pane: ListPane
    /// The selected document's detail, read and laid out once per selection (not once per frame).
    private var detail = DetailCache<DetailPane>()
    /// How many times a document was read for the pane (a test checks it is once per selection).
    private(set) var detailLoads = 0

    init(store: Store, context: AppContext, environment: @escaping @Sendable () -> [String: String]) {
        self.store = store
        strings = context.strings
        text = BillingText(context.strings)
        actions = BillingActions(store: store, context: context, environment: environment)
        let table = Table(columns: BillingListScreen.columns(context.strings), source: ArrayRowSource([]),
                          emptyMessage: context.strings["billing.empty"])
        pane = ListPane(title: context.strings["module.billing"], table: table)
        pane.detailWidth = 42
        pane.onFilterChange = { [weak self] _ in self?.rebuild() }
        actions.onIssued = { [weak self] record in self?.show(record.id) }
        rebuild()
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["billing.col.number"], width: 11),
            TableColumn(s["billing.col.kind"], width: 4),
            TableColumn(s["billing.col.date"], width: 10),
            TableColumn(s["billing.col.customer"], weight: 3, minWidth: 10),
            TableColumn(s["billing.col.currency"], width: 3),
            .amount(s["billing.col.total"], width: 13),
            .words(s["billing.col.status"], width: 9),
        ]
    }

    private func rebuild() {
        query.search = pane.filterText
        let text = self.text
        // A role that may not list documents never reaches this module; an empty pager keeps the screen drawable.
        guard let pager = try? actions.service.pager(query) else { return }
        let source = PagerRowSource(pager: pager, id: { $0.id }) { r in
            ([r.documentID, text.kindShort(r.kind), BillingText.date(r.issueDate), r.customerName, r.currency.rawValue,
              r.total.formatted, text.listStatus(r)], r.isVoidPending ? .warning : BillingText.role(r.status))
        }
        pane.table.setSource(source)
        var filters: [String] = []
        if let st = query.status { filters.append(text.status(st)) }
        if let k = query.kind { filters.append(text.kind(k)) }
        pane.table.footerText = filters.isEmpty ? "" : strings["word.filter"] + ": " + filters.joined(separator: " · ")
        detail.invalidate()
    }

    /// Selects document `id` after it was issued (the list is rebuilt first so it is there).
    func show(_ id: Int64) {
        rebuild()
        if !pane.table.select(id: id) {
            query.status = nil
            rebuild()
            _ = pane.table.select(id: id)
        }
    }

    var title: String { strings["module.billing"] }
    var capturesText: Bool { pane.filtering }

    var bindings: [KeyBinding] {
        let s = strings
        return [
            KeyBinding([.char("/")], s["key.search"], help: s["billing.help.search"]),
            KeyBinding([.enter], s["key.open"], help: s["billing.help.open"]),
            KeyBinding([.char("f")], s["billing.key.status"], help: s["billing.help.status"]),
            KeyBinding([.char("k")], s["billing.key.kind"], help: s["billing.help.kind"], hint: false),
            KeyBinding([.char("e")], s["billing.key.issue"], help: s["billing.help.issue"]),
            KeyBinding([.char("m")], s["billing.key.manual"], help: s["billing.help.manual"], hint: false),
            KeyBinding([.char("R")], s["billing.key.summary"], help: s["billing.help.summary"], hint: false),
        ] + BillingListScreen.actionBindings(s) + [
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], s["key.move"], help: s["table.help.move"], hint: false),
        ]
    }

    var paletteActions: [PaletteAction] {
        [
            PaletteAction(title: strings["billing.action.fromQuote"], detail: strings["module.billing"]) { [weak self] ctx in
                ctx.switchTo(.billing)
                self?.actions.issueFromQuote(ctx)
            },
            PaletteAction(title: strings["billing.action.manual"], detail: strings["module.billing"]) { [weak self] ctx in
                ctx.switchTo(.billing)
                self?.actions.issueByHand(ctx)
            },
        ]
    }

    /// The keys of the actions on one document (the list and the full-screen detail share them).
    static func actionBindings(_ s: Strings) -> [KeyBinding] {
        [
            KeyBinding([.char("c")], s["billing.key.credit"], help: s["billing.help.credit"]),
            KeyBinding([.char("d")], s["billing.key.debit"], help: s["billing.help.debit"], hint: false),
            KeyBinding([.char("b")], s["billing.key.void"], help: s["billing.help.void"]),
            KeyBinding([.char("r")], s["billing.key.retry"], help: s["billing.help.retry"]),
            KeyBinding([.char("x")], s["billing.key.xml"], help: s["billing.help.xml"]),
            KeyBinding([.char("p")], s["billing.key.pdf"], help: s["billing.help.pdf"]),
            KeyBinding([.char("t")], s["billing.key.ticket"], help: s["billing.help.ticket"], hint: false),
        ]
    }

    /// Runs the action bound to `key` on document `id`; false when `key` is not an action key.
    static func runAction(_ key: Key, id: Int64?, actions: BillingActions, context: AppContext) -> Bool {
        switch key {
        case .char("c"): actions.newNote(.notaCredito, on: id, context)
        case .char("d"): actions.newNote(.notaDebito, on: id, context)
        case .char("b"): actions.requestVoid(id, context)
        case .char("r"): actions.retry(id, context)
        case .char("x"): actions.showXML(id, context)
        case .char("p"): actions.printPDF(id, format: .a4, context)
        case .char("t"): actions.printPDF(id, format: .ticket80, context)
        default: return false
        }
        return true
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if pane.filtering { return pane.handle(event) ? .handled : .ignored }
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .enter:
            guard let id = pane.table.selectedID else { return .handled }
            context.push(BillingDetailScreen(id: id, actions: actions, strings: strings))
        case .char("k"):
            let all: [DocumentKind?] = [nil] + DocumentKind.allCases
            let i = all.firstIndex(of: query.kind) ?? 0
            query.kind = all[(i + 1) % all.count]
            rebuild()
        case .char("e"):
            actions.issueFromQuote(context)
        case .char("m"):
            actions.issueByHand(context)
        case .char("R"):
            actions.queueSummary(context)
        case .char("f"):
            let all: [EDocumentStatus?] = [nil] + EDocumentStatus.allCases
            let i = all.firstIndex(of: query.status) ?? 0
            query.status = all[(i + 1) % all.count]
            rebuild()
        default:
            if BillingListScreen.runAction(key, id: pane.table.selectedID, actions: actions, context: context) {
                return .handled
            }
            return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func reload(context: AppContext) {
        pane.table.reload()
        detail.invalidate()
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        pane.render(&canvas, in: rect, strings: strings) { [self] c, r in renderDetail(&c, r) }
    }

    private func renderDetail(_ canvas: inout Canvas, _ rect: Rect) {
        let service = actions.service
        let text = self.text
        guard let d = detail.value(for: pane.table.selectedID, load: { id in
            detailLoads += 1
            return BillingDetail.load(id, service: service)?.pane(text, maxLines: 100)
        }) else { return }
        d.render(&canvas, in: rect)
    }
}
