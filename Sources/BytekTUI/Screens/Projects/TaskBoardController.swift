import BytekModel
import Foundation

/// A board of cards (a unit's team board or one project's): its four columns with "n/límite" counts (over the
/// limit in warning style), cards with title, project and customer (team board), assignee, due date,
/// checklist n/m, ✖ blocked with its reason, age in the column and lateness (warning, then danger).
///
/// Keys: arrows (and h j k l) move the selection, `<` `>` move the card (a full column asks for an override
/// reason), `/` filters in memory per keystroke, `s` cycles swimlanes, `b` blocks or unblocks, Enter opens the
/// card. The cards are read once (on open and reload); keystrokes only re-index them in memory.
@MainActor
final class TaskBoardController {
    let desk: ProjectsDesk
    let scope: BoardScope
    let strings: Strings
    let canWrite: Bool
    private(set) var model: TaskBoardModel
    private(set) var focusedColumn = 0
    private(set) var rowIndex = Array(repeating: 0, count: TaskState.columns.count)
    private var scroll = Array(repeating: 0, count: TaskState.columns.count)
    private(set) var filtering = false
    private(set) var loadError: String?
    /// How many times the board was read (a test checks keystrokes read nothing).
    private(set) var loads = 0
    /// Called when the service refuses a move for a reason the board does not show (the payment gate closed
    /// since the screen read it, e.g. a lift that ended): the project screen then reads its header again.
    var onRefused: (@MainActor () -> Void)?
    private var s: Strings { strings }

    init(desk: ProjectsDesk, scope: BoardScope, strings: Strings, canWrite: Bool) {
        self.desk = desk; self.scope = scope; self.strings = strings; self.canWrite = canWrite
        model = TaskBoardModel(BoardData(tasks: [], limits: [:]), noAssignee: strings["proj.noAssignee"])
        reload()
    }

    var showsProject: Bool { if case .team = scope { return true } else { return false } }

    /// Reads the board again, keeping the filter, the swimlanes and the selected card.
    func reload() {
        let selected = selectedCard?.task.id
        let filter = model.filter, lane = model.swimlane
        loads += 1
        lineCache = [:]
        do {
            model = TaskBoardModel(try desk.board(scope), noAssignee: s["proj.noAssignee"])
            loadError = nil
        } catch {
            model = TaskBoardModel(BoardData(tasks: [], limits: [:]), noAssignee: s["proj.noAssignee"])
            loadError = desk.describe(error)
        }
        if !filter.isEmpty { model.setFilter(filter) }
        if lane != .none { model.setSwimlane(lane) }
        if let selected { select(selected) }
        clamp()
    }

    var selectedCard: BoardTask? {
        let col = model.columns[focusedColumn]
        let r = rowIndex[focusedColumn]
        return col.indices.contains(r) ? model.cards[col[r]] : nil
    }

    func select(_ taskId: Int64) {
        guard let (c, r) = model.locate(taskId) else { return }
        focusedColumn = c; rowIndex[c] = r
    }

    private func clamp() {
        for c in rowIndex.indices { rowIndex[c] = min(max(0, rowIndex[c]), max(0, model.columns[c].count - 1)) }
    }

    var bindings: [KeyBinding] {
        var b = [KeyBinding([.char("/")], s["key.search"], help: s["proj.help.filter"]),
                 KeyBinding([.char("s")], s["proj.key.lanes"], help: s["proj.help.lanes"]),
                 KeyBinding([.enter], s["key.open"], help: s["proj.help.openCard"])]
        if canWrite {
            b += [KeyBinding([.char("<"), .char(">")], s["proj.key.move"], help: s["proj.help.move"]),
                  KeyBinding([.char("b")], s["proj.key.block"], help: s["proj.help.block"])]
        }
        return b + [KeyBinding([.left, .right, .up, .down, .home, .end], s["key.move"], help: s["proj.help.navigate"], hint: false)]
    }

    // MARK: keys

