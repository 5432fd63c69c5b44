import Foundation
import Testing
@testable import BytekModel

@Suite("Invoicing a milestone of a U2 project")
struct MilestoneInvoicingTests {
    typealias Q = QuoteInvoicingTests
    static let f001 = EDocumentFixtures.series("F001", .factura)

    static func shares(_ quote: Quote, _ names: [String] = ["Análisis", "Desarrollo", "Puesta en marcha"],
                       _ percents: [Decimal] = [30, 30, 40]) throws -> [MilestoneInvoicing.Share] {
        let total = try quote.content.totals().oneTime
        let terms = PaymentTerms.milestones(zip(names, percents).map { Milestone(name: $0, percent: $1) })
        return zip(names, terms.milestoneAmounts(of: total)).map { MilestoneInvoicing.Share(name: $0, amount: $1) }
    }

    static func invoice(_ q: Quote, _ shares: [MilestoneInvoicing.Share], _ position: Int, creditDays: Int = 0,
                        customer: DocumentCustomer = EDocumentFixtures.rucCustomer) throws -> EDocument {
        try MilestoneInvoicing.document(quote: q, milestones: shares, position: position, customer: customer,
                                        creditDays: creditDays, issuer: EDocumentFixtures.issuer, series: f001,
                                        issuedAt: Q.issuedAt, detraccionAccount: "00-123-456789")
    }

    static let mixed = Q.quote([.service("Desarrollo a medida", quantity: 1, rate: Q.pen("10000.01")),
                                .product("Libro técnico", quantity: 3, unitPrice: Q.pen("33.33"), taxCategory: .exonerado),
                                .service("Capacitación", quantity: 1, rate: Q.pen("777.77"), taxCategory: .inafecto),
                                .subscription("Soporte", periods: 12, pricePerPeriod: Q.pen("80"), period: .monthly)])

    @Test("three milestones add up exactly to the quote's one-time part, per tax category")
    func threeAddUp() throws {
        let totals = try Self.mixed.content.totals()
        let shares = try Self.shares(Self.mixed)
        var sum = Money.zero(.pen)
        var gravadas: Int64 = 0, exoneradas: Int64 = 0, inafectas: Int64 = 0, igv: Int64 = 0
        for p in 1...3 {
            let doc = try Self.invoice(Self.mixed, shares, p)
            let a = try doc.amounts()
            #expect(a.total == shares[p - 1].amount, "hito \(p): \(a.total) ≠ \(shares[p - 1].amount)")
            #expect(doc.lines.count == 3)
            sum += a.total
            gravadas += a.taxes.gravadas.minorUnits; exoneradas += a.taxes.exoneradas.minorUnits
            inafectas += a.taxes.inafectas.minorUnits; igv += a.taxes.igv.minorUnits
        }
        #expect(sum == totals.oneTime)
        var q = (g: Int64(0), e: Int64(0), i: Int64(0))
        for (k, line) in Self.mixed.content.lines.enumerated() where !line.isRecurring {
            let t = totals.lines[k].tax
            switch t.category {
            case .gravado: q.g += t.baseCents + t.igvCents
            case .exonerado: q.e += t.baseCents
            case .inafecto: q.i += t.baseCents
            }
        }
        #expect(gravadas + igv == q.g)
        #expect(exoneradas == q.e)
        #expect(inafectas == q.i)
    }

