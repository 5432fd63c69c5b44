import BytekModel
import BytekStore
import Foundation

/// Finanzas › Cobranzas: what customers owe, oldest due first, in a virtual list (only the visible rows
/// are read). Each row is one part of a cuota: neto, detracción or retención, with its days overdue
/// coloured (warning past due, danger past 90 days) and a flag on documents issued unattended.
/// `u` `c` `a` `m` filter by unit, the selected row's customer, age bucket and currency; `/` by text.
/// The foot shows the aging buckets per currency from the service's totals (read once per filter
/// change, never per keystroke). `p` records a payment for the row's customer, `d` a detracción
/// deposit on a detracción part, `r` a retention receipt on a retención part, Enter and `e` open the
/// customer's estado de cuenta, `o` the document itself.
@MainActor
final class ReceivablesScreen: Screen {
    let desk: CobranzasDesk
    let strings: Strings
    let drafts: DraftRepository
    let pane: ListPane
    private(set) var filter = ReceivablesFilter()
    private(set) var aging = AgingTotals()
    private(set) var agingError: String?
    private let canWrite: Bool
    /// Opens the e-document `id` (Facturación's detail), set by the module; `o` calls it.
    var openDocument: ((Int64, AppContext) -> Void)?
    /// Opens the customer's cards and card charges (`t`), set by the module.
    var openCards: ((Int64, String, AppContext) -> Void)?
    /// Opens Recordatorios (set by the module): `R` the policy and today's run, `h` the selected row's customer.
    var openReminders: (@MainActor @Sendable (Int64?, String, Bool, AppContext) -> Void)?

    /// The palette's «Recordatorios de cobranza» (the policy, its preview and today's run), over Cobranzas.
    var paletteActions: [PaletteAction] {
        guard let open = openReminders else { return [] }
        return [PaletteAction(title: strings["rem.policy.title"], detail: strings["cob.help.reminders"]) { ctx in
            ctx.switchTo(.receivables)
            open(nil, "", false, ctx)
        }]
    }
    /// How many times the aging totals were read (a test checks it is once per filter change).
    private(set) var agingLoads = 0

