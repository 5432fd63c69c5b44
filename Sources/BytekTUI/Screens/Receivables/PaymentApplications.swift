import BytekModel
import Foundation

/// The open receivables of the payment form and what the payment applies to each: filled by a
/// suggestion, then toggled (Space) or typed (digits) by the user, which makes it `manual` (a new
/// amount no longer replaces it, Ctrl-R does).
@MainActor
final class PaymentApplications {
    /// Oldest due first.
    let rows: [Receivable]
    private(set) var amounts: [Int64: Money] = [:]
    private(set) var cursor = 0
    private(set) var rule: PaymentSuggestion.Rule?
    var manual = false
    /// Increases on every change (the form keeps its draft on it).
    private(set) var revision = 0
    /// The amount being typed on the selected row, if any.
    private(set) var typing: TextInput?

    init(open: [Receivable]) {
        rows = open.filter { $0.isOpen && $0.part == .neto }
            .sorted { ($0.dueDate, $0.installment, $0.id) < ($1.dueDate, $1.installment, $1.id) }
    }

    /// The applications with an amount, in row order.
    var applied: [PaymentApplication] {
        rows.compactMap { r in amounts[r.id].flatMap { $0.amount > 0 ? PaymentApplication(receivableId: r.id, amount: $0) : nil } }
    }

    /// What is applied per currency.
    var appliedTotals: [Money] {
        Currency.allCases.compactMap { c in
            let list = applied.map(\.amount).filter { $0.currency == c }
            return list.isEmpty ? nil : list.reduce(.zero(c), +)
        }
    }

    /// Rows whose typed amount is not a figure within the limits.
    private(set) var unreadable: Set<Int64> = []

    /// The first document whose typed amount cannot be read, if any.
    var unreadableDocument: String? { rows.first { unreadable.contains($0.id) }?.documentID }

    /// The first document whose application exceeds its balance ("F001-12"), if any.
    var overApplied: String? {
        rows.first { r in amounts[r.id].map { r.balance < $0 } ?? false }?.documentID
    }

    func isApplied(_ i: Int) -> Bool { (amounts[rows[i].id]?.amount ?? 0) > 0 }

    func apply(_ s: PaymentSuggestion) {
        unreadable = []
        amounts = Dictionary(s.applications.map { ($0.receivableId, $0.amount) }, uniquingKeysWith: { a, _ in a })
        rule = s.rule
        typing = nil
        revision += 1
    }

    func clear() {
        guard !amounts.isEmpty || rule != nil else { return }
        amounts = [:]; unreadable = []; rule = nil; typing = nil; revision += 1
    }

    func move(_ delta: Int) {
        guard !rows.isEmpty else { return }
        cursor = min(max(0, cursor + delta), rows.count - 1)
        typing = nil
    }

    /// Space: takes the selected receivable out, or applies to it what is left of the payment (its
    /// whole balance at most; the whole balance when nothing is left to tell).
    func toggle(left: (Receivable) -> Money?) {
        guard rows.indices.contains(cursor) else { return }
        let r = rows[cursor]
        unreadable.remove(r.id)
        if isApplied(cursor) {
            amounts[r.id] = nil
        } else {
            let free = left(r).map { $0.amount > 0 ? $0 : .zero(r.currency) } ?? r.balance
            amounts[r.id] = r.balance < free ? r.balance : free
        }
        typing = nil
        manual = true
        revision += 1
    }

    /// Digits, separators and Backspace type the selected row's amount.
    func edit(_ key: Key) {
        guard rows.indices.contains(cursor) else { return }
        let r = rows[cursor]
        var input: TextInput
        if let typing {
            input = typing
        } else {
            input = TextInput(key == .backspace ? (amounts[r.id]?.plainAmount ?? "") : "", maxLength: 24)
            input.allowed = { c in c.isASCII && (c.isNumber || c == "." || c == ",") }
        }
        guard input.handle(key) else { return }
        typing = input
        unreadable.remove(r.id)
        if input.text.isEmpty {
            amounts[r.id] = nil
        } else if let m = try? Money.parse(input.text, currency: r.currency), (try? AmountLimits.checkAmount(m.amount, field: .amount)) != nil {
            amounts[r.id] = m
        } else {
            // Beyond the limits or not a figure: the row shows what was typed and applies nothing.
            amounts[r.id] = .zero(r.currency)
            unreadable.insert(r.id)
        }
        manual = true
        revision += 1
    }

    /// One row as shown: "[x] F001-12  Neto  1  15/11/2026  PEN  1,180.00  1,180.00".
    func text(row i: Int, editing: Bool, today: LocalDate, strings: Strings) -> String {
        let r = rows[i]
        let appliedText: String
        if editing, let typing { appliedText = typing.text + "▏" } else { appliedText = amounts[r.id].map { $0.amount > 0 ? $0.formattedAmount : "" } ?? "" }
        return Self.line([isApplied(i) ? "[x]" : "[ ]", r.documentID, strings["cob.part." + r.part.rawValue],
                          r.installment == 0 ? "" : String(r.installment), ReceivablesText.date(r.dueDate), r.currency.rawValue,
                          r.balance.formattedAmount, appliedText])
    }

    /// Cells laid out in the list's fixed columns.
    static func line(_ cells: [String]) -> String {
        let widths = [3, 13, 10, 5, 10, 3, 16, 18]
        let right: Set<Int> = [3, 6, 7]
        return zip(cells, widths).enumerated().map { i, cw in
            SafeText.fit(cw.0, cw.1, alignRight: right.contains(i))
        }.joined(separator: " ")
    }

    /// "12=1180.00;15=20.00" for the draft.
    var encoded: String {
        rows.compactMap { r in amounts[r.id].map { "\(r.id)=\($0.plainAmount)" } }.joined(separator: ";")
    }

    func restore(_ text: String, manual: Bool) {
        amounts = [:]
        for pair in text.split(separator: ";") {
            let p = pair.split(separator: "=")
            guard p.count == 2, let id = Int64(p[0]), let r = rows.first(where: { $0.id == id }),
                  let m = try? Money.parse(String(p[1]), currency: r.currency) else { continue }
            amounts[id] = m
        }
        self.manual = manual
        rule = nil
        revision += 1
    }
}
