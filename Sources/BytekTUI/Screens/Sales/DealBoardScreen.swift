import BytekModel
import BytekStore
import Foundation

/// Ventas: the Kanban of one unit's pipeline. One column per active stage (and any retired stage
/// that still holds deals), each card a deal: party, value, days in stage, "⚠" when stale.
///
/// Only what is shown is read: counts and sums come from one SQL aggregate, and each column
/// loads its first `pageSize` cards, newest first (more as the selection reaches the end). Moving between
/// cards touches no data; a unit or owner change reads a board only the first time (until a
/// move, a save or another process's commit, which re-read it).
@MainActor
final class DealBoardScreen: Screen {
    let services: SalesServices
    let board = Board(columns: [])
    private(set) var unit: BusinessUnit = .digital
    /// nil: every owner.
    private(set) var owner: String?
    private(set) var summaries: [StageColumnSummary] = []
    /// The loaded cards of each column (by stage id), formatted once when read.
    private var cards: [Int64: [BoardCard]] = [:]
    private var limits: [Int64: Int] = [:]
    static let pageSize = 40
    private var s: Strings { services.strings }

    init(services: SalesServices) {
        self.services = services
        board.emptyText = services.strings["sales.board.empty"]
        board.minColumnWidth = 20
        reloadAll()
    }

