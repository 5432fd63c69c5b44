import BytekModel
import Foundation

/// The application: the top bar of modules, one stack of screens per module, overlays
/// (palette, help, dialogs) above them, and the status bar. It turns events into screen calls
/// and screen commands into navigation, and draws a frame after each event.
///
/// Keys the app itself handles when the focused screen ignores them (or does not capture text):
/// 1…N / F2…F(N+1) pick among the N module groups the user's role sees (Comercial, Finanzas…; the group's
/// last used module opens), `[` `]` move among the group's modules, `:` or Ctrl-P opens the palette, `?` or F1
/// the help, `q` quits from a module's first screen, Ctrl-C/Ctrl-Q quit after confirming.
@MainActor
public final class App {
    public static let minWidth = 80
    public static let minHeight = 24

    public let context: AppContext
    let terminal: Terminal
    var modules: [ModuleEntry]
    var stacks: [AppModule: [any Screen]] = [:]
    public private(set) var current: AppModule
    var overlays: [any Screen] = []
    public private(set) var running = true
    /// The groups of the top bar this role sees, each with its modules in tab order.
    let groups: [(group: ModuleGroup, modules: [AppModule])]
    /// The module last used in each group: picking the group again opens it.
    var lastInGroup: [ModuleGroup: AppModule] = [:]
    var tabHitAreas: [(TopBarTarget, Rect)] = []
    /// Returns the store's `PRAGMA data_version`; a change means another process committed.
    let dataVersion: () -> Int64
    var lastDataVersion: Int64
    /// Records for the palette ("cliente acme"): called with the query text.
    public var paletteRecords: ((String) -> [PaletteAction])?
    /// Called when the user picks a theme in the palette (to remember it); nil keeps it for this session only.
    public var rememberTheme: ((String) -> Void)?
    /// Where theme files are looked for (`BYTEK_THEMES_DIR`…) and whether `NO_COLOR` is set.
    public var environment: [String: String] = [:]
    public private(set) var lastFrame = ScreenBuffer(width: 0, height: 0)
    /// Timesheets: the running timer in the status bar and its global key (Screens/Timesheets/TimerBar.swift).
    public var timerBar: TimerBar?

    public init(terminal: Terminal, context: AppContext, modules: [ModuleEntry], dataVersion: @escaping () -> Int64 = { 0 }) {
        self.terminal = terminal
        self.context = context
        let readable = modules.filter { context.can(.read, $0.module) }
        groups = ModuleGroup.visible(for: context.session.role, among: Set(readable.map(\.module)))
        // Modules in top-bar order (group by group); a module in no group keeps the end.
        let order = groups.flatMap(\.modules)
        self.modules = readable.sorted { (order.firstIndex(of: $0.module) ?? .max) < (order.firstIndex(of: $1.module) ?? .max) }
        self.dataVersion = dataVersion
        self.lastDataVersion = dataVersion()
        current = self.modules.first?.module ?? .customers
    }

    // MARK: loop

    /// Runs until the user quits.
    public func run() {
        draw()
        while running {
            let event = terminal.nextEvent(timeoutMs: 250)
            handle(event)
            if running { draw() }
        }
    }

    /// Handles one event (tests call this, then `draw()`).
    public func handle(_ event: Event) {
        switch event {
        case .tick:
            pollDataVersion()
            return
        case .resize:
            return
        default:
            break
        }
        if terminalTooSmall {
            if case .key(let k) = event, k == .char("q") || k == .ctrl("c") || k == .ctrl("q") { running = false }
            return
        }
        context.clearStatus()
        // Timesheets: F9 / Ctrl-T start or stop the timer from any screen (before the screen sees the key).
        if case .key(let k) = event, overlays.isEmpty, TimerBar.keys.contains(k), let bar = timerBar {
            bar.toggle(context); applyCommands(); return
        }
        if let top = overlays.last {
            _ = top.handle(event, context: context)
            applyCommands()
            return
        }
        guard let screen = topScreen else { handleGlobal(event); applyCommands(); return }
        if case .mouse(let m) = event, m.y == 0 {
            clickTopBar(m); applyCommands(); return
        }
        let result = screen.handle(event, context: context)
        if result == .ignored { handleGlobal(event) }
        applyCommands()
    }

