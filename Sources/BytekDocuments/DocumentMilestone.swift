import BytekModel
import Foundation

/// One payment milestone (hito) as printed in a quote's payment terms and a contract.
public struct DocumentMilestone: Sendable, Hashable {
    public var name: String
    public var percent: Decimal
    public var amount: Money
    /// When it is due or what must be approved ("A la aprobación del diseño").
    public var condition: String

    public init(name: String, percent: Decimal, amount: Money, condition: String = "") {
        self.name = name
        self.percent = percent
        self.amount = amount
        self.condition = condition
    }

    /// The milestones table: #, hito, condición, %, importe; with a total row.
    static func table(_ milestones: [DocumentMilestone], currency: Currency) -> PDFTable {
        var rows = milestones.enumerated().map { i, m in
            PDFTableRow.cells([String(i + 1), m.name, m.condition, DocumentFormat.percent(m.percent), m.amount.formatted])
        }
        let total = milestones.reduce(Money.zero(currency)) { $0.currency == $1.amount.currency ? $0 + $1.amount : $0 }
        let percent = milestones.reduce(Decimal(0)) { $0 + $1.percent }
        rows.append(.summary("Total (\(DocumentFormat.percent(percent)))", total.formatted))
        return PDFTable(
            columns: [
                PDFTableColumn("#", width: .fixed(20), alignment: .right),
                PDFTableColumn("Hito", width: .flexible(1.2)),
                PDFTableColumn("Condición", width: .flexible(1.5)),
                PDFTableColumn("%", width: .fixed(42), alignment: .right),
                PDFTableColumn("Importe", width: .fixed(82), alignment: .right),
            ], rows: rows)
    }
}
