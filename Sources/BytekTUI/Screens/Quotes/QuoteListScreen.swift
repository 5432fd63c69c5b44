import BytekModel
import BytekServices
import BytekStore

/// Cotizaciones: every quote (latest version of each number, or every version with `t`), newest
/// first, filtered by state and unit, searched by number or customer; a detail pane lists the
/// versions of the selected quote. Opens the builder (a draft to edit, the rest read-only).
@MainActor
final class QuoteListScreen: Screen {
    let store: Store
    /// The quote operations, as the logged-in user through this terminal's door.
    let services: Services
    var quotes: QuoteService { services.quotes }
    private let strings: Strings
    private let text: QuoteText
    private var query = QuoteQuery(latestOnly: true)
    private let pane: ListPane
    private let names: CustomerNames
    private var versions = DetailCache<[Quote]>()
    /// The day sent quotes were last checked for expiry (once a day is enough: validity is in days).
    private var expiryCheckedOn: LocalDate?

    init(store: Store, context: AppContext) {
        self.store = store
        strings = context.strings
        text = QuoteText(context.strings)
        services = context.services(store)
        names = CustomerNames(services.quotes)
        let table = Table(columns: QuoteListScreen.columns(context.strings), source: ArrayRowSource([]),
                          emptyMessage: context.strings["quotes.empty"])
        pane = ListPane(title: context.strings["module.quotes"], table: table)
        pane.detailWidth = 34
        pane.onFilterChange = { [weak self] _ in self?.rebuild() }
        expireDue(context)
        rebuild()
    }