    /// Handles a key of the board; false when it is not one.
    func handle(_ key: Key, context: AppContext) -> Bool {
        if filtering { return filterKey(key) }
        switch key {
        case .left, .char("h"): focusedColumn = max(0, focusedColumn - 1)
        case .right, .char("l"): focusedColumn = min(TaskState.columns.count - 1, focusedColumn + 1)
        case .up, .char("k"): rowIndex[focusedColumn] = max(0, rowIndex[focusedColumn] - 1)
        case .down, .char("j"): rowIndex[focusedColumn] = min(max(0, model.columns[focusedColumn].count - 1), rowIndex[focusedColumn] + 1)
        case .pageUp: rowIndex[focusedColumn] = max(0, rowIndex[focusedColumn] - 10)
        case .pageDown: rowIndex[focusedColumn] = min(max(0, model.columns[focusedColumn].count - 1), rowIndex[focusedColumn] + 10)
        case .home, .char("g"): rowIndex[focusedColumn] = 0
        case .end, .char("G"): rowIndex[focusedColumn] = max(0, model.columns[focusedColumn].count - 1)
        case .char("/"): filtering = true
        case .char("s"):
            let id = selectedCard?.task.id
            model.setSwimlane(model.swimlane.next)
            keepSelection(id)
            context.info(s["proj.lanes." + model.swimlane.rawValue])
        case .char("<"): move(by: -1, context)
        case .char(">"): move(by: 1, context)
        case .char("b"): toggleBlock(context)
        case .enter: openCard(context)
        case .escape where !model.filter.isEmpty:
            let id = selectedCard?.task.id
            model.setFilter(""); keepSelection(id)
        default: return false
        }
        return true
    }

    private func keepSelection(_ id: Int64?) {
        if let id, model.locate(id) != nil { select(id) }
        clamp()
    }

    private func filterKey(_ key: Key) -> Bool {
        let before = selectedCard?.task.id
        switch key {
        case .char(let c): model.setFilter(model.filter + String(c))
        case .backspace: if !model.filter.isEmpty { model.setFilter(String(model.filter.dropLast())) }
        case .enter, .down, .up: filtering = false
        case .escape: filtering = false; model.setFilter("")
        default: return true
        }
        if let before, model.locate(before) != nil { select(before) }
        clamp()
        return true
    }

    private func move(by step: Int, _ context: AppContext) {
        guard context.require(.write, .projects), let card = selectedCard else { return }
        let i = TaskState.columns.firstIndex(of: card.task.state) ?? 0
        guard TaskState.columns.indices.contains(i + step) else { return }
        let target = TaskState.columns[i + step]
        save(card, to: target, reason: nil, context)
    }

    private func save(_ card: BoardTask, to target: TaskState, reason: String?, _ context: AppContext) {
        do {
            let task = try desk.move(taskId: card.task.id, to: target, overrideReason: reason)
            model.replace(task)
            select(task.id)
            context.ok(s.format(reason == nil ? "proj.moved" : "proj.movedOverride", task.title, target.displayName))
        } catch let refusal as WIPLimitRefusal {
            let texts = ReasonDialog.Texts(title: s["proj.wip.title"],
                                           prompt: s.format("proj.wip.prompt", refusal.state.displayName, String(refusal.limit)),
                                           hint: s["proj.wip.hint"], confirm: s["proj.wip.confirm"], empty: s["proj.wip.empty"])
            context.error(s.format("proj.wip.refused", refusal.state.displayName, String(refusal.limit)))
            context.present(ReasonDialog(texts, maxLength: 200, strings: s) { [weak self] answer in
                guard let self else { return }
                guard let answer else { context.info(self.s["proj.move.cancelled"]); return }
                self.save(card, to: target, reason: answer, context)
            })
        } catch {
            context.error(desk.describe(error))
            onRefused?()
        }
    }

    private func toggleBlock(_ context: AppContext) {
        guard context.require(.write, .projects), let card = selectedCard else { return }
        if card.task.blocked {
            do {
                let task = try desk.setBlocked(taskId: card.task.id, blocked: false, reason: "")
                model.replace(task)
                context.ok(s.format("proj.unblocked", task.title))
            } catch { context.error(desk.describe(error)) }
            return
        }
        let texts = ReasonDialog.Texts(title: s["proj.block.title"], prompt: s.format("proj.block.prompt", card.task.title),
                                       hint: s["proj.block.hint"], confirm: s["proj.block.confirm"], empty: s["proj.block.empty"])
        context.present(ReasonDialog(texts, maxLength: 200, strings: s) { [weak self] answer in
            guard let self, let answer else { return }
            do {
                let task = try self.desk.setBlocked(taskId: card.task.id, blocked: true, reason: answer)
                self.model.replace(task)
                context.ok(self.s.format("proj.blocked", task.title))
            } catch { context.error(self.desk.describe(error)) }
        })
    }