    @Test("the céntimo left by rounding goes to the last milestone; description names the milestone and the quote")
    func remainder() throws {
        let q = Q.quote([.service("Sistema", quantity: 1, rate: Q.pen("100.00"))])   // 118.00
        let shares = try Self.shares(q, ["Uno", "Dos", "Tres"], [Decimal(string: "33.33")!, Decimal(string: "33.33")!, Decimal(string: "33.34")!])
        #expect(shares.map(\.amount) == [Q.pen("39.33"), Q.pen("39.33"), Q.pen("39.34")])
        let totals = try [1, 2, 3].map { try Self.invoice(q, shares, $0).amounts().total }
        #expect(totals == [Q.pen("39.33"), Q.pen("39.33"), Q.pen("39.34")])
        let doc = try Self.invoice(q, shares, 2)
        #expect(doc.lines.map(\.description) == ["Hito 2 de 3: Dos — COT-2026-00042"])
        #expect(doc.orderReference == "COT-2026-00042")
        // Split of a céntimo between categories: a mixed quote whose shares round the same way in each.
        let rows = try MilestoneInvoicing.split(amounts: [1, 1, 1], categories: [(.gravado, 2), (.inafecto, 1)])
        #expect(rows.map { $0.reduce(0, +) } == [1, 1, 1])
        #expect(rows.reduce(0) { $0 + $1[0] } == 2 && rows.reduce(0) { $0 + $1[1] } == 1)
    }

    @Test("amounts that do not add up to the quote are refused in Spanish")
    func amountsDiffer() throws {
        var shares = try Self.shares(Self.mixed)
        shares[2].amount += Q.pen("0.01")
        #expect(throws: MilestoneInvoicingError.self) { try Self.invoice(Self.mixed, shares, 1) }
        do { _ = try Self.invoice(Self.mixed, shares, 1) } catch let e as MilestoneInvoicingError {
            #expect(e.message.contains("Los importes de los hitos suman"))
        }
        #expect(throws: MilestoneInvoicingError.noSuchMilestone(4)) { try Self.invoice(Self.mixed, shares, 4) }
    }

    @Test("a quote in dollars: the invoice in USD with the quote's rate, detracción judged in soles")
    func usd() throws {
        let q = Q.quote([.service("Implementación", quantity: 1, rate: Q.usd("1000.00"))], currency: .usd, rate: Q.d("3.75"))
        let shares = try Self.shares(q, ["A", "B"], [50, 50])
        let doc = try Self.invoice(q, shares, 2)
        #expect(doc.currency == .usd && doc.exchangeRate == Q.d("3.75"))
        #expect(try doc.amounts().total == Q.usd("590.00"))
        #expect(doc.detraccion != nil)   // 590 × 3.75 = S/ 2,212.50 > 700
    }

    @Test("detracción only for a factura of services over S/ 700; credit days give one cuota of the pending amount")
    func detraccionAndCuota() throws {
        let q = Q.quote([.service("Portal", quantity: 1, rate: Q.pen("1000.00"))])   // 1,180.00
        let shares = try Self.shares(q, ["A", "B"], [Decimal(string: "59.32")!, Decimal(string: "40.68")!])
        let first = try Self.invoice(q, shares, 1, creditDays: 30)     // 699.98: no detracción
        #expect(try first.amounts().total == Q.pen("699.98"))
        #expect(first.detraccion == nil)
        guard case .credito(let cuotas) = first.paymentForm else { Issue.record("sin crédito"); return }
        #expect(cuotas.count == 1 && cuotas[0].amount == Q.d("699.98"))
        #expect(cuotas[0].dueDate == Q.day.adding(days: 30))
        let big = Q.quote([.service("Portal", quantity: 1, rate: Q.pen("2000.00"))])
        let s2 = try Self.shares(big, ["A", "B"], [50, 50])
        let withD = try Self.invoice(big, s2, 1, creditDays: 15)       // 1,180.00 → 12% = 141.60
        #expect(withD.detraccion?.code == "037")
        guard case .credito(let c2) = withD.paymentForm else { Issue.record("sin crédito"); return }
        #expect(c2[0].amount == Q.d("1038.40"))
        let cash = try Self.invoice(big, s2, 2)
        #expect(cash.paymentForm == .contado)
        let goods = Q.quote([.product("Servidor", quantity: 1, unitPrice: Q.pen("5000.00"))])
        #expect(try Self.invoice(goods, Self.shares(goods, ["A"], [100]), 1).detraccion == nil)
    }
}
