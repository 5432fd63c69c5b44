import BytekModel
import Foundation

/// The form of a detracción deposit (its constancia: number, date, amount, into the Banco de la Nación
/// account) or of a retention receipt (comprobante de retención: number, date, amount) on the selected
/// part of a document. The amount starts as the part's balance.
@MainActor
final class SettlementEditor: RecordEditor {
    let desk: CobranzasDesk
    let receivable: Receivable
    let strings: Strings
    var onSaved: () -> Void = {}

    init(desk: CobranzasDesk, receivable: Receivable, strings: Strings) {
        self.desk = desk; self.receivable = receivable; self.strings = strings
    }

    private var isDeposit: Bool { receivable.part == .detraccion }
    private var key: String { isDeposit ? "cob.deposit" : "cob.retention" }

    var formName: String { isDeposit ? "cobranzas.deposit" : "cobranzas.retention" }
    var recordKey: String { String(receivable.id) }
    var title: String { strings.format(key + ".title", receivable.documentID, receivable.customerName) }

    func makeFields() -> [FormField] {
        [
            .section(strings.format("cob.settle.owed", strings["cob.part." + receivable.part.rawValue], receivable.balance.formatted)),
            .text("number", strings[key + ".number"], required: true, width: 20, maxLength: 20),
            .text("date", strings["cob.pay.date"], value: ReceivablesText.date(desk.today), required: true, width: 12, maxLength: 10),
            .money("amount", strings["cob.pay.amount"], value: receivable.balance.plainAmount, required: true, width: 24),
        ]
    }

    func save(_ values: [String: String]) -> SaveOutcome {
        var errors: [String: String] = [:]
        let number = (values["number"] ?? "").trimmingCharacters(in: .whitespaces)
        if number.isEmpty { errors["number"] = strings["form.required"] }
        let date = ReceivablesText.parseDate(values["date"] ?? "")
        if date == nil { errors["date"] = strings["cob.err.date"] }
        var amount: Money?
        switch ReceivablesText.amount(values["amount"] ?? "", receivable.currency, strings: strings) {
        case .success(let m):
            if receivable.balance < m { errors["amount"] = strings.format("cob.err.settleOver", receivable.balance.formatted) }
            else { amount = m }
        case .failure(let e):
            errors["amount"] = e.message
        }
        guard errors.isEmpty, let date, let amount else { return .invalid(errors) }
        let input = SettlementInput(receivableId: receivable.id, documentID: receivable.documentID, number: number, date: date, amount: amount)
        do {
            if isDeposit { try desk.recordDetraccionDeposit(input) } else { try desk.recordRetention(input) }
            onSaved()
            return .saved(strings.format(key + ".saved", number, amount.formatted, receivable.documentID))
        } catch {
            return .failed(desk.describe(error), field: nil)
        }
    }
}
