import BytekModel

/// Labelled fields laid out vertically: a label column, then the field, then its error (in
/// `.error`, beside the field when there is room, else on the line below) or its hint.
///
/// Tab/Shift-Tab (wrapping) and ↓/↑ move between focusable fields; the other keys go to the
/// focused field. The form scrolls when taller than its rect, keeping the focused field (and the
/// section header just above it) in view. Ctrl-S, Esc and Enter are left to the screen, which
/// also validates and sets errors. `values` gets and sets everything by field id, which is what
/// drafts store; `isDirty` compares with the values given at creation or at the last `markClean()`.
@MainActor
public final class Form {
    public private(set) var fields: [FormField]
    /// When false, no field is drawn focused (e.g. while a dialog is over the form).
    public var isFocused = true
    /// Width of the label column; nil to fit the longest label (up to a third of the width).
    public var labelWidth: Int?
    /// Index in `fields` of the focused field.
    public private(set) var focusIndex: Int {
        didSet { if focusIndex != oldValue { armReplaceOnType() } }
    }
    /// Increases each time a value changes (by a key or by `values`/`setValue`): a screen compares it
    /// before and after `handle` to know when to save a draft.
    public private(set) var revision = 0
    public private(set) var initialValues: [String: String]
    /// First layout line shown.
    public private(set) var scrollTop = 0
    private var lastRows: [(y: Int, field: Int)] = []

    public init(fields: [FormField]) {
        self.fields = fields
        focusIndex = fields.firstIndex(where: \.isFocusable) ?? 0
        initialValues = [:]
        initialValues = values
        armReplaceOnType()
    }

    /// A number or amount field just focused takes its value as selected: the first digit typed
    /// replaces the default ("0", "1", "0.00") instead of being added to it.
    private func armReplaceOnType() {
        for i in fields.indices { fields[i].input.replacesOnType = false }
        guard fields.indices.contains(focusIndex) else { return }
        switch fields[focusIndex].kind {
        case .number, .money: fields[focusIndex].input.replacesOnType = !fields[focusIndex].input.isEmpty
        default: break
        }
    }

    // MARK: Values

    /// Every field's value by id (sections excluded). Setting it changes only the ids given.
    public var values: [String: String] {
        get {
            var out: [String: String] = [:]
            for f in fields where !f.isSection { out[f.id] = f.value }
            return out
        }
        set {
            var changed = false
            for i in fields.indices where !fields[i].isSection {
                guard let v = newValue[fields[i].id] else { continue }
                let old = fields[i].value
                fields[i].value = v
                if fields[i].value != old { changed = true }
            }
            if changed { revision += 1 }
        }
    }

    public func value(_ id: String) -> String? { fields.first { $0.id == id && !$0.isSection }?.value }

    public func setValue(_ value: String, for id: String) { values = [id: value] }

