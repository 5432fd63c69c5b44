import BytekModel
import Foundation

/// `bytek bench`: matching a bank statement of 2,000 lines (a third naming the customer's RUC, a third a
/// document, a third only an amount) against 20,000 open receivables of 3,000 customers — budget 1 s.
enum StatementMatchBenchmark {
    static func figure() -> DocumentBenchmarks.Figure {
        var open: [Receivable] = []
        open.reserveCapacity(20_000)
        for i in 0..<20_000 {
            let c = i % 3000
            let cents = Int64(10_000 + (i % 5000) * 100 + i % 100)
            open.append(Receivable(id: Int64(i + 1), documentId: Int64(i + 1), documentID: "F001-\(i + 1)", documentKind: .factura,
                                   customerId: Int64(c), customerName: "Cliente \(c) Servicios S.A.C.",
                                   customerDocNumber: String(20_100_000_000 + c), unit: nil, part: .neto, installment: 0,
                                   amount: Money(minorUnits: cents, .pen), settled: .zero(.pen),
                                   issueDate: LocalDate("2026-11-01")!, dueDate: LocalDate("2026-11-30")!))
        }
        var lines: [BankStatementLine] = []
        for i in 0..<2000 {
            let cents = Int64(10_000 + ((i * 13) % 5000) * 100 + i % 100)
            let text = i % 3 == 0 ? "TRANSF \(20_100_000_000 + (i * 7) % 3000)" : i % 3 == 1 ? "DEP F001-\(i * 9 + 1)" : "ABONO VARIOS"
            lines.append(BankStatementLine(fileLine: i + 2, date: LocalDate("2026-12-02")!, description: text,
                                           amount: Money(minorUnits: cents, .pen), operationNumber: "", key: "h:\(i)"))
        }
        let started = Date()
        let suggestions = StatementMatcher(open: open).match(lines)
        let ms = Date().timeIntervalSince(started) * 1000
        let found = suggestions.compactMap { $0 }.count
        return ("conciliación: 2,000 líneas × 20,000 por cobrar (\(found) sugerencias)", String(format: "%.0f ms", ms), "≤ 1 s", ms <= 1000)
    }
}
