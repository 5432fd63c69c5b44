/// Draws a record's details as "label: value" lines in a box, wrapping long values.
/// Only what fits is laid out: a document of 1,000 lines costs a frame the lines on screen.
struct DetailPane {
    var title: String
    var lines: [(label: String, value: String)]
    var sections: [(title: String, lines: [String])] = []
    /// A line drawn first in the danger style ("SUNAT: BAJA DE OFICIO / NO HABIDO"), when there is one.
    var warning: (label: String, value: String)? = nil

    func render(_ canvas: inout Canvas, in rect: Rect) {
        canvas.box(rect, title: title)
        let inner = rect.inset(1)
        var y = inner.y
        let all = (warning.map { [$0] } ?? []) + lines
        let labelWidth = min(15, (all.map { SafeText.width($0.label) }.max() ?? 0)) + 1
        for (i, line) in all.enumerated() where y < inner.maxY {
            let danger = i == 0 && warning != nil
            canvas.text(SafeText.fit(SafeText.truncateAtWord(line.label, to: labelWidth - 1), labelWidth - 1),
                        x: inner.x + 1, y: y, style: Style(danger ? .danger : .label))
            let valueWidth = inner.width - labelWidth - 2
            for part in wrap(line.value.isEmpty ? "—" : line.value, width: max(4, valueWidth)) where y < inner.maxY {
                canvas.text(part, x: inner.x + 1 + labelWidth, y: y, style: danger ? Style(.danger) : .normal, maxWidth: valueWidth)
                y += 1
            }
        }
        for section in sections where y + 1 < inner.maxY {
            y += 1
            canvas.text(section.title, x: inner.x + 1, y: y, style: Style(.header))
            y += 1
            for l in section.lines {
                guard y < inner.maxY else { break }
                for part in wrap(l, width: max(4, inner.width - 2)) where y < inner.maxY {
                    canvas.text(part, x: inner.x + 1, y: y, maxWidth: inner.width - 2)
                    y += 1
                }
            }
        }
    }
}
