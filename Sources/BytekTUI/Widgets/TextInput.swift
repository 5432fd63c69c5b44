/// A one-line text editor. It edits whole grapheme clusters (Characters), so "Ñ", "é" written
/// decomposed, or an emoji are one step of the cursor and are never cut in half. When the text is
/// wider than its field it scrolls horizontally to keep the cursor visible.
///
/// Keys: printable characters insert (or overwrite after Insert), Backspace, Delete (Supr),
/// ←/→, Home/End, Ctrl-A/Ctrl-E (start/end), Ctrl-U clears, Ctrl-W deletes the word before the cursor,
/// Ctrl-K deletes to the end.
public struct TextInput: Sendable, Equatable {
    private var chars: [Character]
    /// The cursor, in characters from the start: 0...text.count.
    public private(set) var cursor: Int
    /// When true, typing replaces the character under the cursor (toggled by Insert).
    public var overwrite = false
    /// Shown dim when the text is empty and the field not focused.
    public var placeholder: String
    /// The most characters accepted; nil for no limit.
    public var maxLength: Int?
    /// Only characters passing this test are typed in (e.g. digits for amounts); nil accepts all printable.
    public var allowed: (@Sendable (Character) -> Bool)?
    /// The first character shown (horizontal scroll), kept by `render`.
    public private(set) var offset = 0
    /// The whole text is taken as selected: the first character typed replaces it (a number field
    /// entered with its default "0" becomes "45" when the user types 45, not "045"). Any other
    /// editing or cursor key keeps the text and clears this.
    public var replacesOnType = false

    public init(_ text: String = "", placeholder: String = "", maxLength: Int? = nil) {
        chars = Array(text)
        cursor = chars.count
        self.placeholder = placeholder
        self.maxLength = maxLength
    }

    public static func == (a: TextInput, b: TextInput) -> Bool {
        a.chars == b.chars && a.cursor == b.cursor && a.overwrite == b.overwrite && a.offset == b.offset
            && a.placeholder == b.placeholder && a.maxLength == b.maxLength
    }

    /// The text. Setting it puts the cursor at the end.
    public var text: String {
        get { String(chars) }
        set {
            chars = Array(newValue)
            if let maxLength, chars.count > maxLength { chars = Array(chars.prefix(maxLength)) }
            cursor = chars.count
            offset = 0
        }
    }

    public var isEmpty: Bool { chars.isEmpty }

    /// Moves the cursor (clamped to the text).
    public mutating func moveCursor(to position: Int) { cursor = min(max(0, position), chars.count) }

    /// Applies an editing key. Returns true when the key was used (even if nothing changed,
    /// e.g. ← at the start), false for keys that are not for a text field (↑, Tab, Enter, Esc…).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        let replacing = replacesOnType
        replacesOnType = false
        switch key {
        case .char(let c):
            // A character the field refuses (a letter in an amount) leaves the value selected.
            guard accepts(c) else { replacesOnType = replacing; return true }
            if replacing { chars.removeAll(); cursor = 0; offset = 0 }
            insert(c)
        case .backspace, .ctrl("h"):
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = chars.count
        case .ctrl("u"):
            chars.removeAll(); cursor = 0; offset = 0
        case .ctrl("k"):
            chars.removeSubrange(cursor...)
        case .ctrl("w"):
            deleteWordBackward()
        case .insert:
            overwrite.toggle()
        default:
            replacesOnType = replacing
            return false
        }
        return true
    }

    /// Whether typing `c` would enter it (not a control character, and allowed by the field).
    public func accepts(_ c: Character) -> Bool {
        // Control characters never enter a field (a pasted ESC would otherwise end up in the database).
        guard !c.unicodeScalars.contains(where: { SafeText.isControl($0) }) else { return false }
        return allowed?(c) ?? true
    }

    private mutating func insert(_ c: Character) {
        guard accepts(c) else { return }
        if overwrite, cursor < chars.count {
            chars[cursor] = c
            cursor += 1
            return
        }
        if let maxLength, chars.count >= maxLength { return }
        chars.insert(c, at: cursor)
        cursor += 1
    }

    /// Deletes back over spaces, then over the word (letters, digits; or a run of punctuation).
    private mutating func deleteWordBackward() {
        var i = cursor
        while i > 0, chars[i - 1].isWhitespace { i -= 1 }
        if i > 0 {
            let wordy = { (c: Character) in c.isLetter || c.isNumber }
            let kind = wordy(chars[i - 1])
            while i > 0, !chars[i - 1].isWhitespace, wordy(chars[i - 1]) == kind { i -= 1 }
        }
        chars.removeSubrange(i..<cursor)
        cursor = i
    }

    /// Draws the field on the first row of `rect`, padded to its width. Focused: the `.inputFocused`
    /// role and the cursor cell in `.input` bold underlined, so it shows in every theme (also monochrome).
    /// Unfocused: `.input`, or the placeholder in `.placeholder` when empty.
    public mutating func render(_ canvas: inout Canvas, in rect: Rect, focused: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        let width = rect.width
        let fieldStyle = Style(focused ? .inputFocused : .input)
        canvas.fill(Rect(x: rect.x, y: rect.y, width: width, height: 1), style: fieldStyle)
        if chars.isEmpty, !focused, !placeholder.isEmpty {
            canvas.text(placeholder, x: rect.x, y: rect.y, style: Style(.placeholder), maxWidth: width)
            return
        }
        scrollToCursor(width: width)
        var x = rect.x
        if offset > 0 {
            canvas.put("…", x: x, y: rect.y, style: Style(focused ? .inputFocused : .dim))
            x += 1
        }
        var i = offset
        while i < chars.count {
            let shown = SafeText.sanitize(String(chars[i]))
            let w = SafeText.width(shown)
            if x + w > rect.x + width { break }
            // A value the next digit replaces shows as selected, so the user knows typing replaces it.
            let style = focused && replacesOnType ? Style(.selected)
                : focused && i == cursor ? Style(.input, bold: true, underline: true) : fieldStyle
            x = canvas.text(shown, x: x, y: rect.y, style: style)
            i += 1
        }
        if focused, cursor == chars.count {
            canvas.put(" ", x: min(x, rect.x + width - 1), y: rect.y, style: Style(.input, bold: true, underline: true))
        }
    }

    /// Adjusts `offset` so the cursor cell fits in `width` cells. When scrolled, the first cell
    /// shows "…", so only `width - 1` cells hold text.
    mutating func scrollToCursor(width: Int) {
        func span(_ from: Int, _ to: Int) -> Int {
            var w = 0
            for k in from..<to { w += SafeText.width(chars[k]) }
            return w
        }
        func room(_ start: Int) -> Int { start > 0 ? width - 1 : width }
        let cursorWidth = cursor < chars.count ? SafeText.width(chars[cursor]) : 1
        if cursor < offset { offset = cursor }
        while offset < cursor, span(offset, cursor) + cursorWidth > room(offset) { offset += 1 }
        // Spare room at the right (after deleting near the end): show more text on the left.
        while offset > 0, span(offset - 1, chars.count) + 1 <= room(offset - 1) { offset -= 1 }
    }
}
