import BytekModel
import Foundation
import Testing
@testable import BytekDocuments

@Suite struct AccountStatementPDFTests {
    @Test func everyLineItsRunningBalanceTheTotalsAndTheAgingArePrinted() throws {
        let folder = TempFolder()
        let pdf = folder.file("estado.pdf")
        let s = AccountStatementSample.statement(lineCount: 15)
        let pages = try AccountStatementPDF.render(s, company: QuoteSample.company, to: pdf)
        let flat = squeezed(try Poppler.text(pdf))
        for section in s.sections {
            for line in section.lines {
                #expect(flat.contains(line.reference), "falta \(line.reference)")
                #expect(flat.contains(line.balance.formattedAmount), "falta el saldo \(line.balance.formattedAmount)")
            }
            #expect(flat.contains(section.closing.formatted))
            for bucket in AgingBucket.allCases {
                #expect(flat.contains((section.aging[bucket] ?? .zero(section.currency)).formattedAmount))
            }
        }
        for phrase in ["ESTADO DE CUENTA", "al 03/12/2026", "Compañía Minera Peñasco Azul S.A.A.", "RUC 20512345678",
                       "02/01/2026", "30/11/2026", "Saldo inicial 1,250.00", "Movimientos en soles (S/)",
                       "Movimientos en dólares (US$)", "0–30 días", "31–60 días", "61–90 días", "> 90 días",
                       "Saldo a favor del cliente", "S/ 35.50", "Página 1 de \(pages)", "R.U.C. 20601234567"] {
            #expect(flat.contains(phrase), "falta «\(phrase)»")
        }
    }

    @Test func totalsOfTheTableAddUpToTheClosingBalance() {
        let s = AccountStatementSample.statement(lineCount: 30)
        for section in s.sections {
            let charges = section.lines.compactMap(\.charge).reduce(Money.zero(section.currency), +)
            let credits = section.lines.compactMap(\.credit).reduce(Money.zero(section.currency), +)
            #expect(section.opening + charges - credits == section.closing)
            let table = AccountStatementPDF.linesTable(section)
            #expect(table.rows.count == section.lines.count + 2)
            #expect(table.rows.last == .strong(["", "", "Totales del periodo", "", charges.formattedAmount,
                                                credits.formattedAmount, section.closing.formattedAmount]))
        }
    }

    @Test func twoHundredLinesSpanPagesWithTheHeaderOnEachInBudget() throws {
        let folder = TempFolder()
        let pdf = folder.file("largo.pdf")
        let s = AccountStatementSample.statement(lineCount: 200)
        let pages = try AccountStatementPDF.render(s, company: QuoteSample.company, to: pdf)
        #expect(pages >= 4)
        #expect(try Poppler.pageCount(pdf) == pages)
        for page in 2...pages {
            let text = squeezed(try Poppler.text(pdf, page: page))
            #expect(text.contains("Página \(page) de \(pages)"))
            #expect(text.contains("ESTADO DE CUENTA · Compañía Minera Peñasco Azul S.A.A."), "sin cabecera en la página \(page)")
            if text.contains("F001-") {
                #expect(text.contains("Fecha Documento Detalle Vence Cargo Abono Saldo"), "la página \(page) no repite la cabecera")
            }
        }
        // The budget (300 ms) is checked by `bytek bench` on a quiet machine; here, beside the whole suite
        // running in parallel, only a gross regression fails.
        let ms = AccountStatementPDF.benchmark200Lines()
        #expect(ms >= 0 && ms <= 3_000, "estado de cuenta de 200 líneas: \(ms) ms")
    }

    @Test func aCustomerWithoutMovementsGetsOneSentence() throws {
        let folder = TempFolder()
        let pdf = folder.file("vacío.pdf")
        let day = LocalDate(year: 2026, month: 12, day: 1)!
        let s = AccountStatement(customerName: "Ñandú S.R.L.", customerDocNumber: "RUC 20111111111", from: day, to: day,
                                 asOf: day, sections: [])
        #expect(try AccountStatementPDF.render(s, company: QuoteSample.company, to: pdf) == 1)
        #expect(squeezed(try Poppler.text(pdf)).contains("El cliente no tiene movimientos ni saldos en este periodo."))
    }
}
