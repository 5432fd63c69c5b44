import BytekGateways
import BytekModel
import BytekStore
@testable import BytekWeb
import Foundation
import Testing

/// The pay, result, card and checkout pages as rendered (the routes that fill them: PortalPaymentRoutesTests).
@Suite("Portal: pay and card pages")
struct PortalPayPagesTests {
    static let customer = PortalCustomer(id: 7, legalName: "Andina <S.A.C.>", docType: "RUC", docNumber: "20100070970")
    static let sections = CustomerPages.sections(payments: true)

    static func item(_ id: Int64, _ doc: String, _ cents: Int64, detraccion: Int64? = nil, due: String = "2026-12-10")
        -> PortalService.PayableItem {
        PortalService.PayableItem(receivableId: id, document: doc, dueDate: LocalDate(due), amount: Money(minorUnits: cents, .pen),
                                  detraccion: detraccion.map { Money(minorUnits: $0, .pen) }, retencion: nil)
    }

    @Test("Pagar: the neto per document with a checkbox each, the detracción named and left out, CSRF, one gateway hidden, two offered")
    func payList() {
        let page = PortalService.PayPage(customer: Self.customer,
                                         items: [Self.item(11, "F001-12", 103_840, detraccion: 14_160, due: "2026-11-20"),
                                                 Self.item(12, "F001-13", 11_800)],
                                         gateways: [.izipay], problem: nil, today: LocalDate("2026-12-03"))
        let html = PayPages.list(page, csrf: "tok", sections: Self.sections)
        #expect(html.contains("Banco de la Nación") && html.contains("retención"))
        #expect(html.contains("name=\"r11\"") && html.contains("name=\"r12\""))
        #expect(html.contains("S/ 1,038.40") && html.contains("detracción S/ 141.60 al Banco de la Nación, no incluida"))
        #expect(html.contains("venció el 20/11/2026") && html.contains("vence el 10/12/2026"))
        #expect(html.contains("Pendiente en total: <span class=\"total\">S/ 1,156.40</span>"))
        #expect(html.contains("name=\"csrf\" value=\"tok\"") && html.contains("method=\"post\" action=\"/c/7/pagar\""))
        #expect(html.contains("<input type=\"hidden\" name=\"pasarela\" value=\"izipay\">"))
        #expect(html.contains("Andina &lt;S.A.C.&gt;") && !html.contains("<S.A.C.>"))
        #expect(!html.contains("<script"), "no script of ours")

        var two = page
        two.gateways = [.izipay, .niubiz]
        let both = PayPages.list(two, csrf: "tok", sections: Self.sections)
        #expect(both.contains("type=\"radio\" name=\"pasarela\" value=\"izipay\" checked") && both.contains("value=\"niubiz\""))

        var none = page
        none.gateways = []
        #expect(PayPages.list(none, csrf: "t", sections: Self.sections).contains("no está disponible"))
        none.items = []
        #expect(PayPages.list(none, csrf: "t", sections: Self.sections).contains("No tiene documentos pendientes"))
    }

    @Test("result: approved lists the documents paid; declined says why and offers another card; pending refreshes by a link, no script")
    func results() {
        func page(_ outcome: PortalService.PaymentOutcome) -> String {
            PayPages.result(Self.customer, .init(customerId: 7, orderId: "ORD-1", outcome: outcome), csrf: "t", sections: Self.sections)
        }
        let ok = page(.approved(amount: Money(minorUnits: 103_840, .pen), documents: ["F001-12"]))
        #expect(ok.contains("Pago aprobado") && ok.contains("F001-12 — pagado") && ok.contains("S/ 1,038.40"))
        let no = page(.declined(reason: "Pago rechazado: Operación denegada por el banco (05)"))
        #expect(no.contains("Pago rechazado") && no.contains("Operación denegada por el banco (05)") && no.contains("Intentar con otra tarjeta"))
        #expect(no.contains("No se hizo ningún cargo"))
        let wait = page(.pending)
        #expect(wait.contains("Estamos confirmando su pago") && wait.contains("href=\"/c/7/pagos/ORD-1\""))
        #expect(!wait.contains("<script") && !wait.contains("http-equiv"))
    }

