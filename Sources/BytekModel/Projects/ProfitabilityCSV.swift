import Foundation

/// The list of projects by margin as CSV (`CSVWriter`: UTF-8 with BOM, formulas defused in text cells).
/// Amounts are plain (`1234.50`) in each project's currency (its own column); hours in decimal hours; an
/// empty cell where there is no figure ("sin datos").
public enum ProfitabilityCSV {
    public static let header = [
        "codigo", "proyecto", "cliente", "responsable", "estado", "moneda", "vendido", "facturado", "cobrado",
        "costo_horas", "otros_costos", "costo_total", "margen_facturado", "margen_facturado_pct", "margen_vendido",
        "margen_vendido_pct", "horas_cotizadas", "horas_usadas", "consumo_pct", "avance_pct", "horas_al_terminar",
        "costo_al_terminar", "margen_pronosticado", "margen_pronosticado_pct", "problema",
    ]

    public static func encode(_ lines: [ProfitabilityLine]) -> [UInt8] {
        CSVWriter().encode(header: header, rows: lines.map(row))
    }

    public static func row(_ line: ProfitabilityLine) -> [String] {
        let h = line.header
        var cells = [h.code, h.name, h.customerName, h.manager, h.status.displayName]
        guard let f = line.figures else {
            return cells + Array(repeating: "", count: header.count - cells.count - 1) + [line.problem?.description ?? ""]
        }
        func m(_ c: Int64) -> String { f.money(c).plainAmount }
        cells += [f.currency.rawValue, m(f.soldCents), m(f.invoicedCents), m(f.collectedCents), m(f.hoursCostCents),
                  m(f.otherCostsCents), m(f.totalCostCents), m(f.marginOnInvoicedCents), pct(f.marginOnInvoicedPercent),
                  m(f.marginOnSoldCents), pct(f.marginOnSoldPercent), hours(f.quotedMinutes), hours(f.usedMinutes),
                  pct(f.burnPercent), pct(f.progress.map { $0 * 100 })]
        if let fc = f.forecast {
            cells += [hours(fc.minutesAtCompletion), m(fc.costAtCompletionCents), m(fc.marginCents), pct(fc.marginPercent)]
        } else {
            cells += ["", "", "", ""]
        }
        return cells + [""]
    }

    /// "12.5" (one decimal), "" for nil.
    public static func pct(_ v: Decimal?) -> String {
        guard var v else { return "" }
        v *= 10
        var r = Decimal()
        NSDecimalRound(&r, &v, 0, .plain)
        guard let tenths = Int64(r.description) else { return "" }
        return (tenths < 0 ? "-" : "") + "\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// Minutes as decimal hours with two decimals: 90 → "1.50".
    public static func hours(_ minutes: Int64) -> String {
        Money(Decimal(minutes) / 60, .pen).plainAmount
    }
}
