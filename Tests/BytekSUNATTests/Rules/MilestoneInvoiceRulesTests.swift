import BytekModel
import Foundation
import Testing
@testable import BytekSUNAT

/// A milestone invoice (with detracción and a cuota; and a mixed one of three tax categories in dollars)
/// written by the UBL writer passes SUNAT's own rules: no error from the in-process engine, and the same
/// codes from `run-rules` (lxml) over SUNAT's XSL files.
@Suite("SUNAT rules on milestone invoices")
struct MilestoneInvoiceRulesTests {
    typealias S = SchemaFixtures

    static func quote(_ lines: [QuoteLine], currency: Currency = .pen, rate: Decimal? = nil) -> Quote {
        Quote(id: 1, number: "COT-2026-00012", version: 1, state: .accepted,
              content: QuoteContent(customerId: 1, unit: .software, currency: currency, exchangeRate: rate, issueDate: S.day,
                                    paymentTerms: .milestones([Milestone(name: "Análisis", percent: 30),
                                                               Milestone(name: "Desarrollo", percent: 30),
                                                               Milestone(name: "Cierre", percent: 40)]),
                                    lines: lines))
    }

    static func document(_ q: Quote, position: Int, creditDays: Int) throws -> EDocument {
        let total = try q.content.totals().oneTime
        let shares = zip(q.content.paymentTerms.milestoneList, q.content.paymentTerms.milestoneAmounts(of: total)).map {
            MilestoneInvoicing.Share(name: $0.name, amount: $1)
        }
        var doc = try MilestoneInvoicing.document(quote: q, milestones: shares, position: position, customer: S.rucCustomer,
                                                  creditDays: creditDays, issuer: S.issuer, series: S.series("F001", .factura),
                                                  issuedAt: S.issuedAt, detraccionAccount: "00-123-456789")
        doc.number = 41 + position
        return doc
    }

    @Test("detracción + crédito, and a mixed dollar invoice, pass SUNAT's rules", arguments: [1, 2])
    func passes(_ variant: Int) throws {
        let doc: EDocument
        if variant == 1 {
            doc = try Self.document(Self.quote([.service("Sistema de inventarios", quantity: 1, rate: Money(12000, .pen))]),
                                    position: 2, creditDays: 30)
            #expect(doc.detraccion != nil)
            guard case .credito = doc.paymentForm else { Issue.record("sin cuota"); return }
        } else {
            doc = try Self.document(Self.quote([.service("Implementación", quantity: 1, rate: Money(Decimal(string: "2500.55")!, .usd)),
                                                .product("Manual", quantity: 3, unitPrice: Money(Decimal(string: "19.99")!, .usd),
                                                         taxCategory: .exonerado),
                                                .service("Capacitación", quantity: 1, rate: Money(300, .usd), taxCategory: .inafecto)],
                                               currency: .usd, rate: Decimal(string: "3.75")), position: 3, creditDays: 0)
            #expect(doc.lines.count == 3)
        }
        let xml = [UInt8](try UBLWriter.document(doc))
        let fileName = "\(doc.issuer.ruc)-01-\(doc.id).xml"
        let report = try SunatRulesFixtures.rules().check(xml, fileName: fileName)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let lxml = try SunatRulesFixtures.runRulesCodes(xml, fileName: fileName)
        #expect(!lxml.contains { $0.hasPrefix("E ") }, "\(lxml)")
        #expect(SunatRulesFixtures.engineCodes(report) == lxml)
    }
}