    var terminalTooSmall: Bool { terminal.size.width < App.minWidth || terminal.size.height < App.minHeight }

    var topScreen: (any Screen)? {
        if stacks[current] == nil, let entry = modules.first(where: { $0.module == current }) {
            stacks[current] = [entry.makeRoot(context)]
        }
        return stacks[current]?.last
    }

    func pollDataVersion() {
        let v = dataVersion()
        guard v != lastDataVersion else { return }
        lastDataVersion = v
        topScreen?.reload(context: context)
        for o in overlays { o.reload(context: context) }
    }

    // MARK: global keys

    func handleGlobal(_ event: Event) {
        guard case .key(let key) = event else { return }
        let capturing = overlays.last?.capturesText ?? topScreen?.capturesText ?? false
        switch key {
        case .ctrl("p"):
            openPalette()
        case .f(1):
            openHelp()
        case .f(let n) where n >= 2 && n - 2 < groups.count:
            switchGroup(n - 2)
        case .ctrl("c"), .ctrl("q"):
            confirmQuit()
        case .char(let c) where !capturing:
            if let d = c.wholeNumberValue, d >= 1, d <= groups.count { switchGroup(d - 1) }
            else if c == "[" { moveTab(-1) }
            else if c == "]" { moveTab(1) }
            else if c == ":" { openPalette() }
            else if c == "?" { openHelp() }
            else if c == "q" { quitFromScreen() }
        default:
            break
        }
    }

    func switchModule(_ module: AppModule) {
        guard modules.contains(where: { $0.module == module }) else { return }
        current = module
        if let g = ModuleGroup.of(module) { lastInGroup[g] = module }
        topScreen?.reload(context: context)
    }

    /// Picks the `index`-th group shown: its last used module, else its first.
    func switchGroup(_ index: Int) {
        guard groups.indices.contains(index) else { return }
        let (group, members) = groups[index]
        switchModule(lastInGroup[group].flatMap { members.contains($0) ? $0 : nil } ?? members[0])
    }

    /// The current group and its modules (`[` `]` move among them).
    var currentGroup: (group: ModuleGroup, modules: [AppModule])? {
        groups.first { $0.modules.contains(current) }
    }

    /// `]` the next module of the current group, `[` the previous one (wrapping around).
    func moveTab(_ step: Int) {
        guard let members = currentGroup?.modules, let i = members.firstIndex(of: current) else { return }
        switchModule(members[(i + step + members.count) % members.count])
    }

    func quitFromScreen() {
        guard let stack = stacks[current] else { running = false; return }
        if stack.count > 1 { closeTop() } else if closeAllForQuit() { running = false }
    }

    func confirmQuit() {
        context.present(ConfirmDialog(message: context.strings["app.quitConfirm"]) { [weak self] yes in
            guard let self, yes else { return }
            if self.closeAllForQuit() { self.running = false }
        })
    }

    /// Asks every open screen whether it may close (a form with changes keeps its draft anyway).
    func closeAllForQuit() -> Bool {
        for stack in stacks.values { for s in stack.reversed() where !s.willClose(context: context) { return false } }
        return true
    }

    func closeTop() {
        guard var stack = stacks[current], stack.count > 1, let top = stack.last else { return }
        guard top.willClose(context: context) else { return }
        stack.removeLast()
        stacks[current] = stack
        stack.last?.reload(context: context)
    }

    func clickTopBar(_ m: MouseEvent) {
        guard m.button == .left else { return }
        guard let hit = tabHitAreas.first(where: { $0.1.contains(x: m.x, y: m.y) }) else { return }
        switch hit.0 {
        case .group(let i): switchGroup(i)
        case .module(let module): switchModule(module)
        }
    }

