import BytekModel
import BytekStore
import Foundation

/// The weighted forecast (Σ value × stage probability of open deals, by month of expected close
/// and unit) in soles, as a table and as horizontal bars drawn with eighth blocks (▏…█).
@MainActor
final class ForecastScreen: Screen {
    let services: SalesServices
    private(set) var entries: [ForecastEntry] = []
    private var s: Strings { services.strings }

    init(services: SalesServices) {
        self.services = services
        load()
    }

    var title: String { s["sales.forecast.title"] }
    var bindings: [KeyBinding] { [KeyBinding([.escape], s["app.back"])] }

    private func load() {
        entries = ((try? services.sales.forecast(currency: .pen, penPerUSD: services.penPerUSD)) ?? nil) ?? []
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if case .key(.escape) = event { context.pop(); return .handled }
        return .ignored
    }

    func reload(context: AppContext) { load() }

    /// "nov 2026".
    func monthLabel(_ m: YearMonth) -> String {
        let names = s["sales.months"].split(separator: " ").map(String.init)
        return (names.indices.contains(m.month - 1) ? names[m.month - 1] : String(m.month)) + " " + String(m.year)
    }

    /// A bar of `value`/`max` of `width` cells, to the eighth of a cell.
    static func bar(_ value: Decimal, max: Decimal, width: Int) -> String {
        guard max > 0, width > 0, value > 0 else { return "" }
        let eighths = NSDecimalNumber(decimal: value * Decimal(width * 8) / max).intValue
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        var y = rect.y
        var note = s["sales.forecast.note"]
        if services.rateIsDefault { note += " " + s.format("sales.board.rateDefault", "\(services.penPerUSD)") }
        else if !services.rate.source.isEmpty { note += " (US$: " + services.rate.source + ")" }
        let x = canvas.text(" " + title + " ", x: rect.x, y: y, style: Style(.title, bold: true))
        canvas.text(note, x: x + 1, y: y, style: Style(.dim), maxWidth: rect.maxX - x - 2)
        y += 2
        guard !entries.isEmpty else {
            canvas.text(s["sales.forecast.empty"], x: rect.x + 2, y: y, style: Style(.dim))
            return
        }
        let months = Array(Set(entries.map(\.month))).sorted()
        let units = BusinessUnit.allCases
        let colW = 20, monthW = 10
        var cx = rect.x + 2
        canvas.text(s["sales.col.month"], x: cx, y: y, style: Style(.header, bold: true)); cx += monthW
        for u in units {
            let label = u.label
            canvas.text(label, x: cx + colW - SafeText.width(label), y: y, style: Style(.header, bold: true), maxWidth: colW)
            cx += colW
        }
        let totalLabel = s["sales.col.total"]
        canvas.text(totalLabel, x: cx + colW - SafeText.width(totalLabel), y: y, style: Style(.header, bold: true))
        y += 1
        var totals: [YearMonth: Decimal] = [:]
        var grand = Money.zero(.pen)
        for m in months where y < rect.maxY {
            cx = rect.x + 2
            canvas.text(monthLabel(m), x: cx, y: y); cx += monthW
            var sum = Money.zero(.pen)
            for u in units {
                let w = entries.first { $0.month == m && $0.unit == u }?.weighted ?? .zero(.pen)
                sum += w
                let t = w.isZero ? "—" : w.formatted
                canvas.text(t, x: cx + colW - SafeText.width(t), y: y, style: Style(w.isZero ? .dim : .normal)); cx += colW
            }
            totals[m] = sum.amount
            grand += sum
            canvas.text(sum.formatted, x: cx + colW - SafeText.width(sum.formatted), y: y, style: Style(.normal, bold: true))
            y += 1
        }
        if y < rect.maxY {
            let t = grand.formatted
            canvas.text(s["sales.col.total"], x: rect.x + 2, y: y, style: Style(.title, bold: true))
            canvas.text(t, x: rect.x + 2 + monthW + colW * 4 - SafeText.width(t), y: y, style: Style(.title, bold: true))
            y += 2
        }
        guard y < rect.maxY else { return }
        canvas.text(s["sales.forecast.chart"], x: rect.x + 2, y: y, style: Style(.title, bold: true))
        y += 1
        let maxValue = totals.values.max() ?? 0
        let barW = max(10, min(60, rect.width - monthW - 24))
        for m in months where y < rect.maxY {
            let value = totals[m] ?? 0
            canvas.text(monthLabel(m), x: rect.x + 2, y: y)
            let bar = ForecastScreen.bar(value, max: maxValue, width: barW)
            let end = canvas.text(bar, x: rect.x + 2 + monthW, y: y, style: Style(.accent))
            canvas.text(Money(value, .pen).formatted, x: end + 1, y: y, style: Style(.dim))
            y += 1
        }
    }
}
