/// The CSV files for the accountant: the period's documents, and the differences with SUNAT's proposal.
public enum SalesRegisterCSV {
    public static let documentHeader = [
        "fecha", "tipo", "serie", "numero", "estado", "tipo_doc_cliente", "doc_cliente", "cliente", "moneda",
        "tipo_cambio", "exportacion", "base_imponible", "exonerado", "inafecto", "igv", "total", "doc_modificado",
    ]

    /// One row per document, with the same signed amounts as the replacement file.
    public static func documents(_ lines: [RVIELine], statuses: [RVIEKey: String] = [:]) -> [UInt8] {
        CSVWriter().encode(header: documentHeader, rows: documentRows(lines, statuses: statuses))
    }

    public static func documentRows(_ lines: [RVIELine], statuses: [RVIEKey: String] = [:]) -> [[String]] {
        lines.map { l -> [String] in
            let a = l.amounts
            let modified = l.modified.map { $0.type + " " + $0.series + "-" + $0.number } ?? ""
            return [l.issueDate.description, l.type, l.series, String(l.number),
                    statuses[l.key] ?? (l.voided ? "anulado" : "aceptado"), l.customerDocType, l.customerDocNumber,
                    l.customerName, l.currency.rawValue, l.exchangeRate.map(RVIELine.rate) ?? "", a.export.plainAmount,
                    a.taxable.plainAmount, a.exonerado.plainAmount, a.inafecto.plainAmount, a.igv.plainAmount,
                    a.total.plainAmount, modified]
        }
    }

    public static let differenceHeader = ["tipo_diferencia", "documento", "campo", "bytek", "sunat"]

    /// One row per difference.
    public static func differences(_ c: RVIEComparison) -> [UInt8] {
        CSVWriter().encode(header: differenceHeader, rows: differenceRows(c))
    }

    public static func differenceRows(_ c: RVIEComparison) -> [[String]] {
        c.differences.map { [$0.kind.label, $0.documentID, $0.field, $0.ours, $0.sunat] }
    }
}
