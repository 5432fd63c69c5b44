import BytekGateways
import BytekModel
import BytekStore

/// `/c/<id>/pagar` and `/c/<id>/pagos/<orderId>`: the open invoices a card may pay, and what came of a payment.
/// Plain forms (a checkbox per document, POST with the session's CSRF token); no JavaScript of ours.
enum PayPages {
    static func list(_ page: PortalService.PayPage, csrf: String, sections: [CustomerPages.Section]) -> String {
        let id = page.customer.id
        var body = notice
        body += PortalPages.notice(page.problem, error: true)
        guard !page.items.isEmpty else {
            body += PortalPages.notice("No tiene documentos pendientes de pago. ¡Gracias!")
            return CustomerPages.page(page.customer, .pagar, title: "Pagar", csrf: csrf, sections: sections, body)
        }
        guard !page.gateways.isEmpty else {
            body += PortalPages.notice("El pago con tarjeta no está disponible por ahora. Puede pagar por transferencia a las cuentas de BYTEK.", error: true)
            return CustomerPages.page(page.customer, .pagar, title: "Pagar", csrf: csrf, sections: sections, body)
        }
        let items = page.items.map { item($0, checked: page.selected.contains($0.receivableId), today: page.today) }
            .joined(separator: "\n")
        var totals: [Currency: Money] = [:]
        for i in page.items { totals[i.amount.currency, default: Money(minorUnits: 0, i.amount.currency)] += i.amount }
        let owed = Currency.allCases.compactMap { totals[$0] }.map { HTML.escape($0.formatted) }.joined(separator: " y ")
        body += """
        <form method="post" action="/c/\(id)/pagar">
        \(PortalPages.csrfField(csrf))
        <fieldset class="tarjeta"><legend>Elija qué pagar</legend>
        <ul class="pendientes">
        \(items)
        </ul>
        <p>Pendiente en total: <span class="total">\(owed)</span></p>
        <p class="muted">Se cobra la suma de lo que marque; cada pago es en una sola moneda.</p>
        </fieldset>
        \(gatewayChoice(page.gateways))
        <label class="opcion"><input type="checkbox" name="guardar" value="1"> Guardar esta tarjeta para mis próximos pagos</label>
        <button type="submit">Pagar ahora</button>
        </form>
        """
        return CustomerPages.page(page.customer, .pagar, title: "Pagar", csrf: csrf, sections: sections, body)
    }

    /// What a card pays and what it does not.
    static let notice = """
    <p class="aviso" role="note">Con tarjeta se paga solo lo que corresponde a BYTEK. La <strong>detracción</strong> se deposita \
    en nuestra cuenta del Banco de la Nación y la <strong>retención</strong>, si su empresa es agente de retención, se declara \
    a SUNAT: ninguna de las dos se cobra a la tarjeta.</p>

    """

    static func item(_ i: PortalService.PayableItem, checked: Bool, today: LocalDate?) -> String {
        var notes: [String] = []
        if let due = i.dueDate {
            let overdue = today.map { due < $0 } ?? false
            notes.append(overdue ? "<span class=\"aviso-vence\">venció el \(CustomerPages.date(due))</span>" : "vence el \(CustomerPages.date(due))")
        }
        if let d = i.detraccion, !d.isZero { notes.append("detracción \(HTML.escape(d.formatted)) al Banco de la Nación, no incluida") }
        if let r = i.retencion, !r.isZero { notes.append("retención \(HTML.escape(r.formatted)), no incluida") }
        let field = "r\(i.receivableId)"
        return """
        <li><input type="checkbox" id="\(field)" name="\(field)" value="1"\(checked ? " checked" : "")>\
        <label for="\(field)"><strong>\(HTML.escape(i.document))</strong> · <span class="monto">\(HTML.escape(i.amount.formatted))</span>\
        <br><span class="muted">\(notes.joined(separator: "; "))</span></label></li>
        """
    }

    static func gatewayChoice(_ gateways: [GatewayName]) -> String {
        guard gateways.count > 1 else {
            return "<input type=\"hidden\" name=\"pasarela\" value=\"\(gateways.first?.rawValue ?? "")\">"
        }
        let options = gateways.enumerated().map { n, g in
            "<label class=\"opcion\"><input type=\"radio\" name=\"pasarela\" value=\"\(g.rawValue)\"\(n == 0 ? " checked" : "")> \(HTML.escape(g.displayName))</label>"
        }.joined(separator: "\n")
        return "<fieldset class=\"tarjeta\"><legend>Pagar con</legend>\n\(options)\n</fieldset>"
    }

    /// The summary above the card form: what is being paid.
    static func summary(_ items: [PortalService.PayableItem], total: Money) -> String {
        let rows = items.map { "<li>\(HTML.escape($0.document)) · <span class=\"monto\">\(HTML.escape($0.amount.formatted))</span></li>" }
            .joined()
        return """
        <section class="tarjeta" aria-labelledby="a-pagar"><h2 id="a-pagar">Va a pagar</h2>
        <ul>\(rows)</ul>
        <p>Total: <span class="total">\(HTML.escape(total.formatted))</span></p>
        </section>
        """
    }

    /// `/c/<id>/pagos/<orderId>`.
    static func result(_ customer: PortalCustomer, _ result: PortalService.PaymentResult, csrf: String,
                       sections: [CustomerPages.Section]) -> String {
        let id = customer.id
        let path = "/c/\(id)/pagos/\(result.orderId)"
        let title: String, body: String
        switch result.outcome {
        case .approved(let amount, let documents):
            if result.saveCardOnly {
                title = "Tarjeta guardada"
                body = "<p class=\"resultado-aprobado\" role=\"status\">Su tarjeta quedó guardada.</p>\n"
                    + "<p><a class=\"boton\" href=\"/c/\(id)/tarjetas\">Ver mis tarjetas</a></p>"
            } else {
                title = "Pago aprobado"
                let docs = documents.map { "<li>\(HTML.escape($0)) — pagado</li>" }.joined()
                body = "<p class=\"resultado-aprobado\" role=\"status\">Recibimos su pago\(amount.map { " de <strong>\(HTML.escape($0.formatted))</strong>" } ?? ""). Le enviaremos el comprobante de pago por correo.</p>\n"
                    + (docs.isEmpty ? "" : "<ul>\(docs)</ul>\n")
                    + "<p><a class=\"boton\" href=\"/c/\(id)/cuenta\">Ver estado de cuenta</a> <a class=\"boton secundario\" href=\"/c/\(id)/pagar\">Volver a Pagar</a></p>"
            }
        case .declined(let reason):
            title = result.saveCardOnly ? "No se guardó la tarjeta" : "Pago rechazado"
            body = PortalPages.notice(reason, error: true)
                + "<p>No se hizo ningún cargo.</p>\n"
                + "<p><a class=\"boton\" href=\"/c/\(id)/\(result.saveCardOnly ? "tarjetas" : "pagar")\">Intentar con otra tarjeta</a></p>"
        case .pending:
            title = "Estamos confirmando su pago"
            body = PortalPages.notice("Estamos confirmando su pago con la pasarela. Esto suele tomar unos segundos.")
                + "<p><a class=\"boton\" href=\"\(path)\">Actualizar</a></p>"
        }
        return CustomerPages.page(customer, result.saveCardOnly ? .tarjetas : .pagar, title: title, csrf: csrf,
                                  sections: sections, body)
    }
}
