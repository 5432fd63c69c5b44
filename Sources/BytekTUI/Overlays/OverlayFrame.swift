/// Drawing shared by the overlays: a centered box with a cleared interior in the `.overlay` role,
/// and word wrapping for their messages.
enum OverlayFrame {
    /// A `width`×`height` rect centered in `rect`, shrunk to fit it.
    static func centered(in rect: Rect, width: Int, height: Int) -> Rect {
        let w = min(width, rect.width), h = min(height, rect.height)
        return Rect(x: rect.x + (rect.width - w) / 2, y: rect.y + (rect.height - h) / 2, width: w, height: h)
    }

    /// Clears `box` (so nothing of the screen beneath shows through) and draws its border and title.
    static func draw(_ canvas: inout Canvas, _ box: Rect, title: String?) {
        canvas.fill(box, style: Style(.overlay))
        canvas.box(box, title: title, style: Style(.border), titleStyle: Style(.overlayTitle, bold: true))
    }

    /// A message's lines for a box `width` cells wide: each paragraph (a line of the message) made
    /// safe to show (control characters as placeholders) and wrapped.
    static func messageLines(_ message: String, width: Int) -> [String] {
        wrap(message.split(separator: "\n", omittingEmptySubsequences: false).map { SafeText.sanitize(String($0)) }
                .joined(separator: "\n"), width: width)
    }

    /// Splits `text` into lines of at most `width` cells, breaking at spaces (and inside words
    /// longer than a line). Explicit newlines are kept.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var w = String(word)
                while SafeText.width(w) > width {
                    if !line.isEmpty { out.append(line); line = ""; lineWidth = 0 }
                    var head = "", hw = 0
                    var rest = Substring(w)
                    while let c = rest.first, hw + SafeText.width(c) <= width { head.append(c); hw += SafeText.width(c); rest = rest.dropFirst() }
                    if head.isEmpty, let c = rest.first { head.append(c); rest = rest.dropFirst() }
                    out.append(head)
                    w = String(rest)
                }
                let ww = SafeText.width(w)
                if lineWidth == 0 {
                    line = w; lineWidth = ww
                } else if lineWidth + 1 + ww <= width {
                    line += " " + w; lineWidth += 1 + ww
                } else {
                    out.append(line); line = w; lineWidth = ww
                }
            }
            out.append(line)
        }
        return out
    }

    /// Draws `label` as a button "[ label ]" at (x, y); returns its rect.
    @discardableResult
    static func button(_ canvas: inout Canvas, _ label: String, x: Int, y: Int, focused: Bool, danger: Bool = false) -> Rect {
        let text = "[ " + label + " ]"
        let role: StyleRole = focused ? (danger ? .danger : .selected) : .overlay
        canvas.text(text, x: x, y: y, style: Style(role, bold: focused))
        return Rect(x: x, y: y, width: SafeText.width(text), height: 1)
    }
}
