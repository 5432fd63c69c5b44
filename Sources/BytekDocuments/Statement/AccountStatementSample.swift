import BytekModel
import Foundation

/// A realistic estado de cuenta with any number of lines (soles, and a few dollar ones), for the
/// benchmark, the tests and previews. Balances run exactly: each line's balance is the previous one
/// plus its charge minus its credit.
public enum AccountStatementSample {
    public static func statement(lineCount: Int) -> AccountStatement {
        let start = LocalDate(year: 2026, month: 1, day: 2)!
        let pen = section(.pen, count: lineCount - lineCount / 5, start: start, opening: Money(minorUnits: 1_250_00, .pen))
        let usd = section(.usd, count: lineCount / 5, start: start, opening: .zero(.usd))
        return AccountStatement(customerName: "Compañía Minera Peñasco Azul S.A.A.", customerDocNumber: "RUC 20512345678",
                                from: start, to: LocalDate(year: 2026, month: 11, day: 30)!,
                                asOf: LocalDate(year: 2026, month: 12, day: 3)!,
                                sections: [pen, usd].filter { !$0.lines.isEmpty }, credits: [Money(minorUnits: 35_50, .pen)])
    }

    static func section(_ currency: Currency, count: Int, start: LocalDate, opening: Money) -> AccountStatement.Section {
        var balance = opening
        var lines: [AccountStatement.Line] = []
        var invoice = 1_200
        var payment = 40
        for i in 0..<count {
            let day = start.adding(days: i * 330 / max(1, count))
            if i % 3 == 2 {
                payment += 1
                let amount = Money(minorUnits: Int64(1_500_00 + (i % 7) * 123_45), currency)
                balance -= amount
                lines.append(AccountStatement.Line(date: day, reference: "Pago \(String(format: "%06d", payment))",
                                                   description: i % 2 == 0 ? "Transferencia BCP op. 88\(1000 + i)" : "Depósito Interbank op. 55\(2000 + i)",
                                                   credit: amount, balance: balance))
            } else {
                invoice += 1
                let amount = Money(minorUnits: Int64(1_180_00 + (i % 11) * 236_18), currency)
                balance += amount
                lines.append(AccountStatement.Line(date: day, reference: "F001-\(invoice)",
                                                   description: i % 4 == 0 ? "Mantenimiento preventivo mensual de red y servidores" : "Factura, cuota \(i % 3 + 1)",
                                                   dueDate: day.adding(days: 30), charge: amount, balance: balance))
            }
        }
        var aging: [AgingBucket: Money] = [:]
        let open = balance.amount > 0 ? balance : .zero(currency)
        aging[.upTo30] = Money(open.amount * Decimal(string: "0.5")!, currency).rounded()
        aging[.upTo60] = Money(open.amount * Decimal(string: "0.25")!, currency).rounded()
        aging[.upTo90] = .zero(currency)
        aging[.over90] = open - aging[.upTo30]! - aging[.upTo60]!
        return AccountStatement.Section(currency: currency, opening: opening, lines: lines, closing: balance, aging: aging)
    }
}

extension AccountStatementPDF {
    /// Renders a 200-line sample statement to the temp folder and returns the wall time in
    /// milliseconds, for `bytek bench` (budget: 300 ms). -1 when it failed.
    public static func benchmark200Lines() -> Double {
        let statement = AccountStatementSample.statement(lineCount: 200)
        return PDFTiming.milliseconds("estado") { try render(statement, company: QuoteSample.company, to: $0) }
    }
}