    init(desk: CobranzasDesk, drafts: DraftRepository, strings: Strings, canWrite: Bool) {
        self.desk = desk
        self.drafts = drafts
        self.strings = strings
        self.canWrite = canWrite
        let table = Table(columns: ReceivablesScreen.columns(strings), source: ArrayRowSource([]),
                          emptyMessage: strings["cob.empty"])
        pane = ListPane(title: strings["module.receivables"], table: table)
        pane.onFilterChange = { [weak self] _ in self?.rebuild() }
        rebuild()
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["cob.col.document"], width: 13),
            TableColumn(s["cob.col.customer"], weight: 3, minWidth: 12),
            .words(s["cob.col.part"], width: 10),
            TableColumn(s["cob.col.cuota"], width: 5, alignment: .right),
            TableColumn(s["cob.col.due"], width: 10),
            TableColumn(s["cob.col.days"], width: 5, alignment: .right),
            TableColumn(s["cob.col.currency"], width: 3),
            .amount(s["cob.col.balance"], width: 14),
            TableColumn(s["cob.col.flag"], width: 2),
        ]
    }

    /// The cells of one receivable and its colour on `today`.
    static func row(_ r: Receivable, today: LocalDate, strings s: Strings) -> (cells: [String], role: StyleRole?) {
        let days = r.daysOverdue(on: today)
        let role: StyleRole? = days > 90 ? .danger : days > 0 ? .warning : nil
        return ([r.documentID, r.customerName, s["cob.part." + r.part.rawValue], r.installment == 0 ? "" : String(r.installment),
                 ReceivablesText.date(r.dueDate), days > 0 ? String(days) : "", r.currency.rawValue, r.balance.formattedAmount,
                 r.unattended ? "⚑" : ""], role)
    }

    func rebuild() {
        filter.search = pane.filterText
        let today = desk.today, s = strings
        do {
            let pager = try desk.openPager(filter)
            self.pager = pager
            shown = [:]
            pane.table.setSource(PagerRowSource(pager: pager, id: { $0.id }) { [weak self] r in
                if let self {
                    if self.shown.count > 4_000 { self.shown = [:] }
                    self.shown[r.id] = r
                }
                return ReceivablesScreen.row(r, today: today, strings: s)
            })
            agingLoads += 1
            aging = try desk.aging(filter)
            agingError = nil
        } catch {
            pane.table.setSource(ArrayRowSource([]))
            pager = nil
            aging = AgingTotals()
            agingError = desk.describe(error)
        }
        pane.table.footerText = filterText
    }

    /// "Filtro: U2 Software · Ferretería Ñaña · 31–60 días · USD".
    var filterText: String {
        var parts: [String] = []
        if let u = filter.unit { parts.append(u.label) }
        if let c = filter.customerName { parts.append(c) }
        if let b = filter.bucket { parts.append(strings.format("cob.bucket", b.label)) }
        if let c = filter.currency { parts.append(c.rawValue) }
        return parts.isEmpty ? "" : strings["word.filter"] + ": " + parts.joined(separator: " · ")
    }

    var title: String { strings["module.receivables"] }
    var capturesText: Bool { pane.filtering }

    var bindings: [KeyBinding] {
        let s = strings
        var b = [
            KeyBinding([.char("/")], s["key.search"], help: s["cob.help.search"]),
            KeyBinding([.enter, .char("e")], s["cob.key.statement"], help: s["cob.help.statement"]),
            KeyBinding([.char("o")], s["cob.key.document"], help: s["cob.help.document"]),
            KeyBinding([.char("t")], s["cob.key.cards"], help: s["cob.help.cards"]),
        ]
        if canWrite {
            b += [
                KeyBinding([.char("p")], s["cob.key.payment"], help: s["cob.help.payment"]),
                KeyBinding([.char("d")], s["cob.key.deposit"], help: s["cob.help.deposit"]),
                KeyBinding([.char("r")], s["cob.key.retention"], help: s["cob.help.retention"]),
            ]
        }
        return b + [
            KeyBinding([.char("u")], s["cob.key.unit"], help: s["cob.help.unit"], hint: false),
            KeyBinding([.char("c")], s["cob.key.customer"], help: s["cob.help.customer"]),
            KeyBinding([.char("a")], s["cob.key.age"], help: s["cob.help.age"]),
            KeyBinding([.char("m")], s["cob.key.currency"], help: s["cob.help.currency"], hint: false),
            KeyBinding([.char("R")], s["cob.key.reminders"], help: s["cob.help.reminders"], hint: false),
            KeyBinding([.char("h")], s["cob.key.customerReminders"], help: s["cob.help.customerReminders"], hint: false),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], s["key.move"], help: s["table.help.move"], hint: false),
        ]
    }

    /// The receivables of the rows read so far (the visible ones and a margin), by id.
    private var shown: [Int64: Receivable] = [:]
    private var pager: KeysetPager<Receivable>?

    /// The selected row's receivable: from the rows read, else read again at the row's cursor.
    var selected: Receivable? {
        guard let row = pane.table.selectedRow else { return nil }
        if let r = shown[row.id] { return r }
        guard let pager else { return nil }
        let previous = try? pager.before(row.cursor, 1).first
        let found = try? (previous.map { try pager.after($0.cursor, 1) } ?? pager.first(1)).first?.item
        return found?.id == row.id ? found : nil
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if pane.filtering { return pane.handle(event) ? .handled : .ignored }
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .char("u"):
            filter.unit = ReceivablesScreen.next(filter.unit, in: BusinessUnit.allCases)
            rebuild()
        case .char("a"):
            filter.bucket = ReceivablesScreen.next(filter.bucket, in: AgingBucket.allCases)
            rebuild()
        case .char("m"):
            filter.currency = ReceivablesScreen.next(filter.currency, in: Currency.allCases)
            rebuild()
        case .char("c"):
            if filter.customerId != nil {
                filter.customerId = nil; filter.customerName = nil
            } else if let r = selected, let id = r.customerId {
                filter.customerId = id; filter.customerName = r.customerName
            }
            rebuild()
        case .enter, .char("e"):
            guard let r = selected, let id = r.customerId else { return .handled }
            context.push(StatementScreen(desk: desk, customerId: id, customerName: r.customerName, strings: strings))
        case .char("o"):
            guard let r = selected else { context.error(strings["cob.err.noRow"]); return .handled }
            openDocument?(r.documentId, context)
        case .char("t"):
            guard let r = selected, let id = r.customerId else { context.error(strings["cob.err.noRow"]); return .handled }
            openCards?(id, r.customerName, context)
        case .char("p"):
            guard let r = selected, let id = r.customerId else { context.error(strings["cob.err.noRow"]); return .handled }
            openPayment(customerId: id, name: r.customerName, context)
        case .char("d"):
            settle(.detraccion, context)
        case .char("R"):
            openReminders?(selected?.customerId, selected?.customerName ?? "", false, context)
        case .char("h"):
            guard let r = selected, let id = r.customerId else { context.error(strings["cob.err.noRow"]); return .handled }
            openReminders?(id, r.customerName, true, context)
        case .char("r"):
            settle(.retencion, context)
        default:
            return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    static func next<T: Equatable>(_ value: T?, in all: [T]) -> T? {
        let options: [T?] = [nil] + all.map { Optional($0) }
        let i = options.firstIndex(where: { $0 == value }) ?? 0
        return options[(i + 1) % options.count]
    }

    func openPayment(customerId: Int64, name: String, _ context: AppContext) {
        let form = PaymentFormScreen(desk: desk, customerId: customerId, customerName: name, drafts: drafts, strings: strings)
        form.onSaved = { [weak self] in self?.reloadAll() }
        context.push(form)
        form.restoreDraft(context)
    }

    private func settle(_ part: ReceivablePart, _ context: AppContext) {
        guard let r = selected else { context.error(strings["cob.err.noRow"]); return }
        guard r.part == part else {
            context.error(strings.format(part == .detraccion ? "cob.err.notDetraccion" : "cob.err.notRetencion", r.documentID))
            return
        }
        let editor = SettlementEditor(desk: desk, receivable: r, strings: strings)
        editor.onSaved = { [weak self] in self?.reloadAll() }
        FormScreen.open(editor, drafts: drafts, strings: strings, context: context)
    }

    private func reloadAll() {
        shown = [:]
        pane.table.reload()
        agingLoads += 1
        aging = (try? desk.aging(filter)) ?? aging
    }

    func reload(context: AppContext) { reloadAll() }

    /// One line per currency with an open balance (or the error of the totals), at most 2.
    var footLines: [String] {
        if let agingError { return [agingError] }
        let currencies = Currency.allCases.filter { aging.totals[$0] != nil }
        return currencies.map { c in
            let buckets = AgingBucket.allCases.map { b in b.label + ": " + aging.total(c, b).formattedAmount }
            return c.symbol + "  " + buckets.joined(separator: "  ·  ") + "  │  " + strings["cob.total"] + " " + aging.total(c).formatted
        }
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let lines = footLines
        let footHeight = max(1, lines.count) + 1
        let (body, foot) = (Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - footHeight),
                            Rect(x: rect.x, y: rect.maxY - footHeight, width: rect.width, height: footHeight))
        pane.render(&canvas, in: body, strings: strings)
        canvas.text(" " + strings["cob.aging"] + " ", x: foot.x, y: foot.y, style: Style(.title, bold: true))
        canvas.hline(x: foot.x + SafeText.width(strings["cob.aging"]) + 2, y: foot.y,
                     width: max(0, foot.width - SafeText.width(strings["cob.aging"]) - 2))
        if lines.isEmpty {
            canvas.text(" " + strings["cob.noBalance"], x: foot.x, y: foot.y + 1, style: Style(.dim), maxWidth: foot.width)
        }
        for (i, line) in lines.enumerated() {
            canvas.text(" " + line, x: foot.x, y: foot.y + 1 + i, style: Style(agingError == nil ? .accent : .error, bold: true),
                        maxWidth: foot.width)
        }
    }
}