    private func openCard(_ context: AppContext) {
        guard let card = selectedCard else { return }
        let screen = TaskCardScreen(desk: desk, card: card, strings: s, canWrite: canWrite)
        screen.onChange = { [weak self] task in self?.model.replace(task) }
        context.push(screen)
    }

    // MARK: render

    /// "Filtro: «dis» · 12 tarjetas · carriles: responsable".
    var statusLine: String {
        var parts: [String] = []
        if filtering || !model.filter.isEmpty { parts.append(s["word.filter"] + ": «" + model.filter + (filtering ? "▏" : "") + "»") }
        let shown = model.columns.reduce(0) { $0 + $1.count }
        parts.append(s.format("proj.board.cards", shown.formatted(grouping: true)))
        if model.swimlane != .none { parts.append(s["proj.lanes." + model.swimlane.rawValue]) }
        return parts.joined(separator: " · ")
    }

    func render(_ canvas: inout Canvas, in rect: Rect, today: LocalDate, now: Date) {
        let (head, body) = rect.splitTop(1)
        canvas.text(" " + statusLine, x: head.x, y: head.y, style: Style(filtering ? .accent : .dim), maxWidth: head.width)
        if let loadError {
            canvas.text(" " + loadError, x: body.x, y: body.y, style: Style(.error, bold: true), maxWidth: body.width)
            return
        }
        let n = TaskState.columns.count
        guard body.width >= n * 8, body.height >= 4 else { return }
        let base = body.width / n
        var x = body.x
        for c in 0..<n {
            let w = c == n - 1 ? body.maxX - x : base
            renderColumn(&canvas, c, Rect(x: x, y: body.y, width: w, height: body.height), today: today, now: now)
            x += w
        }
    }

    private func columnTitle(_ c: Int) -> (String, Bool) {
        let state = TaskState.columns[c]
        let count = model.totals[c]
        if let limit = model.limits[state] { return (state.displayName + " " + "\(count)/\(limit)", count > limit) }
        return (state.displayName + " " + "\(count)", false)
    }

    /// Each card's lines once formatted, by card index (cleared when a card changes or the board is read).
    private var lineCache: [Int: [(String, StyleRole?)]] = [:]
    private var cachedModelVersion = -1

    private func cachedLines(_ i: Int, today: LocalDate, now: Date) -> [(String, StyleRole?)] {
        if cachedModelVersion != model.version { lineCache = [:]; cachedModelVersion = model.version }
        if let l = lineCache[i] { return l }
        if lineCache.count > 2_000 { lineCache = [:] }
        let l = lines(model.cards[i], today: today, now: now).map { (SafeText.sanitize($0.0), $0.1) }
        lineCache[i] = l
        return l
    }

    /// The lines of a card: title (with its mark), then details.
    private func lines(_ card: BoardTask, today: LocalDate, now: Date) -> [(String, StyleRole?)] {
        let t = card.task
        var out: [(String, StyleRole?)] = [(t.title, nil)]
        if showsProject { out.append((card.projectCode + " · " + card.customerName, nil)) }
        var info = [t.assignee ?? s["proj.noAssignee"]]
        if let due = t.dueDate { info.append(s["proj.card.due"] + " " + ProjectsText.shortDate(due)) }
        if t.checklistTotal > 0 { info.append("☑ \(t.checklistDone)/\(t.checklistTotal)") }
        let age = max(0, Int(now.timeIntervalSince(t.stateSince) / 86_400))
        info.append(s.format("proj.card.age", String(age)))
        out.append((info.joined(separator: " · "), nil))
        if t.blocked { out.append(("✖ " + (t.blockedReason.isEmpty ? s["proj.card.blocked"] : t.blockedReason), .danger)) }
        return out
    }

