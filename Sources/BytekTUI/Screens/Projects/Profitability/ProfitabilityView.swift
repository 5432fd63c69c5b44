import BytekModel
import Foundation

/// A project's figures drawn with block-character bars (▏▎▍▌▋▊▉█): sold, invoiced and collected against
/// sold; cost against invoiced; hours used against quoted; progress; the forecast at completion. Reusable:
/// the project screen's Rentabilidad tab and `ProfitabilityProjectScreen` draw it.
@MainActor
enum ProfitabilityView {
    /// Draws `line` in `rect` (one figure per line; what does not fit is left out, the bars shrink first).
    static func render(_ line: ProfitabilityLine, in rect: Rect, canvas: inout Canvas) {
        guard rect.height > 0, rect.width > 0 else { return }
        guard let f = line.figures else {
            _ = canvas.text(" " + (line.problem.map { ErrorText.sentence($0.description) } ?? "Sin datos"), x: rect.x,
                            y: rect.y, style: Style(.error, bold: true), maxWidth: rect.width)
            return
        }
        let labelWidth = 21, valueWidth = 18
        let rest = rect.width - labelWidth - valueWidth - 4
        let barWidth = max(0, min(32, rest / 2))
        for (i, row) in f.rows.enumerated() where i < rect.height {
            let y = rect.y + i
            var x = rect.x + 1
            _ = canvas.text(row.label, x: x, y: y, style: Style(.label), maxWidth: labelWidth - 1)
            x += labelWidth
            let value = String(repeating: " ", count: max(0, valueWidth - row.value.count)) + row.value
            _ = canvas.text(value, x: x, y: y, style: Style(row.danger ? .danger : .normal, bold: row.danger),
                            maxWidth: valueWidth)
            x += valueWidth + 2
            if barWidth > 0 {
                if row.fraction != nil {
                    let over = (row.fraction ?? 0) > 1
                    _ = canvas.text(ProfitabilityBar.text(row.fraction, width: barWidth), x: x, y: y,
                                    style: Style(row.danger || over ? .danger : .accent), maxWidth: barWidth)
                }
                x += barWidth + 1
            }
            if x < rect.maxX { _ = canvas.text(row.note, x: x, y: y, style: Style(.dim), maxWidth: rect.maxX - x) }
        }
    }
}
