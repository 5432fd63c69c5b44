import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Everything the detail of one document shows (read through `InvoiceService.detail`), laid out for
/// the pane beside the list and the full screen.
struct BillingDetail {
    /// The head of the stored document (payment form, detracción, note reference).
    typealias DocumentHead = InvoiceHead

    var record: EDocumentRecord
    var document: DocumentHead?
    var amounts: EDocumentAmounts?
    var lines: [EDocumentLineRecord]

    /// Document `id` as `service` lets the session's user read it; nil when it cannot be read.
    static func load(_ id: Int64, service: InvoiceService) -> BillingDetail? {
        guard let d = try? service.detail(id: id) else { return nil }
        return BillingDetail(record: d.record, document: d.head, amounts: d.amounts, lines: d.lines)
    }

    /// The detail as label/value lines and titled sections, for `DetailPane` and the full screen.
    /// `maxLines` formats only the first document lines (a pane beside the list shows a few dozen
    /// at most), with a last line that says how many more the full screen (Enter) shows.
    func pane(_ t: BillingText, maxLines: Int? = nil) -> DetailPane {
        let s = t.s
        let r = record
        var lines: [(label: String, value: String)] = [
            (s["billing.field.kind"], t.kind(r.kind)),
            (s["billing.field.date"], BillingText.date(r.issueDate)),
            (s["billing.field.customer"], r.customerName),
            (s["billing.field.document"], t.customerDocument(type: r.customerDocType, number: r.customerDocNumber)),
            (s["billing.field.currency"], r.currency.rawValue),
            (s["billing.field.taxable"], r.taxable.formatted),
            (s["billing.field.igv"], r.igv.formatted),
            (s["billing.field.total"], r.total.formatted),
        ]
        let words = amounts?.words ?? AmountInWords.legend(r.total)
        if !words.isEmpty { lines.append((s["billing.field.words"], words)) }
        if let doc = document {
            switch doc.paymentForm {
            case .contado: lines.append((s["billing.field.payment"], s["billing.pay.cash"]))
            case .credito(let cuotas):
                lines.append((s["billing.field.payment"], s.format("billing.pay.credit", String(cuotas.count))))
            }
            if let d = doc.detraccion {
                let amount = amounts?.detraccionPEN?.formatted ?? "—"
                lines.append((s["billing.field.detraccion"],
                              s.format("billing.detraccion.value", d.code, QuoteText.decimal(d.ratePercent), amount, d.account)))
            }
            if let n = doc.note {
                lines.append((s["billing.field.reference"], t.kind(n.reference.kind) + " " + n.reference.id))
                lines.append((s["billing.field.reason"], t.reason(n.reason)))
                lines.append((s["billing.field.sustento"], n.description))
            }
        }
        if let q = r.quoteNumber, !q.isEmpty { lines.append((s["billing.field.quote"], q)) }
        lines.append((s["billing.field.status"], t.status(r.status) + (r.responseCode.map { " (" + s["billing.code"] + " " + $0 + ")" } ?? "")))
        if let d = r.responseDescription, !d.isEmpty { lines.append((s["billing.field.answer"], d)) }
        if let e = r.lastError, !e.isEmpty { lines.append((s["billing.field.lastError"], e)) }
        if let reason = r.voidReason {
            let state = r.status == .anulado ? s["billing.void.done"] : s["billing.void.pending"]
            lines.append((s["billing.field.void"], state + ": " + reason))
        }
        if let e = r.voidError, !e.isEmpty { lines.append((s["billing.field.voidError"], e)) }
        lines.append((s["billing.field.attempts"], String(r.attempts)))
        if let tk = r.ticket, !tk.isEmpty { lines.append((s["billing.field.ticket"], tk)) }
        lines.append((s["billing.field.hash"], r.digestValue))
        lines.append((s["billing.field.file"], r.fileName))

        var sections: [(title: String, lines: [String])] = []
        if !r.observations.isEmpty { sections.append((s["billing.section.observations"], r.observations)) }
        if case .credito(let cuotas)? = document?.paymentForm, !cuotas.isEmpty {
            sections.append((s["billing.section.cuotas"], cuotas.enumerated().map { i, c in
                "\(i + 1). " + QuoteText.date(c.dueDate) + "  " + Money(c.amount, r.currency).formatted
            }))
        }
        let shown = maxLines.map { Array(self.lines.prefix($0)) } ?? self.lines
        var lineTexts = shown.map { l in
            "\(l.position). \(l.description) — \(l.quantity) \(l.unit) × \(l.unitPrice) = \(l.lineValue.formatted)"
                + (l.igv.isZero ? "" : " + IGV \(l.igv.formatted)")
        }
        if shown.count < self.lines.count {
            lineTexts.append(s.format("billing.moreLines", String(self.lines.count - shown.count)))
        }
        sections.append((s["billing.section.lines"], lineTexts))
        return DetailPane(title: t.kindShort(r.kind) + " " + r.documentID, lines: lines, sections: sections)
    }
}
