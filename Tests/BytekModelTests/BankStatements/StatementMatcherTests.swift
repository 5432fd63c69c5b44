import Foundation
import Testing
@testable import BytekModel

/// The matcher by amount, document, RUC and name: its confidence and reason per line, no receivable given
/// to two lines, and 2,000 lines against 5,000 open receivables under a second even in a debug build under load (`bytek bench` measures 20,000).
@Suite struct StatementMatcherTests {
    static func receivable(_ id: Int64, _ doc: String, customer: Int64, _ name: String, _ ruc: String, _ amount: Decimal,
                           settled: Decimal = 0, due: String = "2026-11-30", _ currency: Currency = .pen) -> Receivable {
        Receivable(id: id, documentId: id, documentID: doc, documentKind: .factura, customerId: customer,
                   customerName: name, customerDocNumber: ruc, unit: nil, part: .neto, installment: 0,
                   amount: Money(amount, currency), settled: Money(settled, currency),
                   issueDate: LocalDate("2026-11-01")!, dueDate: LocalDate(due)!)
    }

    static func line(_ description: String, _ amount: Decimal, op: String = "", _ currency: Currency = .pen) -> BankStatementLine {
        BankStatementLine(fileLine: 2, date: LocalDate("2026-12-02")!, description: description, amount: Money(amount, currency),
                          operationNumber: op, key: op.isEmpty ? "h:" + description : "op:" + op)
    }

    static let open = [
        receivable(1, "F001-101", customer: 10, "Cliente A S.A.C.", "20100047218", 1180),
        receivable(2, "F001-102", customer: 10, "Cliente A S.A.C.", "20100047218", 590, due: "2026-12-15"),
        receivable(3, "F001-103", customer: 20, "Inversiones Andinas del Sur S.A.", "20131312955", 2360, settled: 1000),
        receivable(4, "F001-104", customer: 30, "Colegio San Martín E.I.R.L.", "20512345678", 354),
        receivable(5, "F001-105", customer: 40, "Clínica Los Olivos S.A.C.", "20600011122", 354),
        receivable(6, "F001-106", customer: 50, "Panadería Lucero", "10456789012", 99.9, .usd),
    ]

    @Test func eachLineGetsItsSuggestionConfidenceAndReason() {
        let m = StatementMatcher(open: Self.open, knownOperations: ["777"])
        let s = m.match([
            Self.line("TRANSF 20100047218 PAGO", 1180),               // RUC + exact amount
            Self.line("DEP F001-103 INVERSIONES", 1360),              // document + its balance
            Self.line("ABONO COLEGIO SAN MARTIN", 354),               // name + exact
            Self.line("ABONO EFECTIVO VENTANILLA", 354),              // amount only: one left (104 taken)
            Self.line("TRANSF 20100047218", 600),                     // customer, amount differs
            Self.line("INTERBANK 777", 50, op: "777"),                // already recorded
            Self.line("YAPE DESCONOCIDO", 12.34),                     // nothing
            Self.line("TRANSF CARGO", -30),                           // a charge: never matched
            Self.line("PANADERIA LUCERO", 99.9),                      // PEN line, USD receivable: no
        ])
        #expect(s[0]?.receivableIds == [1] && s[0]?.confidence == .alta && s[0]?.isExact == true)
        #expect(s[0]?.reason == "monto exacto de F001-101; RUC 20100047218 en la descripción")
        #expect(s[1]?.receivableIds == [3] && s[1]?.confidence == .alta)
        #expect(s[1]?.reason == "monto exacto de F001-103, citado en la descripción")
        #expect(s[2]?.receivableIds == [4] && s[2]?.confidence == .alta && s[2]?.customerId == 30)
        #expect(s[2]?.reason == "monto exacto de F001-104; nombre del cliente en la descripción")
        #expect(s[3]?.receivableIds == [5] && s[3]?.confidence == .media && s[3]?.isExact == false)
        #expect(s[3]?.reason == "solo el monto coincide (F001-105, Clínica Los Olivos S.A.C.)")
        #expect(s[4]?.receivableIds == [2] && s[4]?.confidence == .baja)
        #expect(s[5]?.alreadyRecorded == true && s[5]?.isExact == false && s[5]?.receivableIds == [])
        #expect(s[6] == nil && s[7] == nil && s[8] == nil)
    }

    @Test func aPaymentOfSeveralOldestFirstAndAmbiguousAmounts() {
        let m = StatementMatcher(open: Self.open)
        let both = m.match([Self.line("PAGO 20100047218 FACTURAS", 1770)])
        #expect(both[0]?.receivableIds == [1, 2] && both[0]?.confidence == .alta)
        #expect(both[0]?.reason == "monto exacto de las 2 más antiguas; RUC 20100047218 en la descripción")
        let twice = m.match([Self.line("DEPOSITO", 354)])
        #expect(twice[0]?.receivableIds == [4] && twice[0]?.confidence == .baja)
        #expect(twice[0]?.reason == "2 cuentas por cobrar con el mismo monto; la más antigua es F001-104")
        // One céntimo off is not the amount.
        #expect(m.match([Self.line("DEPOSITO", 353.99)])[0] == nil)
        let docWithZeros = m.match([Self.line("PAGO F001-000101", 1000)])
        #expect(docWithZeros[0]?.receivableIds == [1] && docWithZeros[0]?.confidence == .media)
    }

    @Test func twoThousandLinesAgainstFiveThousandReceivablesInUnderASecond() {
        var open: [Receivable] = []
        for i in 0..<5_000 {
            let c: Int = i % 3000
            let cents: Int = 10_000 + (i % 5000) * 100 + i % 100
            let ruc: String = String(20_100_000_000 + c)
            open.append(Self.receivable(Int64(i + 1), "F001-\(i + 1)", customer: Int64(c), "Cliente \(c) Servicios S.A.C.",
                                        ruc, Decimal(cents) / 100))
        }
        var lines: [BankStatementLine] = []
        for i in 0..<2000 {
            let cents: Int = 10_000 + ((i * 13) % 5000) * 100 + i % 100
            let text: String
            switch i % 3 {
            case 0: text = "TRANSF " + String(20_100_000_000 + (i * 7) % 3000)
            case 1: text = "DEP F001-" + String(i * 9 + 1)
            default: text = "ABONO VARIOS"
            }
            lines.append(Self.line(text, Decimal(cents) / 100))
        }
        let clock = ContinuousClock()
        var matched = 0
        let elapsed = clock.measure {
            matched = StatementMatcher(open: open).match(lines).compactMap { $0 }.count
        }
        #expect(matched > 800)
        #expect(elapsed < .seconds(1), "\(elapsed)")
    }
}
