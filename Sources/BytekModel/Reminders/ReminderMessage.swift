import Foundation

/// A reminder's text filled in for a customer: the placeholders' values, the e-mail (subject, body) of an
/// e-mail level, the ordered parameters of a WhatsApp level, and the e-mail a WhatsApp message falls back to.
public struct ReminderMessage: Sendable, Hashable {
    public var values: [ReminderPlaceholder: String]
    /// The WhatsApp form of `{documentos}` (one line: WhatsApp refuses line breaks in a parameter).
    public var documentsInline: String

    /// The values for `receivables` (one customer's, open) on `today`; `payLink` is the portal's pay page.
    public init(customerName: String, receivables: [Receivable], today: LocalDate, payLink: String) {
        let sorted = receivables.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
        let earliest = sorted.first?.dueDate ?? today
        var v: [ReminderPlaceholder: String] = [:]
        v[.cliente] = customerName
        v[.documentos] = Self.table(sorted)
        v[.total] = Self.total(sorted)
        v[.vencimiento] = Self.date(earliest)
        v[.dias_vencido] = String(max(0, earliest.days(until: today)))
        v[.enlace_pago] = payLink
        values = v
        documentsInline = sorted.map { r in r.installment > 0 ? "\(r.documentID) (cuota \(r.installment))" : r.documentID }
            .joined(separator: ", ")
    }

    /// `text` with every placeholder replaced.
    public func fill(_ text: String) -> String {
        var out = text
        for p in ReminderPlaceholder.allCases { out = out.replacingOccurrences(of: p.token, with: values[p] ?? "") }
        return out
    }

    /// The parameters of a WhatsApp template, in its order (one line each, as WhatsApp requires).
    public func parameters(_ template: WhatsAppReminderTemplate) -> [String] {
        template.parameters.map { p in
            if p == .documentos { return documentsInline }
            return (values[p] ?? "").split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        }
    }

    /// The e-mail sent when a WhatsApp reminder fails (or the customer has no WhatsApp number).
    public static let fallback = EmailReminderTemplate(
        subject: "Recordatorio de pago — {cliente}",
        body: """
        Estimados {cliente}:

        Les recordamos los siguientes documentos pendientes de pago:

        {documentos}

        Total pendiente: {total}
        Pueden pagar en línea en {enlace_pago}

        Atentamente,
        Cobranzas — BYTEK S.A.C.S.
        """)

    /// dd/mm/aaaa.
    public static func date(_ d: LocalDate) -> String {
        pad(d.day) + "/" + pad(d.month) + "/" + String(d.year)
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// What is owed per currency, soles first: "S/ 1,180.00 + US$ 50.00".
    static func total(_ receivables: [Receivable]) -> String {
        var sums: [Currency: Money] = [:]
        for r in receivables { sums[r.currency] = (sums[r.currency] ?? .zero(r.currency)) + r.balance }
        return Currency.allCases.compactMap { sums[$0]?.formatted }.joined(separator: " + ")
    }

    /// The documents as a plain-text table (monospace in the e-mail).
    static func table(_ receivables: [Receivable]) -> String {
        let header = ["Documento", "Cuota", "Vence", "Saldo"]
        let rows = receivables.map { r in
            [r.documentID, r.installment > 0 ? String(r.installment) : "—", date(r.dueDate), r.balance.formatted]
        }
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let padding = String(repeating: " ", count: widths[i] - c.count)
                return i == cells.count - 1 ? padding + c : c + padding
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
