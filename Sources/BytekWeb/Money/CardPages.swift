import BytekGateways
import BytekModel
import BytekStore

/// `/c/<id>/tarjetas`: the customer's saved cards (brand, last 4, expiry, flagged a month before it ends),
/// removing one (a confirmation page, then a POST with the CSRF token) and saving a new one.
enum CardPages {
    static func list(_ customer: PortalCustomer, cards: [PortalService.SavedCardRow], gateways: [GatewayName],
                     today: LocalDate, notice: String?, error: String? = nil, autopayCard: Int64? = nil, csrf: String,
                     sections: [CustomerPages.Section]) -> String {
        let id = customer.id
        var body = PortalPages.notice(notice) + PortalPages.notice(error, error: true)
        if cards.isEmpty {
            body += "<p>No tiene tarjetas guardadas.</p>\n"
        } else {
            let items = cards.map { card in
                var flag = ""
                if card.expired(today: today) {
                    flag = " <span class=\"aviso-vence\">Vencida: guarde otra tarjeta</span>"
                } else if card.expiresSoon(today: today) {
                    flag = " <span class=\"aviso-vence\">Vence pronto: guarde otra tarjeta</span>"
                }
                return """
                <li class="tarjeta"><strong>\(HTML.escape(card.brand)) •••• \(HTML.escape(card.last4))</strong>\
                <br>Vence \(expiry(card))\(flag) <span class="muted">(\(HTML.escape(card.gateway.displayName)))</span>\
                <br><a class="boton secundario" href="/c/\(id)/tarjetas/\(card.id)/quitar">Quitar</a></li>
                """
            }.joined(separator: "\n")
            body += "<ul class=\"documentos\">\n\(items)\n</ul>\n"
            body += autopay(id, cards: cards, current: autopayCard, csrf: csrf)
        }
        if !gateways.isEmpty {
            body += """
            <section class="tarjeta" aria-labelledby="nueva"><h2 id="nueva">Guardar una tarjeta</h2>
            <p class="muted">La usaremos para sus pagos y cargos automáticos. Los datos de la tarjeta los guarda la pasarela, no BYTEK.</p>
            <form method="post" action="/c/\(id)/tarjetas">
            \(PortalPages.csrfField(csrf))
            \(PayPages.gatewayChoice(gateways))
            <button type="submit">Guardar tarjeta</button>
            </form>
            </section>
            """
        }
        return CustomerPages.page(customer, .tarjetas, title: "Tarjetas", csrf: csrf, sections: sections, body)
    }

    /// Automatic charges: on with one card, or off (a plain form, POST with the CSRF token).
    static func autopay(_ id: Int64, cards: [PortalService.SavedCardRow], current: Int64?, csrf: String) -> String {
        let options = (["<option value=\"\">No, pagaré yo cada documento</option>"] + cards.map {
            "<option value=\"\($0.id)\"\(current == $0.id ? " selected" : "")>Sí, con \(HTML.escape($0.brand)) •••• \(HTML.escape($0.last4))</option>"
        }).joined()
        return """
        <section class="tarjeta" aria-labelledby="autopago"><h2 id="autopago">Cargo automático</h2>
        <p>\(current == nil ? "Desactivado." : "Activado: sus suscripciones y facturas se cobran en su fecha de vencimiento.")</p>
        <form method="post" action="/c/\(id)/tarjetas/autopago">
        \(PortalPages.csrfField(csrf))
        <label for="tarjeta-autopago">Cobrar automáticamente</label>
        <select id="tarjeta-autopago" name="tarjeta">\(options)</select>
        <button type="submit">Guardar</button>
        </form>
        </section>
        """
    }

    static func expiry(_ card: PortalService.SavedCardRow) -> String {
        let year = card.expiryYear < 100 ? 2000 + card.expiryYear : card.expiryYear
        return (card.expiryMonth < 10 ? "0" : "") + "\(card.expiryMonth)/\(year)"
    }

    static func confirmRemove(_ customer: PortalCustomer, card: PortalService.SavedCardRow, csrf: String,
                              sections: [CustomerPages.Section]) -> String {
        let id = customer.id
        return CustomerPages.page(customer, .tarjetas, title: "¿Quitar la tarjeta?", csrf: csrf, sections: sections, """
        <p>Va a quitar la tarjeta <strong>\(HTML.escape(card.brand)) •••• \(HTML.escape(card.last4))</strong> (vence \(expiry(card))). \
        Los cargos automáticos dejarán de hacerse con ella.</p>
        <form method="post" action="/c/\(id)/tarjetas/\(card.id)/quitar">
        \(PortalPages.csrfField(csrf))
        <button type="submit">Sí, quitar la tarjeta</button>
        </form>
        <p><a href="/c/\(id)/tarjetas">No, volver a mis tarjetas</a></p>
        """)
    }
}
