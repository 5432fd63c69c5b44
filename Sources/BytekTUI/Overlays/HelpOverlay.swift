/// The help overlay (`?`): the key bindings of the current screen and the global ones, in two
/// sections, generated from the same `KeyBinding` lists the status bar uses, so help never drifts
/// from the keys. Scrolls with ↑/↓/j/k, PgUp/PgDn, Home/End or the wheel when taller than the
/// window; Esc, `?` or `q` closes it.
@MainActor
public final class HelpOverlay: Screen {
    public let title: String
    public let screenBindings: [KeyBinding]
    public let globalBindings: [KeyBinding]
    /// First content line shown.
    public private(set) var scroll = 0
    private var pageSize = 10
    private var lineCount = 0
    private var strings = Strings(language: .es)

    public init(title: String, screenBindings: [KeyBinding], globalBindings: [KeyBinding]) {
        self.title = title
        self.screenBindings = screenBindings
        self.globalBindings = globalBindings
    }

    public var capturesText: Bool { true }

    public var bindings: [KeyBinding] {
        [
            KeyBinding([.up, .down, .pageUp, .pageDown], strings["widget.scroll"]),
            KeyBinding([.escape, .char("?")], strings["widget.close"]),
        ]
    }

    public func handle(_ event: Event, context: AppContext) -> HandleResult {
        strings = context.strings
        switch event {
        case .key(let key):
            switch key {
            case .escape, .char("?"), .char("q"), .f(1): context.dismiss()
            case .up, .char("k"): scroll(by: -1)
            case .down, .char("j"): scroll(by: 1)
            case .pageUp: scroll(by: -pageSize)
            case .pageDown, .char(" "): scroll(by: pageSize)
            case .home, .char("g"): scroll = 0
            case .end, .char("G"): scroll(by: lineCount)
            default: break
            }
            return .handled
        case .mouse(let m):
            if m.button == .wheelUp { scroll(by: -3) } else if m.button == .wheelDown { scroll(by: 3) }
            return .handled
        default:
            return .ignored
        }
    }

    private func scroll(by delta: Int) {
        scroll = min(max(0, scroll + delta), max(0, lineCount - pageSize))
    }

    private enum Line {
        case heading(String)
        case note(String)
        /// A key label (empty on continuation rows) and a piece of its help text.
        case binding(key: String, text: String)
    }

    /// The content laid out for `width` cells: long help texts wrap under their text column, and a
    /// key label wider than `keyWidth` gets a row of its own.
    private func lines(width: Int, keyWidth: Int) -> [Line] {
        let textRoom = max(10, width - keyWidth - 4)
        var out: [Line] = [.heading(strings["help.screen"])]
        func add(_ bindings: [KeyBinding]) {
            for b in bindings {
                let key = b.keyLabel
                var parts = OverlayFrame.wrap(SafeText.sanitize(b.help), width: textRoom)
                if SafeText.width(key) > keyWidth {
                    out.append(.binding(key: key, text: ""))
                } else {
                    out.append(.binding(key: key, text: parts.first ?? ""))
                    parts = Array(parts.dropFirst())
                }
                for p in parts { out.append(.binding(key: "", text: p)) }
            }
        }
        if screenBindings.isEmpty { out.append(.note(strings["help.noKeys"])) }
        add(screenBindings)
        if !globalBindings.isEmpty {
            out.append(.note(""))
            out.append(.heading(strings["help.global"]))
            add(globalBindings)
        }
        return out
    }

    public func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        strings = context.strings
        let all = screenBindings + globalBindings
        let keyWidth = min(16, all.map { SafeText.width($0.keyLabel) }.max() ?? 4)
        let widest = all.map { SafeText.width($0.help) }.max() ?? 20
        let wanted = max(keyWidth + 4 + widest, SafeText.width(title) + 4, SafeText.width(strings["help.close"]),
                         SafeText.width(strings["help.screen"]), SafeText.width(strings["help.global"]))
        let boxWidth = min(wanted + 4, rect.width - 4, 100)
        let inner = boxWidth - 4
        let content = lines(width: inner, keyWidth: keyWidth)
        let box = OverlayFrame.centered(in: rect, width: boxWidth, height: content.count + 4)
        OverlayFrame.draw(&canvas, box, title: title)
        lineCount = content.count
        pageSize = max(1, box.height - 4)
        scroll = min(scroll, max(0, lineCount - pageSize))
        let keyX = box.x + 4, textX = box.x + 4 + keyWidth + 2
        for row in 0..<pageSize {
            let i = scroll + row
            guard i < content.count else { break }
            let y = box.y + 1 + row
            switch content[i] {
            case .heading(let text):
                canvas.text(text, x: box.x + 2, y: y, style: Style(.title, bold: true), maxWidth: inner)
            case .note(let text):
                canvas.text(text, x: box.x + 2, y: y, style: Style(.dim), maxWidth: inner)
            case .binding(let key, let text):
                canvas.text(key, x: keyX, y: y, style: Style(.accent, bold: true), maxWidth: box.maxX - 2 - keyX)
                if !text.isEmpty {
                    canvas.text(text, x: textX, y: y, style: Style(.overlay), maxWidth: max(0, box.maxX - 2 - textX))
                }
            }
        }
        let footerY = box.maxY - 2
        canvas.text(strings["help.close"], x: box.x + 2, y: footerY, style: Style(.dim), maxWidth: inner)
        if lineCount > pageSize {
            let more = (scroll > 0 ? "▲" : " ") + (scroll + pageSize < lineCount ? "▼" : " ")
            canvas.text(more, x: box.maxX - 4, y: footerY, style: Style(.accent))
        }
    }
}