    /// "atrasada 3 d" (danger) past the due date, "vence hoy"/"vence mañana" (warning); nothing when done.
    func lateness(_ card: BoardTask, today: LocalDate) -> (String, StyleRole)? {
        let t = card.task
        guard t.state != .done else { return nil }
        if let judged = card.lateness {
            switch judged {
            case .onTime: return nil
            case .danger:
                let d = t.dueDate.map { max(1, $0.days(until: today)) } ?? 1
                return (s.format("proj.card.late", String(d)), .danger)
            case .warning:
                guard let due = t.dueDate else { return (s["proj.card.promiseNear"], .warning) }
                let d = today.days(until: due)
                return (d <= 0 ? s["proj.card.dueToday"] : d == 1 ? s["proj.card.dueTomorrow"] : s["proj.card.dueSoon"], .warning)
            }
        }
        guard let due = t.dueDate else { return nil }
        let d = today.days(until: due)
        if d < 0 { return (s.format("proj.card.late", String(-d)), .danger) }
        if d == 0 { return (s["proj.card.dueToday"], .warning) }
        if d == 1 { return (s["proj.card.dueTomorrow"], .warning) }
        return nil
    }

    private func height(_ i: Int, laneHeader: Bool) -> Int {
        let t = model.cards[i]
        return (laneHeader ? 1 : 0) + 2 + (showsProject ? 1 : 0) + (t.task.blocked ? 1 : 0) + 1
    }

    private func renderColumn(_ canvas: inout Canvas, _ c: Int, _ r: Rect, today: LocalDate, now: Date) {
        let focused = c == focusedColumn
        let (title, over) = columnTitle(c)
        canvas.box(r, title: title, style: Style(focused ? .accent : .border),
                   titleStyle: Style(over ? .warning : focused ? .accent : .title, bold: true))
        if over { canvas.text("⚠", x: r.maxX - 3, y: r.y, style: Style(.warning, bold: true)) }
        let inner = Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2)
        guard inner.width > 4, inner.height > 1 else { return }
        let col = model.columns[c]
        guard !col.isEmpty else {
            canvas.text(s["proj.board.empty"], x: inner.x + 1, y: inner.y, style: Style(.dim), maxWidth: inner.width - 2)
            return
        }
        let sel = min(rowIndex[c], col.count - 1)
        let laned = model.swimlane != .none
        func header(_ k: Int) -> Bool { laned && (k == 0 || model.laneRank(of: col[k]) != model.laneRank(of: col[k - 1])) }
        // Scroll so the selected card is fully visible: walk back from it only as far as the column holds.
        if sel < scroll[c] { scroll[c] = sel }
        var first = sel, used = height(col[sel], laneHeader: laned)
        while first > scroll[c] {
            let h = height(col[first - 1], laneHeader: header(first - 1))
            if used + h - 1 > inner.height { break }
            used += h
            first -= 1
        }
        if first > scroll[c] { scroll[c] = first }
        var y = inner.y
        var k = scroll[c]
        while k < col.count, y < inner.maxY {
            let i = col[k]
            if laned && (header(k) || k == scroll[c]) {
                let lane = model.lane(of: i)
                canvas.text("▸ " + (lane.isEmpty ? "—" : lane), x: inner.x, y: y, style: Style(.accent, bold: true), maxWidth: inner.width)
                y += 1
                if y >= inner.maxY { break }
            }
            let card = model.cards[i]
            let selected = k == sel && focused
            let ls = cachedLines(i, today: today, now: now)
            let cardRect = Rect(x: inner.x, y: y, width: inner.width, height: min(ls.count, inner.maxY - y))
            if selected { canvas.fill(cardRect, style: Style(.cardSelected)) }
            for (n, line) in ls.enumerated() where y + n < inner.maxY {
                var room = inner.width - 2
                if n == 0 {
                    var mark: (String, StyleRole)? = lateness(card, today: today)
                    if card.task.blocked { mark = ("✖", .danger) }
                    if let (text, role) = mark {
                        let bx = inner.maxX - 1 - SafeText.width(text)
                        canvas.text(text, x: bx, y: y, style: selected ? Style(.cardSelected, bold: true) : Style(role, bold: true))
                        room = max(1, bx - inner.x - 2)
                    }
                }
                let style: Style = selected ? Style(.cardSelected, bold: n == 0)
                    : n == 0 ? Style(.card, bold: true) : Style(line.1 ?? .dim)
                canvas.text(SafeText.truncate(line.0, to: room), x: inner.x + 1, y: y + n, style: style)
            }
            y += ls.count + 1
            k += 1
        }
        if scroll[c] > 0 { canvas.put("▲", x: r.maxX - 2, y: r.y + 1, style: Style(.accent)) }
        if k < col.count { canvas.put("▼", x: r.maxX - 2, y: r.maxY - 1, style: Style(.accent)) }
    }
}
