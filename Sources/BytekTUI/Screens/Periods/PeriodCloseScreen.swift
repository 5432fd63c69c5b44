import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Cierre de períodos: the ended months (newest first) with their state, who closed them and the SIRE
/// note or the reopen history. `c` closes the chosen month after asking whether its register was filed in
/// SIRE and for the ticket number; `a` reopens it with a reason (admin: the service refuses anyone else).
@MainActor
final class PeriodCloseScreen: Screen {
    private let services: Services
    private let strings: Strings
    private let pane: ListPane
    private(set) var months: [ClosedPeriod] = []
    private(set) var problem: String?

    init(services: Services, strings: Strings) {
        self.services = services
        self.strings = strings
        let s = strings
        let table = Table(columns: [
            TableColumn(s["periods.col.month"], width: 20),
            TableColumn(s["periods.col.state"], width: 9),
            TableColumn(s["periods.col.by"], width: 12),
            TableColumn(s["periods.col.at"], width: 11),
            TableColumn(s["periods.col.note"], weight: 1, minWidth: 12),
        ], source: ArrayRowSource([]), emptyMessage: s["periods.empty"])
        pane = ListPane(title: s["periods.title"], table: table)
        pane.showsFilter = false
        load()
    }

    var title: String { strings["periods.title"] }

    var bindings: [KeyBinding] {
        var b: [KeyBinding] = []
        if let role = services.actor.role, PermissionMatrix.canWrite(role, .salesRegister) {
            b.append(KeyBinding([.char("c")], strings["periods.close"], help: strings["periods.help.close"]))
        }
        if services.actor.role == .admin {
            b.append(KeyBinding([.char("a")], strings["periods.reopen"], help: strings["periods.help.reopen"]))
        }
        b.append(KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false))
        return b
    }

    /// The month under the cursor.
    var selected: ClosedPeriod? {
        guard let id = pane.table.selectedRow?.id else { return nil }
        return months.first { Self.rowId($0.month) == id }
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.char("c")): askClose(context); return .handled
        case .key(.char("a")): askReopen(context); return .handled
        default: return pane.handle(event) ? .handled : .ignored
        }
    }

    private func askClose(_ context: AppContext) {
        guard let month = selected?.month else { return }
        let s = strings, name = PeriodMonth.name(month)
        context.present(ConfirmDialog(message: s.format("periods.confirm", name), title: s["periods.confirm.title"], danger: true) {
            [weak self] yes in
            guard let self else { return }
            guard yes else { context.info(s["periods.cancelled"]); return }
            let texts = ReasonDialog.Texts(title: s["periods.note.title"], prompt: s.format("periods.note.prompt", name),
                                           hint: s["periods.note.hint"], confirm: s["periods.close"], empty: s["periods.note.empty"])
            context.present(ReasonDialog(texts, maxLength: PeriodRepository.maxText, strings: s) { [weak self] note in
                guard let self, let note else { context.info(s["periods.cancelled"]); return }
                self.run(context, ok: s.format("periods.closed", name)) {
                    try self.services.periods.close(month, sireFiled: true, note: note)
                }
            })
        })
    }

    private func askReopen(_ context: AppContext) {
        guard let month = selected?.month else { return }
        let s = strings, name = PeriodMonth.name(month)
        let texts = ReasonDialog.Texts(title: s["periods.reason.title"], prompt: s.format("periods.reason.prompt", name),
                                       hint: s["periods.reason.hint"], confirm: s["periods.reopen"], empty: s["periods.reason.empty"])
        context.present(ReasonDialog(texts, maxLength: PeriodRepository.maxText, strings: s) { [weak self] reason in
            guard let self, let reason else { context.info(s["periods.cancelled"]); return }
            self.run(context, ok: s.format("periods.reopenedOk", name)) {
                try self.services.periods.reopen(month, reason: reason)
            }
        })
    }

    private func run(_ context: AppContext, ok: String, _ body: () throws -> Void) {
        ServiceOutcome.run(context, strings, reload: load) {
            try body()
            return ok
        }
    }

    /// The palette's entry ("cierre", "periodo"…): opens this screen over the current one.
    static func paletteAction(store: Store, strings: Strings) -> PaletteAction {
        PaletteAction(title: strings["periods.palette"], detail: strings["periods.palette.detail"]) { ctx in
            ctx.push(PeriodCloseScreen(services: ctx.services(store), strings: ctx.strings))
        }
    }

    /// Whether a palette query asks for this screen: the start of "cierre", "cerrar período", "período".
    nonisolated static func paletteMatches(_ query: String) -> Bool {
        ServiceOutcome.paletteMatches(query, ["cierre de periodos", "cerrar periodo", "periodos"])
    }

    static func rowId(_ m: YearMonth) -> Int64 { Int64(m.year * 100 + m.month) }

    /// Reads the months again.
    func load() {
        let s = strings
        do {
            months = try services.periods.months()
            problem = nil
        } catch {
            months = []
            problem = ServiceOutcome.text(error, s)
        }
        let rows = months.map { p in
            let reopen = p.history.last(where: { $0.action == .reabrir })
            let note = !p.closed && reopen != nil ? s.format("periods.reopened", reopen!.user, reopen!.text) : p.sireNote
            return TableRow(id: Self.rowId(p.month), cells: [
                PeriodMonth.name(p.month), s[p.closed ? "periods.state.closed" : "periods.state.open"],
                p.closed ? p.closedBy : "", p.closed ? Self.day(p.closedAt) : "", note,
            ], cursor: [])
        }
        pane.table.setSource(ArrayRowSource(rows))
    }

    /// "2026-12-03T15:00:00Z" → "03/12/2026".
    static func day(_ iso: String) -> String {
        guard let d = LocalDate(String(iso.prefix(10))) else { return "" }
        return ExchangeRateRule.dayMonthYear(d)
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        ServiceOutcome.render(&canvas, in: rect, intro: strings["periods.intro"], problem: problem, pane: pane, strings: strings)
    }
}
