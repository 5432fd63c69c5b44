import BytekGateways
import BytekModel
import BytekStore
import Foundation

/// Pagar, the result of a payment, saved cards, and the gateway's notification. Every POST a person makes
/// carries the session's CSRF token; the gateway's own posts are checked as said on each.
extension WebApp {
    func paymentPage(_ r: HTTPRequest, _ who: PortalService.SignedIn, _ id: Int64, _ rest: [String]) throws -> HTTPResponse {
        guard !portal.gateways.isEmpty else { return notFound() }
        let csrf = who.session.csrf
        switch (r.method, rest.first ?? "", rest.count) {
        case ("GET", "pagar", 1):
            guard let page = try portal.payPage(who, customerId: id) else { return notFound() }
            return .html(PayPages.list(page, csrf: csrf, sections: sections))
        case ("POST", "pagar", 1):
            guard sessionCSRFValid(r, who) else { return forbidden() }
            let chosen = r.form.compactMap { k, v in k.hasPrefix("r") && !v.isEmpty ? Int64(k.dropFirst()) : nil }
            let gateway = r.form["pasarela"].flatMap(GatewayName.init(rawValue:))
            guard let started = try portal.startCheckout(who, customerId: id, receivableIds: chosen.sorted(), gateway: gateway,
                                                         saveCard: r.form["guardar"] == "1", saveCardOnly: false,
                                                         publicURL: publicURL) else { return notFound() }
            switch started {
            case .failure(.refused(let why)):
                guard let page = try portal.payPage(who, customerId: id, problem: why, selected: Set(chosen)) else { return notFound() }
                return .html(PayPages.list(page, csrf: csrf, sections: sections), status: 422)
            case .success(let checkout):
                let summary = PayPages.summary(checkout.items, total: checkout.total ?? checkout.items.first?.amount ?? .zero(.pen))
                return checkoutPage(checkout, who, summary: summary, section: .pagar, title: "Pagar con tarjeta")
            }
        case ("GET", "pagos", 2):
            guard let result = try portal.paymentResult(who, customerId: id, orderId: rest[1]),
                  let customer = try portal.customers(of: who.account).first(where: { $0.id == id }) else { return notFound() }
            return .html(PayPages.result(customer, result, csrf: csrf, sections: sections))
        case ("POST", "pagos", 2):
            // The gateway's form sends the browser back here with its answer. It cannot carry our CSRF field, so
            // the address does: `k` is an HMAC of the order key under this session's CSRF token, written into
            // the page that opened the form (order keys are sequential, so the key alone would not do). The
            // session cookie (SameSite=Lax) only comes along from our own page, the contact's scope is checked
            // again, Izipay's answer is verified with its HMAC key and Niubiz's token is authorized by Niubiz
            // for the session's amount; an order already settled (reload, second post) shows its result and
            // is never charged again.
            let order = rest[1]
            guard let k = r.query["k"], Sodium.constantTimeEqual(Array(k.utf8), Array(returnKey(order, who).utf8)) else {
                return forbidden()
            }
            guard try portal.completeCheckout(who, customerId: id, orderId: order, fields: r.form) != nil else { return notFound() }
            return .redirect("/c/\(id)/pagos/\(order)")
        case ("GET", "tarjetas", 1):
            guard let page = try portal.savedCards(who, customerId: id) else { return notFound() }
            let notice = r.query["quitada"] == "1" ? "La tarjeta fue quitada." : r.query["autopago"] == "1" ? "Cargo automático guardado." : nil
            return .html(CardPages.list(page.customer, cards: page.cards, gateways: portal.configuredGateways, today: page.today,
                                        notice: notice, autopayCard: page.autopayCard, csrf: csrf, sections: sections))
        case ("POST", "tarjetas", 2) where rest[1] == "autopago":
            guard sessionCSRFValid(r, who) else { return forbidden() }
            let card = r.form["tarjeta"].flatMap { Int64($0) }
            guard try portal.setAutopay(who, customerId: id, cardId: card) != nil else { return notFound() }
            return .redirect("/c/\(id)/tarjetas?autopago=1")
        case ("POST", "tarjetas", 1):
            guard sessionCSRFValid(r, who) else { return forbidden() }
            let gateway = r.form["pasarela"].flatMap(GatewayName.init(rawValue:))
            guard let started = try portal.startCheckout(who, customerId: id, receivableIds: [], gateway: gateway, saveCard: true,
                                                         saveCardOnly: true, publicURL: publicURL),
                  let page = try portal.savedCards(who, customerId: id) else { return notFound() }
            switch started {
            case .failure(.refused(let why)):
                return .html(CardPages.list(page.customer, cards: page.cards, gateways: portal.configuredGateways, today: page.today,
                                            notice: nil, error: why, csrf: csrf, sections: sections), status: 422)
            case .success(let checkout):
                let summary = "<p>Escriba los datos de la tarjeta que quiere guardar. No se le cobrará nada ahora.</p>"
                return checkoutPage(checkout, who, summary: summary, section: .tarjetas, title: "Guardar tarjeta")
            }
        case (_, "tarjetas", 3) where rest[2] == "quitar":
            guard let cardId = Int64(rest[1]), let page = try portal.savedCards(who, customerId: id),
                  let card = page.cards.first(where: { $0.id == cardId }) else { return notFound() }
            if r.method == "GET" {
                return .html(CardPages.confirmRemove(page.customer, card: card, csrf: csrf, sections: sections))
            }
            guard r.method == "POST" else { return notFound() }
            guard sessionCSRFValid(r, who) else { return forbidden() }
            switch try portal.removeCard(who, customerId: id, cardId: cardId) {
            case nil: return notFound()
            case .failure(.refused(let why))?:
                return .html(CardPages.list(page.customer, cards: page.cards, gateways: portal.configuredGateways, today: page.today,
                                            notice: nil, error: why, csrf: csrf, sections: sections), status: 502)
            case .success?: return .redirect("/c/\(id)/tarjetas?quitada=1")
            }
        default:
            return notFound()
        }
    }