    /// The field with `id`, for reading its state.
    public func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    /// Changes a field in place (options, read-only flag, hint…).
    public func update(_ id: String, _ change: (inout FormField) -> Void) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        let old = fields[i].value
        change(&fields[i])
        if fields[i].value != old { revision += 1 }
        if focusIndex == i, !fields[i].isFocusable { focusNext(wrap: true) }
    }

    /// True when some value differs from the initial ones.
    public var isDirty: Bool { values != initialValues }

    /// Takes the current values as the new initial ones (after saving).
    public func markClean() { initialValues = values }

    // MARK: Errors

    public func setError(_ message: String?, for id: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[i].error = message
    }

    public func clearErrors() { for i in fields.indices { fields[i].error = nil } }

    /// The current error messages by field id.
    public var errors: [String: String] {
        var out: [String: String] = [:]
        for f in fields { if let e = f.error { out[f.id] = e } }
        return out
    }

    /// Labels of the fields with errors, in form order (for "Corrija los campos marcados: RUC, Correo").
    public var errorLabels: [String] { fields.filter { $0.error != nil }.map(\.label) }

    // MARK: Focus

    public var focusedField: String? { fields.indices.contains(focusIndex) ? fields[focusIndex].id : nil }

    /// Whether the focused field takes printable keys (the screen's `capturesText`).
    public var capturesText: Bool { fields.indices.contains(focusIndex) && fields[focusIndex].takesText }

    /// Focuses the field with `id` (e.g. the first field with an error). Ignored for sections or read-only fields.
    public func focus(_ id: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }), fields[i].isFocusable else { return }
        focusIndex = i
    }

    /// Focuses the first field that has an error; returns whether there was one.
    @discardableResult
    public func focusFirstError() -> Bool {
        guard let i = fields.firstIndex(where: { $0.error != nil && $0.isFocusable }) else { return false }
        focusIndex = i
        return true
    }

    public func focusNext(wrap: Bool = true) { step(1, wrap: wrap) }
    public func focusPrevious(wrap: Bool = true) { step(-1, wrap: wrap) }

    private func step(_ d: Int, wrap: Bool) {
        guard !fields.isEmpty else { return }
        var i = focusIndex
        for _ in 0..<fields.count {
            i += d
            if i < 0 || i >= fields.count {
                guard wrap else { return }
                i = (i + fields.count) % fields.count
            }
            if fields[i].isFocusable { focusIndex = i; return }
        }
    }

    // MARK: Events

    /// Moves focus or edits the focused field. Returns false for keys the form does not use
    /// (Enter, Esc, Ctrl-S, F-keys…), which are the screen's.
    public func handle(_ event: Event) -> Bool {
        switch event {
        case .key(let key): return handle(key)
        case .mouse(let m):
            guard m.button == .left, let row = lastRows.first(where: { $0.y == m.y }) else {
                // The view follows the focus, so the wheel moves the focus.
                if m.button == .wheelUp { focusPrevious(wrap: false); return true }
                if m.button == .wheelDown { focusNext(wrap: false); return true }
                return false
            }
            if fields[row.field].isFocusable { focusIndex = row.field }
            return true
        default:
            return false
        }
    }

    public func handle(_ key: Key) -> Bool {
        switch key {
        case .tab: focusNext(wrap: true); return true
        case .backTab: focusPrevious(wrap: true); return true
        case .down: focusNext(wrap: false); return true
        case .up: focusPrevious(wrap: false); return true
        default: break
        }
        guard fields.indices.contains(focusIndex), fields[focusIndex].isFocusable else { return false }
        let before = fields[focusIndex].value
        let used = edit(&fields[focusIndex], key)
        if fields[focusIndex].value != before { revision += 1 }
        return used
    }

    private func edit(_ f: inout FormField, _ key: Key) -> Bool {
        switch f.kind {
        case .text, .notes, .number, .money:
            return f.input.handle(key)
        case .choice(let options):
            guard !options.isEmpty else { return false }
            switch key {
            case .right, .char(" "), .char("l"): f.choiceIndex = (f.choiceIndex + 1) % options.count
            case .left, .char("h"): f.choiceIndex = (f.choiceIndex + options.count - 1) % options.count
            case .char(let c):
                // Typing a letter jumps to the next option starting with it.
                let target = TextFold.fold(String(c))
                let order = (1...options.count).map { (f.choiceIndex + $0) % options.count }
                guard let i = order.first(where: { TextFold.fold(options[$0].label).hasPrefix(target) }) else { return false }
                f.choiceIndex = i
            default: return false
            }
            return true
        case .checkbox:
            switch key {
            case .char(" "), .char("x"), .char("X"): f.checked.toggle(); return true
            default: return false
            }
        case .multi(let options):
            guard !options.isEmpty else { return false }
            switch key {
            case .left: f.optionCursor = max(0, f.optionCursor - 1)
            case .right: f.optionCursor = min(options.count - 1, f.optionCursor + 1)
            case .home: f.optionCursor = 0
            case .end: f.optionCursor = options.count - 1
            case .char(" "), .char("x"), .char("X"): toggle(&f, options[min(f.optionCursor, options.count - 1)].value)
            case .char(let c):
                guard let n = c.wholeNumberValue, n >= 1, n <= options.count else { return false }
                f.optionCursor = n - 1
                toggle(&f, options[n - 1].value)
            default: return false
            }
            return true
        case .section:
            return false
        }
    }

    private func toggle(_ f: inout FormField, _ value: String) {
        if f.chosen.contains(value) { f.chosen.remove(value) } else { f.chosen.insert(value) }
    }

    // MARK: Layout and render

    private struct Line {
        enum Kind { case blank, section, field, errorBelow }
        var kind: Kind
        var field: Int
    }

    private func geometry(_ rect: Rect) -> (labelW: Int, fieldX: Int) {
        let longest = fields.filter { !$0.isSection }.map { SafeText.width($0.label) + ($0.required ? 2 : 0) }.max() ?? 0
        let labelW = labelWidth ?? min(longest, max(8, rect.width / 3))
        return (labelW, rect.x + 2 + labelW + 2)
    }

    private func fieldWidth(_ f: FormField, room: Int) -> Int {
        switch f.kind {
        case .text, .notes, .number, .money: return max(1, min(f.width ?? 40, room))
        case .choice(let o): return min(room, (o.map { SafeText.width($0.label) }.max() ?? 0) + 4)
        case .checkbox: return 3
        case .multi(let o): return min(room, o.reduce(0) { $0 + SafeText.width($1.label) + 6 } - 2)
        case .section: return 0
        }
    }

    private func layout(_ rect: Rect) -> [Line] {
        let g = geometry(rect)
        var lines: [Line] = []
        for (i, f) in fields.enumerated() {
            if f.isSection {
                if !lines.isEmpty { lines.append(Line(kind: .blank, field: i)) }
                lines.append(Line(kind: .section, field: i))
                continue
            }
            lines.append(Line(kind: .field, field: i))
            if let e = f.error {
                let room = rect.maxX - 1 - g.fieldX
                let besideX = g.fieldX + fieldWidth(f, room: room) + 2
                if besideX + SafeText.width(e) + 2 > rect.maxX - 1 { lines.append(Line(kind: .errorBelow, field: i)) }
            }
        }
        return lines
    }

    /// Draws the form into `rect`, scrolling to keep the focused field visible.
    public func render(_ canvas: inout Canvas, in rect: Rect) {
        guard rect.width > 10, rect.height > 0 else { return }
        let lines = layout(rect)
        let g = geometry(rect)
        // Keep the focused field's lines, and a section header right above it, in view.
        if let first = lines.firstIndex(where: { $0.field == focusIndex && $0.kind == .field }) {
            let top = first > 0 && lines[first - 1].kind == .section ? first - 1 : first
            let last = lines.lastIndex(where: { $0.field == focusIndex }) ?? first
            if top < scrollTop { scrollTop = top }
            if last >= scrollTop + rect.height { scrollTop = last - rect.height + 1 }
        }
        scrollTop = min(max(0, scrollTop), max(0, lines.count - rect.height))
        lastRows = []
        for row in 0..<rect.height {
            let li = scrollTop + row
            guard li < lines.count else { break }
            let line = lines[li]
            let y = rect.y + row
            switch line.kind {
            case .blank: break
            case .section: renderSection(&canvas, fields[line.field], rect: rect, y: y)
            case .field:
                lastRows.append((y, line.field))
                renderField(&canvas, line.field, rect: rect, y: y, labelW: g.labelW, fieldX: g.fieldX)
            case .errorBelow:
                lastRows.append((y, line.field))
                let room = rect.maxX - 1 - g.fieldX
                canvas.text(SafeText.truncate("✗ " + (fields[line.field].error ?? ""), to: room), x: g.fieldX, y: y,
                            style: Style(.error))
            }
        }
        if scrollTop > 0 { canvas.put("▲", x: rect.maxX - 1, y: rect.y, style: Style(.accent)) }
        if scrollTop + rect.height < lines.count { canvas.put("▼", x: rect.maxX - 1, y: rect.maxY - 1, style: Style(.accent)) }
    }

    private func renderSection(_ canvas: inout Canvas, _ f: FormField, rect: Rect, y: Int) {
        let x = canvas.text("── " + f.label + " ", x: rect.x + 1, y: y, style: Style(.title, bold: true), maxWidth: rect.width - 3)
        canvas.hline(x: x, y: y, width: rect.maxX - 2 - x)
    }

    private func renderField(_ canvas: inout Canvas, _ i: Int, rect: Rect, y: Int, labelW: Int, fieldX: Int) {
        let focused = isFocused && i == focusIndex
        let f = fields[i]
        if focused { canvas.put("›", x: rect.x, y: y, style: Style(.accent, bold: true)) }
        let labelStyle = f.isReadOnly ? Style(.dim) : Style(focused ? .accent : .label, bold: true)
        let label = SafeText.truncate(SafeText.sanitize(f.label), to: labelW - (f.required ? 2 : 0))
        let lx = canvas.text(label, x: rect.x + 2, y: y, style: labelStyle)
        if f.required { canvas.text(" *", x: lx, y: y, style: Style(.accent)) }
        let room = rect.maxX - 1 - fieldX
        let w = fieldWidth(f, room: room)
        let fieldRect = Rect(x: fieldX, y: y, width: w, height: 1)
        let on = Style(.inputFocused), off = Style(f.isReadOnly ? .dim : .input)
        switch f.kind {
        case .text, .notes, .number, .money:
            if f.isReadOnly {
                canvas.text(SafeText.truncate(SafeText.sanitize(f.input.text), to: w), x: fieldX, y: y, style: off)
            } else {
                fields[i].input.render(&canvas, in: fieldRect, focused: focused)
            }
        case .choice(let options):
            let label = options.indices.contains(f.choiceIndex) ? options[f.choiceIndex].label : ""
            let inner = SafeText.fit(SafeText.sanitize(label), max(0, w - 4))
            canvas.text("◀ " + inner + " ▶", x: fieldX, y: y, style: focused ? on : off)
        case .checkbox:
            canvas.text(f.checked ? "[x]" : "[ ]", x: fieldX, y: y, style: focused ? on : Style(.normal))
        case .multi(let options):
            var x = fieldX
            for (k, o) in options.enumerated() {
                let box = (f.chosen.contains(o.value) ? "[x] " : "[ ] ") + SafeText.sanitize(o.label)
                let style = focused && k == f.optionCursor ? on : Style(f.isReadOnly ? .dim : .normal)
                let room = rect.maxX - 2 - x
                guard room > 1 else { break }
                x = canvas.text(SafeText.truncate(box, to: room), x: x, y: y, style: style)
                x += 2
            }
        case .section:
            break
        }
        let besideX = fieldX + w + 2
        if let e = f.error {
            if besideX + SafeText.width(e) + 2 <= rect.maxX - 1 {
                canvas.text("✗ " + e, x: besideX, y: y, style: Style(.error))
            }
        } else if let hint = f.hint {
            canvas.text(hint, x: besideX, y: y, style: Style(.dim), maxWidth: max(0, rect.maxX - 1 - besideX))
        }
    }
}