    func openHelp() {
        let screenBindings = overlays.last?.bindings ?? topScreen?.bindings ?? []
        context.present(HelpOverlay(
            title: context.strings.format("help.title", moduleTitle(current)),
            screenBindings: screenBindings, globalBindings: globalBindings))
    }

    func openPalette() {
        var actions: [PaletteAction] = modules.map { entry in
            let m = entry.module
            return PaletteAction(title: "Ir a " + moduleTitle(m), detail: ModuleGroup.of(m).map(groupTitle) ?? "") { ctx in ctx.switchTo(m) }
        }
        for entry in modules {
            if stacks[entry.module] == nil { stacks[entry.module] = [entry.makeRoot(context)] }
            actions += stacks[entry.module]?.first?.paletteActions ?? []
        }
        if let top = topScreen, stacks[current]?.count ?? 0 > 1 { actions += top.paletteActions }
        actions += themeActions
        context.present(PaletteOverlay(actions: actions, records: paletteRecords))
    }

    /// "Tema: …" for every built-in theme: applied at once and remembered for the user.
    var themeActions: [PaletteAction] {
        ["default", "high-contrast", "monochrome"].map { name in
            PaletteAction(title: context.strings.format("app.themeAction", context.strings["theme." + name]), detail: name) { [weak self] ctx in
                self?.switchTheme(name, ctx)
            }
        }
    }

    func switchTheme(_ name: String, _ ctx: AppContext) {
        do {
            let theme = try ThemeLoader.load(name: name, environment: environment)
            terminal.applyTheme(theme)
            rememberTheme?(name)
            ctx.ok(ctx.strings.format("app.themeChanged", ctx.strings["theme." + name]))
        } catch {
            ctx.error(ctx.strings.format("app.themeMissing", name))
        }
    }

    var globalBindings: [KeyBinding] {
        let s = context.strings
        return [
            moduleKeysBinding,
            KeyBinding([.char("["), .char("]")], s["app.switchTab"], help: s["app.switchTabHelp"]),
            KeyBinding([.char(":"), .ctrl("p")], s["key.palette"]),
            KeyBinding([.char("?"), .f(1)], s["key.help"]),
            KeyBinding([.escape], s["app.back"]),
            KeyBinding([.char("q")], s["key.quit"], help: s["app.quitHelp"]),
        ] + (timerBar.map { [$0.binding(s)] } ?? [])
    }

    /// The number and F keys of the groups this user has, and no others: "1…3 F2…F4" for an admin,
    /// "1…2 F2…F3" for a role with two groups, with each number's group and its modules in the help.
    var moduleKeysBinding: KeyBinding {
        let s = context.strings
        let n = groups.count
        let keys: [Key] = (1...max(1, n)).map { .char(Character(String($0))) } + (2...max(2, n + 1)).map { .f($0) }
        let fKeys = n > 1 ? "F2…F\(n + 1)" : "F2"
        let list = groups.enumerated().map { i, g in
            "\(i + 1) \(groupTitle(g.group)) (\(g.modules.map(moduleTitle).joined(separator: ", ")))"
        }.joined(separator: "; ")
        return KeyBinding(keys, s["app.switchModule"], help: s.format("app.switchModuleHelp", list, fKeys),
                          keyText: (n > 1 ? "1…\(n) " : "1 ") + fKeys)
    }

    func moduleTitle(_ m: AppModule) -> String { context.strings["module." + m.rawValue] }
    func groupTitle(_ g: ModuleGroup) -> String { context.strings["group." + g.rawValue] }

    // MARK: commands