    @Test("cards: brand and last 4, a card expiring within a month (or expired) flagged; removal asks first and posts with CSRF")
    func cards() {
        let today = LocalDate("2026-12-03")!
        let soon = PortalService.SavedCardRow(id: 1, gateway: .izipay, brand: "VISA", last4: "0055", expiryMonth: 12, expiryYear: 2026)
        let later = PortalService.SavedCardRow(id: 2, gateway: .niubiz, brand: "MASTERCARD", last4: "0067", expiryMonth: 1, expiryYear: 27)
        let old = PortalService.SavedCardRow(id: 3, gateway: .izipay, brand: "VISA", last4: "1111", expiryMonth: 11, expiryYear: 2026)
        #expect(soon.expiresSoon(today: today) && !soon.expired(today: today))
        #expect(!later.expiresSoon(today: today) && later.expiresSoon(today: LocalDate("2027-01-01")!))
        #expect(old.expired(today: today))
        let html = CardPages.list(Self.customer, cards: [soon, later, old], gateways: [.izipay], today: today, notice: nil,
                                  csrf: "tok", sections: Self.sections)
        #expect(html.contains("VISA •••• 0055") && html.contains("Vence 12/2026 <span class=\"aviso-vence\">Vence pronto"))
        #expect(html.contains("MASTERCARD •••• 0067") && html.contains("Vence 01/2027 <span class=\"muted\">"))
        #expect(html.contains("Vencida: guarde otra tarjeta"))
        #expect(html.contains("href=\"/c/7/tarjetas/2/quitar\"") && html.contains("Guardar tarjeta"))
        let auto = CardPages.list(Self.customer, cards: [soon, later], gateways: [.izipay], today: today, notice: nil, autopayCard: 2,
                                  csrf: "tok", sections: Self.sections)
        #expect(auto.contains("action=\"/c/7/tarjetas/autopago\"") && auto.contains("<option value=\"2\" selected>Sí, con MASTERCARD •••• 0067"))
        #expect(auto.contains("Activado:") && html.contains("Desactivado."))
        let confirm = CardPages.confirmRemove(Self.customer, card: later, csrf: "tok", sections: Self.sections)
        #expect(confirm.contains("method=\"post\" action=\"/c/7/tarjetas/2/quitar\"") && confirm.contains("value=\"tok\""))
        #expect(confirm.contains("Sí, quitar la tarjeta"))
    }

    @Test("the embedded forms: Izipay's script and div with the form token, Niubiz's checkout inside a form posting to our return URL; values escaped")
    func embeds() {
        let izipay = CheckoutSession(gateway: .izipay, orderId: "o1", scriptURL: "http://127.0.0.1:9/kr.js", publicKey: "1:pk\"x",
                                     token: "ft<1>", allowedOrigins: ["http://127.0.0.1:9"])
        let i = CheckoutPages.embed(izipay, returnURL: "http://portal/pagos/o1/retorno")
        #expect(i.contains("<script src=\"http://127.0.0.1:9/kr.js\" kr-public-key=\"1:pk&quot;x\""))
        #expect(i.contains("kr-post-url-success=\"http://portal/pagos/o1/retorno\" kr-post-url-refused=\"http://portal/pagos/o1/retorno\""))
        #expect(i.contains("<div class=\"kr-embedded pasarela\" kr-form-token=\"ft&lt;1&gt;\">"))
        let niubiz = CheckoutSession(gateway: .niubiz, orderId: "123456789012", scriptURL: "https://n/checkout.js", publicKey: "456879852",
                                     token: "sess", allowedOrigins: ["https://n"], amount: GatewayAmount(cents: 118_000, currency: .pen))
        let n = CheckoutPages.embed(niubiz, returnURL: "https://portal/pagos/123456789012/retorno")
        #expect(n.contains("<form class=\"pasarela\" action=\"https://portal/pagos/123456789012/retorno\" method=\"post\"><script src=\"https://n/checkout.js\""))
        #expect(n.contains("data-sessiontoken=\"sess\" data-merchantid=\"456879852\" data-purchasenumber=\"123456789012\" data-amount=\"1180.00\""))
    }
}
