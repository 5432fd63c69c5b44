import Foundation

/// One line of a project's figures as every front shows them: a label, the amount, what it is measured
/// against, and how full its bar is (nil: no bar).
public struct ProfitabilityRow: Sendable, Hashable {
    public var label: String
    public var value: String
    public var note: String
    /// 0... (above 1 means over: the bar is drawn full and the note says by how much).
    public var fraction: Decimal?
    /// A loss or a project over its hours: fronts show it in the danger colour.
    public var danger: Bool

    public init(label: String, value: String, note: String = "", fraction: Decimal? = nil, danger: Bool = false) {
        self.label = label; self.value = value; self.note = note; self.fraction = fraction; self.danger = danger
    }
}

extension ProjectProfitability {
    /// The figures in the order the project screen, its tab and `bytek rentabilidad PROYECTO` show them.
    public var rows: [ProfitabilityRow] {
        func m(_ c: Int64) -> String { money(c).formatted }
        func of(_ part: Int64, _ whole: Int64) -> Decimal? { whole > 0 ? Decimal(part) / Decimal(whole) : nil }
        func pct(_ p: Decimal?, _ what: String) -> String { p.map { "\(ProfitabilityCSV.pct($0)) % \(what)" } ?? "" }
        let soldNote = soldCents > 0 ? "" : "sin monto vendido"
        var out = [
            ProfitabilityRow(label: "Vendido", value: m(soldCents), note: soldNote, fraction: soldCents > 0 ? 1 : nil),
            ProfitabilityRow(label: "Facturado", value: m(invoicedCents),
                             note: pct(ProjectProfitability.percent(invoicedCents, of: soldCents), "de lo vendido"),
                             fraction: of(invoicedCents, soldCents)),
            ProfitabilityRow(label: "Cobrado", value: m(collectedCents),
                             note: pct(ProjectProfitability.percent(collectedCents, of: soldCents), "de lo vendido"),
                             fraction: of(collectedCents, soldCents)),
            ProfitabilityRow(label: "Costo de horas", value: m(hoursCostCents),
                             note: "\(ProfitabilityCSV.hours(approvedMinutes)) h aprobadas"),
            ProfitabilityRow(label: "Otros costos", value: m(otherCostsCents)),
        ]
        let base = invoicedCents > 0 ? invoicedCents : soldCents
        let baseName = invoicedCents > 0 ? "de lo facturado" : "de lo vendido"
        out.append(ProfitabilityRow(label: "Costo total", value: m(totalCostCents),
                                    note: pct(ProjectProfitability.percent(totalCostCents, of: base), baseName),
                                    fraction: of(totalCostCents, base), danger: base > 0 && totalCostCents > base))
        out.append(ProfitabilityRow(label: "Margen s/ facturado", value: m(marginOnInvoicedCents),
                                    note: marginOnInvoicedPercent.map { "\(ProfitabilityCSV.pct($0)) %" } ?? "nada facturado aún",
                                    danger: marginOnInvoicedCents < 0))
        out.append(ProfitabilityRow(label: "Margen s/ vendido", value: m(marginOnSoldCents),
                                    note: marginOnSoldPercent.map { "\(ProfitabilityCSV.pct($0)) %" } ?? "",
                                    danger: marginOnSoldCents < 0))
        out.append(ProfitabilityRow(label: "Horas usadas", value: "\(ProfitabilityCSV.hours(usedMinutes)) h",
                                    note: quotedMinutes > 0 ? "de \(ProfitabilityCSV.hours(quotedMinutes)) h cotizadas ("
                                        + ProfitabilityCSV.pct(burnPercent) + " %)" : "sin horas cotizadas",
                                    fraction: of(usedMinutes, quotedMinutes), danger: usedMinutes > quotedMinutes && quotedMinutes > 0))
        out.append(ProfitabilityRow(label: "Avance", value: progress.map { ProfitabilityCSV.pct($0 * 100) + " %" } ?? "sin datos",
                                    fraction: progress))
        if let f = forecast {
            out.append(ProfitabilityRow(label: "Horas al terminar", value: "\(ProfitabilityCSV.hours(f.minutesAtCompletion)) h",
                                        note: quotedMinutes > 0 ? pct(ProjectProfitability.percent(f.minutesAtCompletion, of: quotedMinutes), "de lo cotizado") : "",
                                        fraction: of(f.minutesAtCompletion, quotedMinutes),
                                        danger: quotedMinutes > 0 && f.minutesAtCompletion > quotedMinutes))
            out.append(ProfitabilityRow(label: "Costo al terminar", value: m(f.costAtCompletionCents),
                                        note: pct(ProjectProfitability.percent(f.costAtCompletionCents, of: soldCents), "de lo vendido"),
                                        fraction: of(f.costAtCompletionCents, soldCents), danger: f.marginCents < 0))
            out.append(ProfitabilityRow(label: "Margen pronosticado", value: m(f.marginCents),
                                        note: f.marginPercent.map { "\(ProfitabilityCSV.pct($0)) %" } ?? "", danger: f.marginCents < 0))
        } else {
            out.append(ProfitabilityRow(label: "Pronóstico", value: "sin datos", note: "aún no hay avance"))
        }
        return out
    }
}

/// Bars of block characters with eighths of a cell: `ProfitabilityBar.text(0.5, width: 8)` = "████    ".
public enum ProfitabilityBar {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `width` cells (padded with spaces), full above 1, empty for nil or ≤ 0.
    public static func text(_ fraction: Decimal?, width: Int) -> String {
        guard width > 0 else { return "" }
        guard let fraction, fraction > 0 else { return String(repeating: " ", count: width) }
        let f = min(fraction, 1)
        var scaled = f * Decimal(width * 8), r = Decimal()
        NSDecimalRound(&r, &scaled, 0, .plain)
        let units = max(1, Int(truncating: r as NSDecimalNumber))
        let full = units / 8, rest = units % 8
        var s = String(repeating: "█", count: full)
        if rest > 0 { s.append(eighths[rest - 1]) }
        return s + String(repeating: " ", count: max(0, width - s.count))
    }
}
