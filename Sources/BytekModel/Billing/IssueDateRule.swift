import Foundation

/// Which issue dates a document may carry, judged on the calendar day in Lima (`LimaTime`) whatever
/// time zone the instant was written in:
/// - never a day after today (SUNAT: 2329 "La fecha de emision se encuentra fuera del limite
///   permitido", and for the RC/RA that carry them 2236 / 2301 "mayor a la fecha de envío");
/// - at most `pastDays` days before today, by kind (SUNAT: 2108 "Presentacion fuera de fecha");
/// - never before the last document already issued in the same series, so numbers stay in date order.
///
/// SUNAT's rule files (`ValidaExprRegFactura-2.0.1.xsl`, `ValidaExprRegBoleta-2.0.1.xsl`, lines
/// 148–169, in the block "Verificar con el flujo o con Java") check `cbc:IssueDate` against the
/// reception date with ERROR 2108 ("La diferencia entre la fecha de recepción del XML y el valor del
/// Tag UBL es mayor al límite del listado") and ERROR 2329 ("El valor del Tag UBL es mayor a dos días
/// de la fecha de envío"); the notes' files (`ValidaExprRegNC/ND-2.0.1.xsl`) inherit the same flow
/// check; `ValidaExprRegSummary-1.1.0.xsl` refuses an RC dated after today (2236) or before the
/// documents it carries (2671), `ValidaExprRegSummaryVoided-1.0.1.xsl` an RA after the day it is
/// sent (2301). The listed limit is 3 calendar days counted from the day after the issue date
/// (R.S. 000003-2023/SUNAT, for facturas and their notes); boletas and their notes, which travel in
/// the resumen diario, are held to the same 3 days (the stricter reading, so none is refused as late).
/// A document may therefore be dated today or up to 3 days back.
public enum IssueDateRule {
    /// Days back an issue date may lie, by kind (codes cited above).
    public static let pastDays: [DocumentKind: Int] = [
        .factura: 3,        // 2108 (factura), 2329 for the future
        .boleta: 3,         // 2108 (boleta), sent in the RC: 2236 / 2671
        .notaCredito: 3,    // 2108 through the referenced kind's flow
        .notaDebito: 3,     // 2108 through the referenced kind's flow
    ]

    /// Checks `issueDate` for a document of `kind` issued `today` (both Lima days) in a series whose
    /// last issued document is dated `lastInSeries`.
    public static func check(_ issueDate: LocalDate, kind: DocumentKind, today: LocalDate,
                             lastInSeries: LocalDate? = nil, series: String = "") throws(IssueDateError) {
        guard issueDate <= today else { throw .future(issueDate: issueDate, today: today) }
        let days = pastDays[kind] ?? 3
        let first = today.adding(days: -days)
        guard issueDate >= first else { throw .tooOld(issueDate: issueDate, firstAllowed: first, days: days) }
        if let last = lastInSeries, issueDate < last {
            throw .beforeLastInSeries(issueDate: issueDate, last: last, series: series)
        }
    }
}

/// Why an issue date is refused (see `IssueDateRule`).
public enum IssueDateError: Error, Sendable, Hashable {
    case future(issueDate: LocalDate, today: LocalDate)
    case tooOld(issueDate: LocalDate, firstAllowed: LocalDate, days: Int)
    case beforeLastInSeries(issueDate: LocalDate, last: LocalDate, series: String)

    /// One Spanish sentence with the date and what is allowed. Never empty.
    public var message: String {
        switch self {
        case .future(let d, let today):
            return "La fecha de emisión \(Self.show(d)) es posterior a hoy (\(Self.show(today)) en Lima): "
                + "no se emiten comprobantes con fecha futura."
        case .tooOld(let d, let first, let days):
            return "La fecha de emisión \(Self.show(d)) es demasiado antigua: SUNAT recibe el comprobante hasta "
                + "\(days) días después de emitido (error 2108); use una fecha desde el \(Self.show(first))."
        case .beforeLastInSeries(let d, let last, let series):
            return "La fecha de emisión \(Self.show(d)) es anterior a la del último comprobante de la serie "
                + "\(series) (\(Self.show(last))): los números de una serie van en orden de fecha."
        }
    }

    static func show(_ d: LocalDate) -> String {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return pad(d.day) + "/" + pad(d.month) + "/" + String(d.year)
    }
}
