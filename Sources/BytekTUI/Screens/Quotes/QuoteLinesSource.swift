import BytekModel
import BytekStore

/// The builder's lines as table rows, formatted only when the table asks for them (the visible
/// window), so a 500-line quote costs a keystroke the rows on screen, not all of them.
/// Row ids are line positions from 1.
@MainActor
final class QuoteLinesSource: RowSource {
    var lines: [QuoteLine] = []
    var figures: [QuoteLineFigures] = []
    var showsCost = false
    private let text: QuoteText

    init(strings: Strings) { text = QuoteText(strings) }

    static func columns(_ s: Strings, showsCost: Bool) -> [TableColumn] {
        var c = [
            TableColumn(s["quotes.col.kind"], width: 5),
            TableColumn(s["quotes.col.description"], weight: 1, minWidth: 20),
            .amount(s["quotes.col.quantity"], width: 5),
            .amount(s["quotes.col.unitPrice"], width: 10),
            .amount(s["quotes.col.discount"], width: 6),
            TableColumn(s["quotes.col.tax"], width: 3),
            .amount(s["quotes.col.amount"], width: 10),
            .amount(s["quotes.col.monthly"], width: 9),
            .amount(s["quotes.col.yearly"], width: 9),
        ]
        if showsCost {
            c += [.amount(s["quotes.col.cost"], width: 9),
                  .amount(s["quotes.col.margin"], width: 9)]
        }
        return c
    }

    func row(_ i: Int) -> TableRow {
        let line = lines[i]
        let f = figures.indices.contains(i) ? figures[i] : nil
        var quantity = QuoteText.decimal(line.quantity)
        if line.kind == .service, line.rateBasis == .hour { quantity += "h" }
        var discount = ""
        switch line.discount {
        case .none: discount = ""
        case .percent(let p): discount = p.isZero ? "" : QuoteText.decimal(p) + "%"
        case .amount(let a): discount = a.isZero ? "" : Money(a, line.unitPrice.currency).formattedAmount
        }
        var description = line.description
        if line.kind == .subscription, let p = line.period { description += " (" + text.period(p) + ")" }
        var price = line.unitPrice.formattedAmount
        if line.unitPrice.currency != (f?.tax.currency ?? line.unitPrice.currency) { price = line.unitPrice.formatted }
        var cells = [
            text.kind(line.kind), description, quantity, price, discount, text.tax(line.taxCategory),
            f?.tax.base.formattedAmount ?? "—",
            f?.recurring?.monthly.formattedAmount ?? "", f?.recurring?.yearly.formattedAmount ?? "",
        ]
        if showsCost {
            cells += [f.map { $0.costCents == 0 && line.unitCost == nil ? "—" : $0.cost.formattedAmount } ?? "—",
                      f?.margin.formattedAmount ?? "—"]
        }
        return TableRow(id: Int64(i + 1), cells: cells, cursor: [.int(Int64(i))])
    }

    func count() -> Int { lines.count }
    func first(_ limit: Int) -> [TableRow] { (0..<min(limit, lines.count)).map(row) }
    func last(_ limit: Int) -> [TableRow] { (max(0, lines.count - limit)..<lines.count).map(row) }
    func after(_ r: TableRow, _ limit: Int) -> [TableRow] {
        let start = Int(r.id)
        guard start < lines.count else { return [] }
        return (start..<min(lines.count, start + limit)).map(row)
    }
    func before(_ r: TableRow, _ limit: Int) -> [TableRow] {
        let end = min(lines.count, Int(r.id) - 1)
        guard end > 0 else { return [] }
        return (max(0, end - limit)..<end).map(row)
    }
    func position(of r: TableRow) -> Int? { Int(r.id) - 1 < lines.count ? Int(r.id) - 1 : nil }
}