    /// The page with the gateway's form: its policy allows that gateway's origins, and only this page's does.
    private func checkoutPage(_ c: PortalService.Checkout, _ who: PortalService.SignedIn, summary: String,
                              section: CustomerPages.Section, title: String) -> HTTPResponse {
        let back = publicURL + "/c/\(c.customer.id)/pagos/\(c.session.orderId)?k=" + returnKey(c.session.orderId, who)
        var resp = HTTPResponse.html(CheckoutPages.pay(c.customer, session: c.session, returnURL: back, summary: summary,
                                                       csrf: who.session.csrf, sections: sections, section: section, title: title))
        resp.allowCheckout(from: c.session.allowedOrigins)
        return resp
    }

    /// The key of the gateway's way back to `orderId` for this session (see the POST of `pagos/<order>`).
    func returnKey(_ orderId: String, _ who: PortalService.SignedIn) -> String {
        Sodium.hex(Sodium.hmacSHA256(key: Array(who.session.csrf.utf8), message: Array(orderId.utf8)))
    }

    /// `POST /pagos/<gateway>/ipn`: no session, no CSRF — the charge engine verifies the gateway's signature
    /// before anything else. 200 once it is recorded (a duplicate changes nothing twice), 400 for a bad
    /// signature (nothing changes), 404 for a gateway that is not configured.
    func gatewayNotification(_ r: HTTPRequest, _ name: String) throws -> HTTPResponse {
        guard let gateway = GatewayName(rawValue: name), portal.configuredGateways.contains(gateway) else { return notFound() }
        do {
            let result = try portal.receiveNotification(gateway: gateway, fields: r.form)
            if result.status == .ignored && result.message == GatewayError.badSignature.message {
                return .text("firma no válida", status: 400)
            }
            return .text("OK", status: 200)
        } catch GatewayError.badSignature {
            return .text("firma no válida", status: 400)
        }
    }
}
