import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Finanzas › Recurrentes: what the next run will bill (per customer and document, with totals, and the
/// customers it cannot bill with the reason), what the last runs billed and their failures, and the
/// subscriptions. Tab changes the view; `r` bills now (finanzas, admin); on a subscription `p` pauses or
/// resumes it, `c` cancels it at period end and `m` changes its price from the next period.
@MainActor
final class RecurringScreen: Screen {
    enum View: Int, CaseIterable { case preview, runs, subscriptions }

    private let services: Services
    private let strings: Strings
    private(set) var view: View = .preview
    private var panes: [View: ListPane] = [:]
    private(set) var summary = ""
    private(set) var summaryIsError = false
    private var subscriptions: [Int64: RecurringSubscription] = [:]

    init(services: Services, strings: Strings) {
        self.services = services
        self.strings = strings
        let s = strings
        func pane(_ view: View, _ columns: [TableColumn], empty: String) -> ListPane {
            let p = ListPane(title: s["recurring.view." + Self.key(view)],
                             table: Table(columns: columns, source: ArrayRowSource([]), emptyMessage: s[empty]))
            p.showsFilter = false
            return p
        }
        panes[.preview] = pane(.preview, [
            TableColumn(s["recurring.col.customer"], weight: 2, minWidth: 14),
            TableColumn(s["recurring.col.series"], width: 5),
            TableColumn(s["recurring.col.currency"], width: 4),
            TableColumn(s["recurring.col.day"], width: 3, alignment: .right),
            TableColumn(s["recurring.col.detail"], weight: 3, minWidth: 16),
            TableColumn(s["recurring.col.total"], width: 16, alignment: .right),
        ], empty: "recurring.empty.preview")
        panes[.runs] = pane(.runs, [
            TableColumn(s["recurring.col.date"], width: 10),
            TableColumn(s["recurring.col.user"], width: 10),
            TableColumn(s["recurring.col.documents"], width: 6, alignment: .right),
            TableColumn(s["recurring.col.lines"], width: 6, alignment: .right),
            TableColumn(s["recurring.col.total"], weight: 1, minWidth: 14),
            TableColumn(s["recurring.col.failures"], width: 6, alignment: .right),
            TableColumn(s["recurring.col.state"], weight: 2, minWidth: 12),
        ], empty: "recurring.empty.runs")
        panes[.subscriptions] = pane(.subscriptions, [
            TableColumn(s["recurring.col.customer"], weight: 2, minWidth: 12),
            TableColumn(s["recurring.col.description"], weight: 2, minWidth: 14),
            TableColumn(s["recurring.col.price"], width: 14, alignment: .right),
            TableColumn(s["recurring.col.period"], width: 10),
            TableColumn(s["recurring.col.day"], width: 3, alignment: .right),
            TableColumn(s["recurring.col.mode"], width: 10),
            TableColumn(s["recurring.col.state"], weight: 1, minWidth: 12),
        ], empty: "recurring.empty.subscriptions")
        load()
    }

    static func key(_ v: View) -> String {
        switch v {
        case .preview: return "preview"
        case .runs: return "runs"
        case .subscriptions: return "subscriptions"
        }
    }

    var title: String { strings["module.recurring"] }
    var pane: ListPane { panes[view]! }
    private var canWrite: Bool { services.actor.role.map { PermissionMatrix.canWrite($0, .recurring) } == true }

    var bindings: [KeyBinding] {
        var b = [KeyBinding([.tab], strings["recurring.key.view"], help: strings["recurring.help.view"])]
        if canWrite {
            b.append(KeyBinding([.char("r")], strings["recurring.key.run"], help: strings["recurring.help.run"]))
            if view == .subscriptions {
                b.append(KeyBinding([.char("p")], strings["recurring.key.pause"], help: strings["recurring.help.pause"]))
                b.append(KeyBinding([.char("c")], strings["recurring.key.cancel"], help: strings["recurring.help.cancel"]))
                b.append(KeyBinding([.char("m")], strings["recurring.key.price"], help: strings["recurring.help.price"]))
            }
        }
        b.append(KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false))
        return b
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .tab:
            view = View(rawValue: (view.rawValue + 1) % View.allCases.count) ?? .preview
            return .handled
        case .char("r") where canWrite:
            runNow(context)
            return .handled
        case .char("p") where canWrite && view == .subscriptions:
            edit(context) { s in
                if s.terms.isPaused {
                    try self.services.recurring.resume(s.id)
                    return self.strings["recurring.resumed"]
                }
                try self.services.recurring.pause(s.id)
                return self.strings["recurring.paused"]
            }
            return .handled
        case .char("c") where canWrite && view == .subscriptions:
            guard let s = selected(context) else { return .handled }
            context.present(ConfirmDialog(message: strings.format("recurring.cancel.confirm", s.subscription.description), danger: true) {
                [weak self] yes in
                guard yes, let self else { return }
                self.edit(context) { s in
                    let last = try self.services.recurring.cancelAtPeriodEnd(s.id)
                    return self.strings.format("recurring.cancelled", ExchangeRateRule.dayMonthYear(last))
                }
            })
            return .handled
        case .char("m") where canWrite && view == .subscriptions:
            guard let s = selected(context) else { return .handled }
            let texts = ReasonDialog.Texts(
                title: strings["recurring.price.title"],
                prompt: strings.format("recurring.price.prompt", s.subscription.description, s.subscription.pricePerPeriod.formatted),
                hint: strings["recurring.price.hint"], confirm: strings["key.save"], empty: strings["recurring.price.empty"])
            context.present(ReasonDialog(texts, maxLength: 24, strings: strings) { [weak self] text in
                guard let text, let self else { return }
                self.edit(context) { s in
                    let from = try self.services.recurring.changePrice(s.id, to: text)
                    return self.strings.format("recurring.price.saved", ExchangeRateRule.dayMonthYear(from))
                }
            })
            return .handled
        default:
            return pane.handle(event) ? .handled : .ignored
        }
    }

    private func selected(_ context: AppContext) -> RecurringSubscription? {
        guard view == .subscriptions, let id = pane.table.selectedID, let s = subscriptions[id] else {
            context.error(strings["recurring.pick"])
            return nil
        }
        return s
    }

    private func edit(_ context: AppContext, _ body: (RecurringSubscription) throws -> String) {
        guard let s = selected(context) else { return }
        do {
            context.ok(try body(s))
        } catch {
            context.error(describe(error))
        }
        load()
    }

    private func runNow(_ context: AppContext) {
        do {
            let r = try services.recurring.run()
            context.ok(r.failures.isEmpty
                ? strings.format("recurring.ran", String(r.issued.count), String(r.lines))
                : strings.format("recurring.ran.failures", String(r.issued.count), String(r.failures.count)))
        } catch {
            context.error(describe(error))
        }
        load()
    }

    func describe(_ error: any Error) -> String {
        switch error {
        case let e as RecurringServiceError: return e.message
        case let e as RecurringError: return e.message
        case let e as ExchangeRateError: return e.message.prefix(1).uppercased() + e.message.dropFirst()
        case let e as EInvoicingSettingsError: return e.message
        default: return ErrorText(strings).describe(error)
        }
    }

    /// Reads the preview, the runs and the subscriptions again.
    func load() {
        let s = strings
        do {
            let plan = try services.recurring.preview()
            var rows: [TableRow] = []
            var n: Int64 = 0
            for d in plan.documents {
                n += 1
                let detail = d.items.map(\.lineDescription).joined(separator: "; ")
                rows.append(TableRow(id: n, cells: [d.customerName, d.key.series, d.key.currency.rawValue, String(d.key.billingDay),
                                                    detail, d.total.formatted], cursor: []))
            }
            for f in plan.failures {
                n += 1
                rows.append(TableRow(id: n, cells: [f.customerName, "", "", "", s.format("recurring.failure", f.reason), ""],
                                     cursor: [], role: .error))
            }
            panes[.preview]?.table.setSource(ArrayRowSource(rows))
            let totals = plan.totals.map(\.formatted).joined(separator: " + ")
            summary = s.format("recurring.summary", ExchangeRateRule.dayMonthYear(plan.date), String(plan.documents.count),
                               String(plan.lineCount), totals.isEmpty ? "—" : totals)
                + (plan.failures.isEmpty ? "" : s.format("recurring.summary.failures", String(plan.failures.count)))
            summaryIsError = !plan.failures.isEmpty

            var runRows: [TableRow] = []
            for r in try services.recurring.history() {
                runRows.append(TableRow(id: r.id, cells: [
                    ExchangeRateRule.dayMonthYear(r.date), r.user, String(r.documents), String(r.lines),
                    r.totals.isEmpty ? "—" : r.totals.map(\.formatted).joined(separator: " + "), String(r.failures.count),
                    (r.finishedAt == nil ? s["recurring.state.unfinished"] : s["recurring.state.finished"])
                        + r.failures.map { " · " + $0.customerName + ": " + $0.reason }.joined(),
                ], cursor: [], role: r.failures.isEmpty ? nil : .error))
            }
            panes[.runs]?.table.setSource(ArrayRowSource(runRows))

            let subs = try services.recurring.subscriptions()
            subscriptions = Dictionary(uniqueKeysWithValues: subs.map { ($0.id, $0) })
            panes[.subscriptions]?.table.setSource(ArrayRowSource(subs.map { r in
                let state = !r.subscription.active ? s["recurring.state.inactive"]
                    : r.terms.isPaused ? s["recurring.state.paused"]
                    : r.endsOn.map { s.format("recurring.state.ends", ExchangeRateRule.dayMonthYear($0.adding(days: -1))) }
                    ?? s["recurring.state.active"]
                return TableRow(id: r.id, cells: [r.customerName, r.subscription.description,
                                                  r.subscription.pricePerPeriod.formatted, r.subscription.period.displayName,
                                                  String(r.billingDay), r.timing.displayName, state], cursor: [])
            }))
        } catch {
            summary = describe(error)
            summaryIsError = true
        }
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (top, body) = rect.splitTop(2)
        canvas.text(" " + summary, x: top.x, y: top.y, style: Style(summaryIsError ? .error : .accent, bold: true), maxWidth: top.width)
        let tabs = View.allCases.map { v in v == view ? "[" + strings["recurring.view." + Self.key(v)] + "]" : strings["recurring.view." + Self.key(v)] }
        canvas.text(" " + tabs.joined(separator: "  "), x: top.x, y: top.y + 1, style: Style(.dim), maxWidth: top.width)
        pane.render(&canvas, in: body, strings: strings)
    }
}