    var title: String { s["module.sales"] }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("<"), .char(">")], s["sales.key.move"], help: s["sales.help.move"]),
            KeyBinding([.enter], s["key.open"], help: s["sales.help.open"]),
            KeyBinding([.char("n")], s["key.new"], help: s["sales.help.new"]),
            KeyBinding([.char("u")], s["sales.key.unit"], help: s["sales.help.unit"]),
            KeyBinding([.char("f")], s["sales.key.owner"], help: s["sales.help.owner"]),
            KeyBinding([.char("a")], s["sales.key.activities"], help: s["sales.help.activities"]),
            KeyBinding([.char("c")], s["sales.key.quote"], help: s["sales.help.quote"]),
            KeyBinding([.char("C")], s["sales.key.convert"], help: s["sales.help.convert"]),
            KeyBinding([.char("E")], s["sales.key.stages"], help: s["sales.help.stages"], hint: false),
            KeyBinding([.char("l")], s["sales.key.list"], help: s["sales.help.list"]),
            KeyBinding([.char("m")], s["sales.key.pending"], help: s["sales.help.pending"]),
            KeyBinding([.char("p")], s["sales.key.forecast"], help: s["sales.help.forecast"]),
            KeyBinding([.left, .right, .up, .down, .home, .end], s["key.move"], help: s["sales.help.navigate"], hint: false),
        ]
    }

    var paletteActions: [PaletteAction] {
        [
            PaletteAction(title: s["sales.action.new"], detail: s["module.sales"]) { [weak self] ctx in
                ctx.switchTo(.sales); self?.newDeal(ctx)
            },
            PaletteAction(title: s["sales.pending.title"], detail: s["module.sales"]) { [weak self] ctx in
                ctx.switchTo(.sales); self?.openPending(ctx)
            },
            PaletteAction(title: s["sales.forecast.title"], detail: s["module.sales"]) { [weak self] ctx in
                ctx.switchTo(.sales); self?.openForecast(ctx)
            },
        ]
    }

    // MARK: data

    /// What one (unit, owner) board shows: kept until something changes, so switching units or
    /// owners back and forth reads nothing.
    private struct Snapshot {
        var summaries: [StageColumnSummary]
        var cards: [Int64: [BoardCard]]
    }
    private var cache: [String: Snapshot] = [:]
    private var cacheKey: String { unit.rawValue + "|" + (owner ?? "*") }

    /// Forgets every snapshot and re-reads the board shown.
    func reloadAll() {
        cache = [:]
        show()
    }

    /// Shows the board of the current unit and owner, reading it only when it is not cached.
    private func show() {
        if let snapshot = cache[cacheKey] {
            summaries = snapshot.summaries
            cards = snapshot.cards
        } else {
            cards = [:]
            do {
                summaries = try services.sales.columns(unit: unit, owner: owner)
                for summary in summaries {
                    guard summary.stage.id != nil else { continue }
                    try loadCards(summary.stage, count: summary.count)
                }
            } catch {
                summaries = []
            }
            cache[cacheKey] = Snapshot(summaries: summaries, cards: cards)
        }
        rebuild()
    }

    private func loadCards(_ stage: Stage, count: Int) throws {
        guard let stageId = stage.id else { return }
        let limit = min(count, limits[stageId] ?? DealBoardScreen.pageSize)
        let now = services.now()
        cards[stageId] = limit == 0 ? []
            : try services.sales.boardCards(unit: unit, stageId: stageId, owner: owner, limit: limit)
                .map { card($0, stage: stage, now: now) }
    }

    private func rebuild() {
        board.setColumns(summaries.compactMap { summary in
            guard let id = summary.stage.id else { return nil }
            let loaded = cards[id] ?? []
            var title = summary.stage.name
            if !summary.stage.active { title += " " + s["sales.board.retired"] }
            let sum = services.pen(summary.totals)
            let approx = summary.totals[.usd].map { !$0.isZero } ?? false
            return BoardColumn(id: String(id), title: title,
                               cards: loaded,
                               sumText: (approx ? "≈" : "") + sum.formatted,
                               unloaded: max(0, summary.count - loaded.count))
        })
    }

    private func card(_ c: DealCard, stage: Stage, now: Date) -> BoardCard {
        let d = c.deal
        let days = d.daysInStage(now: now)
        let stale = d.isStale(in: stage, now: now)
        let name = c.party.isEmpty ? d.title : c.party
        return BoardCard(id: d.id ?? 0, title: name,
                         details: [d.estimatedValue.formatted, s.format("sales.daysShort", String(days)) + " · " + d.title],
                         badge: stale ? "⚠" + s.format("sales.daysShort", String(days)) : nil, badgeRole: .warning)
    }

    /// A deal just created in the form: selected when the board shows again.
    private var selectAfterReload: Int64?

    func reload(context: AppContext) {
        reloadAll()
        if let id = selectAfterReload {
            selectAfterReload = nil
            _ = board.select(cardID: id)
        }
    }

    /// Loads the next page of a column (one keyset seek) when the selection reaches its last
    /// loaded card and the column has more.
    private func loadMoreIfNeeded() {
        guard board.columns.indices.contains(board.focusedColumn),
              let id = Int64(board.columns[board.focusedColumn].id),
              let summary = summaries.first(where: { $0.stage.id == id }) else { return }
        let loaded = cards[id] ?? []
        guard loaded.count < summary.count, board.cardIndex[board.focusedColumn] >= loaded.count - 1,
              let last = loaded.last?.id else { return }
        let have = Set(loaded.map(\.id))
        let now = services.now()
        let more = (try? services.sales.boardCards(unit: unit, stageId: id, owner: owner, olderThan: last,
                                                   limit: DealBoardScreen.pageSize)) ?? []
        guard !more.isEmpty else { return }
        cards[id] = loaded + more.filter { !have.contains($0.deal.id ?? 0) }.map { card($0, stage: summary.stage, now: now) }
        limits[id] = cards[id]?.count
        cache[cacheKey] = Snapshot(summaries: summaries, cards: cards)
        rebuild()
    }

    // MARK: events

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return boardEvent(event, context) }
        switch key {
        case .char("u"):
            let all = BusinessUnit.allCases
            unit = all[((all.firstIndex(of: unit) ?? 0) + 1) % all.count]
            show()
            context.info(s.format("sales.board.unitShown", unit.label))
        case .char("f"):
            let options: [String?] = [nil] + services.owners.map { Optional($0) }
            let i = options.firstIndex(of: owner) ?? 0
            owner = options[(i + 1) % options.count]
            show()
            context.info(s.format("sales.board.ownerShown", owner ?? s["sales.owner.all"]))
        case .enter: if let id = board.selectedCard?.id { openDeal(id, context) }
        case .char("n"): newDeal(context)
        case .char("a"):
            if let id = board.selectedCard?.id { context.push(DealActivitiesScreen(services: services, dealId: id)) }
        case .char("c"): if let id = board.selectedCard?.id { quote(dealId: id, context) }
        case .char("C"):
            if let id = board.selectedCard?.id {
                LeadConversionEditor.open(dealId: id, services: services, context: context) { [weak self] in
                    self?.selectAfterReload = id
                }
            }
        case .char("l"): context.push(DealListScreen(services: services, unit: unit, owner: owner))
        case .char("E"): context.push(PipelineStagesScreen(services: services, unit: unit))
        case .char("m"): openPending(context)
        case .char("p"): openForecast(context)
        case .char("<"), .char(">"):
            guard context.require(.write, .sales) else { return .handled }
            return boardEvent(event, context)
        default:
            return boardEvent(event, context)
        }
        return .handled
    }

    private func boardEvent(_ event: Event, _ context: AppContext) -> HandleResult {
        switch board.handle(event) {
        case .ignored: return .ignored
        case .handled: loadMoreIfNeeded(); return .handled
        case .moved(let move): persist(move, context); return .handled
        }
    }

    /// Saves a card's move at once; a move into a lost stage first asks the reason (Esc undoes it).
    private func persist(_ move: BoardMove, _ context: AppContext) {
        guard let stageId = Int64(move.toColumn),
              let target = summaries.first(where: { $0.stage.id == stageId })?.stage else { reloadAll(); return }
        if target.kind == .lost {
            let texts = ReasonDialog.Texts(title: s["sales.lost.title"], prompt: s["sales.lost.prompt"], hint: s["sales.lost.hint"],
                                           confirm: s["sales.lost.confirm"], empty: s["sales.err.lostReason"])
            context.present(ReasonDialog(texts, maxLength: 200, strings: s) { [weak self] reason in
                guard let self else { return }
                guard let reason else { self.reloadAll(); context.info(self.s["sales.move.cancelled"]); return }
                self.save(move.cardID, to: target, reason: reason, context)
            })
            return
        }
        save(move.cardID, to: target, reason: nil, context)
    }

    private func save(_ dealId: Int64, to stage: Stage, reason: String?, _ context: AppContext) {
        guard let stageId = stage.id else { return }
        do {
            let deal = try services.sales.move(dealId, to: stageId, lostReason: reason)
            limits = [:]
            reloadAll()
            if !board.select(cardID: dealId) { pin(dealId, in: stageId) }
            context.ok(s.format("sales.moved", deal.title, stage.name))
        } catch {
            reloadAll()
            context.error(services.describe(error))
        }
    }

    /// Puts a moved card first in its new column when that column's first page does not hold it
    /// (columns list the newest deals first), so the card the user moved stays selected.
    private func pin(_ dealId: Int64, in stageId: Int64) {
        guard let found = try? services.sales.card(dealId), found.deal.owner == owner || owner == nil,
              let stage = summaries.first(where: { $0.stage.id == stageId })?.stage else { return }
        cards[stageId, default: []].insert(card(found, stage: stage, now: services.now()), at: 0)
        cache[cacheKey] = Snapshot(summaries: summaries, cards: cards)
        rebuild()
        board.select(cardID: dealId)
    }

    func openDeal(_ id: Int64, _ context: AppContext) {
        guard let card = try? services.sales.card(id) else { context.error(s["store.readFailed"]); return }
        let editor = DealEditor(services: services, card: card, unit: card.deal.unit,
                                readOnly: !context.can(.write, .sales))
        FormScreen.open(editor, drafts: services.drafts, strings: s, context: context)
    }

    /// Opens a new quote for the selected deal in Cotizaciones: its customer, unit and currency, and
    /// the link that marks the deal won when the quote is accepted.
    func quote(dealId: Int64, _ context: AppContext) {
        guard context.require(.write, .quotes), let card = try? services.sales.card(dealId) else { return }
        let deal = card.deal
        let content = QuoteContent(customerId: deal.customerId, dealId: deal.id, unit: deal.unit,
                                   currency: deal.estimatedValue.currency, issueDate: QuoteText.today(context),
                                   owner: context.session.login)
        context.switchTo(.quotes)
        QuoteBuilderScreen.open(Quote(content), store: services.store, context: context)
    }

    func newDeal(_ context: AppContext) {
        guard context.require(.write, .sales) else { return }
        let stageId = board.columns.indices.contains(board.focusedColumn) ? Int64(board.columns[board.focusedColumn].id) : nil
        let editor = DealEditor(services: services, card: nil, unit: unit, stageId: stageId)
        editor.onCreated = { [weak self] id in self?.selectAfterReload = id }
        FormScreen.open(editor, drafts: services.drafts, strings: s, context: context)
    }

    func openPending(_ context: AppContext) { context.push(PendingScreen(services: services)) }
    func openForecast(_ context: AppContext) { context.push(ForecastScreen(services: services)) }

    // MARK: render

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (head, body) = rect.splitTop(1)
        var x = canvas.text(" " + s["module.sales"] + " · " + unit.label + " ", x: head.x, y: head.y, style: Style(.title, bold: true))
        x = canvas.text(s.format("sales.board.owner", owner ?? s["sales.owner.all"]), x: x + 1, y: head.y, style: Style(.dim))
        let open = summaries.filter { $0.stage.kind == .open }
        let total = services.pen(open.reduce(into: [Currency: Money]()) { acc, col in
            for (c, m) in col.totals { acc[c] = (acc[c] ?? .zero(c)) + m }
        })
        let figures = s.format("sales.board.openTotal", open.reduce(0) { $0 + $1.count }.formatted(grouping: true), total.formatted)
        // The rate note goes first when the line is short: the figures matter more.
        let note = services.rateIsDefault ? " " + s.format("sales.board.rateDefault", "\(services.penPerUSD)")
            : services.rate.source.isEmpty ? "" : " (US$: " + services.rate.source + ")"
        let right = (head.maxX - x - 2 >= SafeText.width(figures + note) + 1 ? figures + note : figures) + " "
        canvas.text(right, x: max(x + 1, head.maxX - SafeText.width(right)), y: head.y, style: Style(.dim))
        board.render(&canvas, in: body)
    }
}