    func applyCommands() {
        while !context.commands.isEmpty {
            let command = context.commands.removeFirst()
            switch command {
            case .push(let s): stacks[current, default: []].append(s)
            case .pop: closeTop()
            case .replaceTop(let s):
                if var stack = stacks[current], !stack.isEmpty { stack[stack.count - 1] = s; stacks[current] = stack }
            case .switchModule(let m): switchModule(m)
            case .overlay(let s): overlays.append(s)
            case .closeOverlay: if !overlays.isEmpty { overlays.removeLast() }
            case .openRecord(let m, let id):
                switchModule(m)
                if current == m, let opener = stacks[m]?.first as? RecordOpening {
                    stacks[m] = Array(stacks[m]?.prefix(1) ?? [])
                    opener.openRecord(id, context: context)
                }
            case .quit: if closeAllForQuit() { running = false }
            }
        }
    }

    // MARK: drawing

    public func draw() {
        lastFrame = render()
        terminal.draw(lastFrame)
    }

    /// Renders a whole frame.
    public func render() -> ScreenBuffer {
        let size = terminal.size
        var canvas = Canvas(width: size.width, height: size.height)
        if terminalTooSmall {
            let msg = context.strings.format("app.tooSmall", String(size.width), String(size.height))
            let lines = wrap(msg, width: max(10, size.width - 2))
            for (i, line) in lines.enumerated() {
                canvas.text(line, x: max(0, (size.width - SafeText.width(line)) / 2), y: max(0, size.height / 2 - 1) + i, style: Style(.warning, bold: true))
            }
            return canvas.buffer
        }
        drawTopBar(&canvas)
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        if let screen = topScreen {
            canvas.clipped(to: body) { c in screen.render(&c, in: body, context: context) }
        }
        for overlay in overlays {
            canvas.clipped(to: canvas.bounds) { c in overlay.render(&c, in: body, context: context) }
        }
        drawStatusBar(&canvas)
        return canvas.buffer
    }

    func drawStatusBar(_ canvas: inout Canvas) {
        let w = canvas.size.width, y = canvas.size.height - 1
        canvas.fill(Rect(x: 0, y: y, width: w, height: 1), style: Style(.status))
        let s = context.session
        let user = " \(s.login) (\(s.role.displayName)) "
        var x = canvas.text(user, x: 0, y: y, style: Style(.status, bold: true)) + 1
        if let timer = timerBar?.text(context) { x = canvas.text(timer + " ", x: x, y: y, style: Style(.statusOk, bold: true)) + 1 }
        let right = " ? \(context.strings["key.help"])  : \(context.strings["key.palette"]) "
        let rightX = w - SafeText.width(right)
        if let msg = context.status {
            let role: StyleRole = msg.kind == .error ? .statusError : (msg.kind == .ok ? .statusOk : .status)
            // A message too long for the bar loses whole words at its end, never half a word.
            let room = max(0, rightX - x - 1)
            canvas.text(SafeText.truncateAtWord(" " + msg.text + " ", to: room), x: x, y: y,
                        style: Style(role, bold: msg.kind == .error), maxWidth: room)
        } else {
            let bindings = overlays.last?.bindings ?? topScreen?.bindings ?? []
            for b in bindings where b.hint {
                let hint = "\(b.keyLabel) \(b.label)  "
                if x + SafeText.width(hint) >= rightX { break }
                x = canvas.text(b.keyLabel, x: x, y: y, style: Style(.status, bold: true))
                x = canvas.text(" \(b.label)  ", x: x, y: y, style: Style(.status))
            }
        }
        canvas.text(right, x: rightX, y: y, style: Style(.status))
    }
}

/// Word-wraps `text` to lines of at most `width` cells; a word longer than a line is cut.
func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
        var word = String(word)
        while SafeText.width(word) > width {
            if !line.isEmpty { lines.append(line); line = "" }
            lines.append(String(word.prefix(width)))
            word = String(word.dropFirst(width))
        }
        let candidate = line.isEmpty ? word : line + " " + word
        if SafeText.width(candidate) > width, !line.isEmpty { lines.append(line); line = word } else { line = candidate }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
