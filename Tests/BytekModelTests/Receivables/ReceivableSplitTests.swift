import BytekModel
import Foundation
import Testing

/// How a document splits into receivables, figures by hand.
@Suite struct ReceivableSplitTests {
    static let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                               address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1", district: "Miraflores", province: "Lima",
                                                      department: "Lima"))
    static let issued = Date(timeIntervalSince1970: 1_795_000_000)  // 18/11/2026 in Lima

    static func factura(_ currency: Currency = .pen, rate: Decimal? = nil, payment: PaymentForm = .contado,
                        detraccion: Bool = false) throws -> EDocument {
        EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: issued, issuer: issuer,
                  customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Cliente"), currency: currency,
                  lines: [EDocumentLine(description: "Servicio", quantity: 1, unit: .service, unitPrice: 1_000, itemKind: .service)],
                  paymentForm: payment, detraccion: detraccion ? Detraccion(account: "00-1") : nil, exchangeRate: rate)
    }

    static func money(_ t: String, _ c: Currency = .pen) -> Money { Money(Decimal(string: t)!, c) }

    /// 1,180.00 in three cuotas 393.33 + 393.33 + 393.34; retención 3 % = 35.40, each cuota giving up
    /// round(393.33 × 3 %) = 11.80, the last 35.40 − 23.60 = 11.80: neto 381.53, 381.53, 381.54.
    @Test func aRetentionAgentsCuotasEachGiveUpTheirThreePercent() throws {
        let day = LocalDate("2026-11-18")!
        let doc = try Self.factura(payment: .credito([Installment(amount: Decimal(string: "393.33")!, dueDate: day.adding(days: 30)),
                                                      Installment(amount: Decimal(string: "393.33")!, dueDate: day.adding(days: 60)),
                                                      Installment(amount: Decimal(string: "393.34")!, dueDate: day.adding(days: 90))]))
        let plan = ReceivableSplit.plan(document: doc, amounts: try doc.validate(), creditDays: 0, retentionAgent: true)
        #expect(plan.map(\.amount) == [Self.money("381.53"), Self.money("381.53"), Self.money("381.54"), Self.money("35.40")])
        #expect(plan.map(\.part) == [.neto, .neto, .neto, .retencion])
        #expect(plan.last?.dueDate == day.adding(days: 90))
        // Not a retention agent: the cuotas as they are.
        let plain = ReceivableSplit.plan(document: doc, amounts: try doc.validate(), creditDays: 0, retentionAgent: false)
        #expect(plain.map(\.amount) == [Self.money("393.33"), Self.money("393.33"), Self.money("393.34")])
    }

    /// US$ 1,180.00 at 3.750 = S/ 4,425.00; detracción 12 % = S/ 531.00 (US$ 141.60): neto US$ 1,038.40, due
    /// at issue + 15 credit days; no retención with a detracción.
    @Test func aDollarFacturaWithDetraccionOwesTheDetraccionInSoles() throws {
        let doc = try Self.factura(.usd, rate: Decimal(string: "3.75"), detraccion: true)
        let plan = ReceivableSplit.plan(document: doc, amounts: try doc.validate(), creditDays: 15, retentionAgent: true)
        #expect(plan.map(\.amount) == [Self.money("1038.40", .usd), Self.money("531.00")])
        #expect(plan.map(\.part) == [.neto, .detraccion])
        #expect(plan.allSatisfy { $0.dueDate == LocalDate("2026-12-03") && $0.installment == 0 })
    }
}