    /// Marks sent versions past their validity as vencida (audited as the user who opened the
    /// list), once a day, when the user may (the service refuses a read-only role, who only sees them).
    private func expireDue(_ context: AppContext) {
        let today = quotes.today
        guard expiryCheckedOn != today else { return }
        expiryCheckedOn = today
        _ = try? quotes.expireDue()
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["quotes.col.number"], width: 14),
            TableColumn(s["quotes.col.version"], width: 2),
            TableColumn(s["quotes.col.customer"], weight: 3, minWidth: 12),
            .words(s["quotes.col.state"], width: 9),
            .amount(s["quotes.col.oneTime"], width: 12),
            .amount(s["quotes.col.recurring"], width: 12),
            TableColumn(s["quotes.col.validUntil"], width: 10),
            TableColumn(s["quotes.col.unit"], width: 2),
        ]
    }

    private func rebuild() {
        guard let pager = try? quotes.pager(query, search: pane.filterText) else { return }
        let names = self.names, text = self.text, s = strings
        let source = PagerRowSource(pager: pager, id: { $0.id }) { q in
            let recurring = q.recurring.isZero ? "" : q.recurring.formatted
            return ([q.number, String(q.version), names.name(q.customerId), text.state(q.state), q.oneTime.formatted,
                     recurring, q.state == .draft ? s["quotes.notSent"] : QuoteText.date(q.validUntil), q.unit.code],
                    QuoteText.role(q.state))
        }
        pane.table.setSource(source)
        var filters: [String] = []
        if let st = query.state { filters.append(text.state(st)) }
        if let u = query.unit { filters.append(u.label) }
        if !query.latestOnly { filters.append(strings["quotes.allVersions"]) }
        pane.table.footerText = filters.isEmpty ? "" : strings["word.filter"] + ": " + filters.joined(separator: " · ")
        versions.invalidate()
    }

    var title: String { strings["module.quotes"] }
    var capturesText: Bool { pane.filtering }

    var bindings: [KeyBinding] {
        let s = strings
        return [
            KeyBinding([.char("/")], s["key.search"], help: s["quotes.help.search"]),
            KeyBinding([.char("n")], s["key.new"], help: s["quotes.help.new"]),
            KeyBinding([.enter], s["quotes.key.open"], help: s["quotes.help.open"]),
            KeyBinding([.char("f")], s["quotes.key.state"], help: s["quotes.help.stateFilter"]),
            KeyBinding([.char("u")], s["quotes.key.unit"], help: s["quotes.help.unitFilter"]),
            KeyBinding([.char("t")], s["quotes.key.versions"], help: s["quotes.help.versions"], hint: false),
            KeyBinding([.char("s")], s["quotes.key.subscriptions"], help: s["quotes.help.subscriptions"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], s["key.move"], help: s["table.help.move"], hint: false),
        ]
    }

    var paletteActions: [PaletteAction] {
        [PaletteAction(title: strings["quotes.action.new"], detail: strings["module.quotes"]) { [weak self] ctx in
            ctx.switchTo(.quotes)
            self?.newQuote(ctx)
        }]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if pane.filtering { return pane.handle(event) ? .handled : .ignored }
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .char("n"): newQuote(context)
        case .enter: openSelected(context)
        case .char("f"):
            let all: [QuoteState?] = [nil] + QuoteState.allCases
            let i = all.firstIndex(of: query.state) ?? 0
            query.state = all[(i + 1) % all.count]
            rebuild()
        case .char("u"):
            let all: [BusinessUnit?] = [nil] + BusinessUnit.allCases
            let i = all.firstIndex(of: query.unit) ?? 0
            query.unit = all[(i + 1) % all.count]
            rebuild()
        case .char("t"):
            query.latestOnly.toggle()
            rebuild()
        case .char("s"):
            do {
                context.push(SubscriptionsScreen(pager: try services.subscriptions.pager(), names: names, context: context))
            } catch {
                context.error(text.describe(error))
            }
        default:
            return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func newQuote(_ context: AppContext) {
        do { try services.actor.authorize(.quoteCreate) } catch { context.error(text.describe(error)); return }
        let content = QuoteContent(unit: .software, issueDate: QuoteText.today(context), owner: context.session.login)
        QuoteBuilderScreen.open(Quote(content), store: store, context: context)
    }

    func openSelected(_ context: AppContext) {
        guard let id = pane.table.selectedID else { return }
        do {
            guard let quote = try quotes.get(id) else { context.error(strings["err.notFound"]); return }
            QuoteBuilderScreen.open(quote, store: store, context: context)
        } catch {
            context.error(text.describe(error))
        }
    }

    func reload(context: AppContext) {
        expireDue(context)
        names.forget()
        pane.table.reload()
        versions.invalidate()
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        pane.render(&canvas, in: rect, strings: strings) { [self] c, r in renderDetail(&c, r) }
    }

    private func renderDetail(_ canvas: inout Canvas, _ rect: Rect) {
        let quotes = self.quotes
        let list = versions.value(for: pane.table.selectedID) { id in
            guard let q = try? quotes.get(id) else { return nil }
            return try? quotes.versions(of: q.number)
        }
        guard let list, let last = list.last else { return }
        let s = strings
        let pane = DetailPane(
            title: last.number,
            lines: [
                (s["quotes.col.customer"], names.name(last.customerId)),
                (s["quotes.field.unit"], last.unit.label),
                (s["quotes.field.paymentKind"], QuoteListScreen.payment(last.paymentTerms, s)),
                (s["quotes.field.owner"], last.owner),
            ],
            sections: [(s["quotes.versions"], list.reversed().map { q in
                let total = (try? q.totals().tax.total.formatted) ?? "—"
                return "v\(q.version) · " + text.state(q.state) + " · " + total + " · " + QuoteText.date(q.issueDate)
            })])
        pane.render(&canvas, in: rect)
    }

    static func payment(_ terms: PaymentTerms, _ s: Strings) -> String {
        switch terms {
        case .cash: return s["quotes.pay.cash"]
        case .credit(let d): return s.format("quotes.pay.creditDays", String(d))
        case .milestones(let list): return list.map { QuoteText.decimal($0.percent) }.joined(separator: "/")
        }
    }
}
