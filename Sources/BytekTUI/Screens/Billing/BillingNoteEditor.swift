import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The form of a credit or debit note on one accepted document: the reason (catálogo 09 or 10), the
/// sustento and the amount. A credit note without an amount copies every line of the original (anulación,
/// devolución total); with one, it credits that value (a partial devolución or a discount), never more than
/// the original's. A debit note always states its amount (intereses, penalidades). Ctrl-S numbers, signs and
/// queues the note.
@MainActor
final class BillingNoteEditor: RecordEditor {
    let kind: DocumentKind
    let original: EDocumentRecord
    private let service: InvoiceService
    private let text: BillingText
    /// Called with the issued note (to select it in the list).
    var onIssued: (EDocumentRecord) -> Void = { _ in }

    init(kind: DocumentKind, original: EDocumentRecord, service: InvoiceService, text: BillingText) {
        self.kind = kind; self.original = original; self.service = service; self.text = text
    }

    var formName: String { "billing.note." + kind.code }
    var recordKey: String { String(original.id) }
    var title: String { text.s.format("billing.note.title", text.kind(kind), original.documentID) }

    static func reasons(_ kind: DocumentKind) -> [NoteReason] {
        kind == .notaCredito ? CreditNoteReason.allCases.map(NoteReason.credit) : DebitNoteReason.allCases.map(NoteReason.debit)
    }

    func makeFields() -> [FormField] {
        let s = text.s
        let options = Self.reasons(kind).map { FormOption($0.code, text.reason($0)) }
        return [
            .section(s.format("billing.note.copies", original.documentID, original.customerName, original.total.formatted)),
            .choice("reason", s["billing.field.reason"], options: options),
            .text("sustento", s["billing.field.sustento"], required: true, hint: s["billing.note.sustentoHint"]),
            .money("amount", s["billing.field.noteAmount"], required: kind == .notaDebito,
                  hint: s[kind == .notaDebito ? "billing.note.amountHint.debit" : "billing.note.amountHint.credit"]),
        ]
    }

    /// "¿Emitir Nota de crédito FC01-3 sobre F001-12 por S/ 50.00? Se enviará a SUNAT." — asked once the
    /// typed values are valid (`save` reports the problems otherwise).
    func confirmation(_ values: [String: String]) -> String? {
        guard case .success(let input) = parsed(values),
              let doc = try? service.noteDocument(originalID: original.id, kind: kind, reason: input.reason,
                                                  description: input.sustento, amount: input.amount)
        else { return nil }
        let total = (try? doc.amounts().total.formatted) ?? ""
        return text.s.format("billing.confirmIssueNote", text.kind(kind), service.nextDocumentID(doc), original.documentID, total)
    }

    /// The typed reason, description and amount, or the problems by field.
    private func parsed(_ values: [String: String]) -> Result<(reason: NoteReason, sustento: String, amount: Decimal?), BillingFormErrors> {
        let sustento = (values["sustento"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !sustento.isEmpty else { return .failure(BillingFormErrors(byField: ["sustento": text.s["form.required"]])) }
        guard let reason = Self.reasons(kind).first(where: { $0.code == values["reason"] }) else {
            return .failure(BillingFormErrors(byField: ["reason": text.s["form.required"]]))
        }
        let amountText = (values["amount"] ?? "").trimmingCharacters(in: .whitespaces)
        var amount: Decimal?
        if !amountText.isEmpty || kind == .notaDebito {
            guard let a = try? Money.parse(amountText, currency: original.currency).amount, a > 0 else {
                return .failure(BillingFormErrors(byField: ["amount": text.s["billing.err.noteAmount"]]))
            }
            if kind == .notaCredito && a > original.taxable.amount {
                return .failure(BillingFormErrors(byField: ["amount": text.s.format("billing.err.noteAmountTooHigh", original.taxable.formatted)]))
            }
            amount = a
        }
        return .success((reason, sustento, amount))
    }

    func save(_ values: [String: String]) -> SaveOutcome {
        let input: (reason: NoteReason, sustento: String, amount: Decimal?)
        switch parsed(values) {
        case .failure(let e): return .invalid(e.byField)
        case .success(let typed): input = typed
        }
        do {
            let note = try service.issueNote(originalID: original.id, kind: kind, reason: input.reason,
                                             description: input.sustento, amount: input.amount)
            onIssued(note)
            return .saved(text.s.format("billing.issued", text.kind(note.kind), note.documentID, note.total.formatted,
                                        text.status(note.status)))
        } catch {
            return .failed(text.describe(error), field: nil)
        }
    }
}
