import BytekModel
import BytekServices
import BytekStore

/// Suscripciones: the recurring charges created by accepted quotes (customer, item, price per
/// period, period, start date, quote), oldest first. Read-only: billing will charge them.
@MainActor
final class SubscriptionsScreen: Screen {
    private let pane: ListPane
    private let strings: Strings

    /// The screen over `pager` (handed out by `SubscriptionService`, which checked the permission).
    init(pager: KeysetPager<Subscription>, names: CustomerNames, context: AppContext) {
        strings = context.strings
        let s = context.strings
        let source = PagerRowSource(pager: pager, id: { $0.id ?? 0 }) { sub in
            ([names.name(sub.customerId), sub.description, sub.pricePerPeriod.formatted, sub.period.displayName,
              QuoteText.decimal(sub.periods), QuoteText.date(sub.startDate), sub.quoteNumber + " v" + String(sub.quoteVersion),
              s[sub.active ? "word.active" : "quotes.inactive"]],
             sub.active ? nil : .dim)
        }
        let table = Table(columns: [
            TableColumn(s["quotes.col.customer"], weight: 2, minWidth: 16),
            TableColumn(s["quotes.col.item"], weight: 3, minWidth: 16),
            .amount(s["quotes.col.pricePerPeriod"], width: 12),
            .words(s["quotes.col.period"], width: 9),
            TableColumn(s["quotes.col.periods"], width: 8, alignment: .right),
            TableColumn(s["quotes.col.start"], width: 10),
            TableColumn(s["quotes.col.quote"], width: 17),
            .words(s["quotes.col.status"], width: 8),
        ], source: source, emptyMessage: s["quotes.subscriptions.empty"])
        pane = ListPane(title: s["quotes.subscriptions"], table: table)
        pane.showsFilter = false
    }

    var title: String { strings["quotes.subscriptions"] }
    var bindings: [KeyBinding] {
        [
            KeyBinding([.escape], strings["app.back"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if case .key(.escape) = event { context.pop(); return .handled }
        return pane.handle(event) ? .handled : .ignored
    }

    func reload(context: AppContext) { pane.table.reload() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        pane.render(&canvas, in: rect, strings: strings)
    }
}
