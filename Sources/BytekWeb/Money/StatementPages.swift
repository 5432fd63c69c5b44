import BytekModel
import BytekStore

/// `/c/<id>/cuenta`: the estado de cuenta per currency, with its running balance, aging and PDF. On a phone
/// each line of the table reads as a small card (the stylesheet labels the cells).
enum StatementPages {
    static func page(_ page: PortalService.StatementPage, csrf: String, sections: [CustomerPages.Section]) -> String {
        let id = page.customer.id
        var body = spanForm(id, page)
        if let problem = page.problem { body += PortalPages.notice(problem, error: true) }
        if let s = page.statement, let span = page.span {
            body += "<p>Del <strong>\(CustomerPages.date(s.from))</strong> al <strong>\(CustomerPages.date(s.to))</strong>;"
                + " antigüedad de la deuda al \(CustomerPages.date(s.asOf)).</p>\n"
            body += "<p><a class=\"boton secundario\" href=\"/c/\(id)/cuenta/pdf?\(span.query)\" download>Descargar PDF</a></p>\n"
            if s.sections.isEmpty {
                body += PortalPages.notice("No hay movimientos ni saldos en estas fechas.")
            }
            body += s.sections.map(section).joined(separator: "\n")
            let credits = s.credits.filter { !$0.isZero }
            if !credits.isEmpty {
                body += "<section class=\"tarjeta\" aria-labelledby=\"a-favor\"><h2 id=\"a-favor\">Saldo a favor</h2><p>"
                    + credits.map { HTML.escape($0.formatted) }.joined(separator: " · ")
                    + "</p><p class=\"muted\">Pagos aún no aplicados a un documento; se aplican a sus próximas facturas.</p></section>"
            }
        }
        return CustomerPages.page(page.customer, .cuenta, title: "Estado de cuenta", csrf: csrf, sections: sections, body)
    }

    static func spanForm(_ id: Int64, _ page: PortalService.StatementPage) -> String {
        let from = page.span.map { "\($0.from)" } ?? page.typed["desde"] ?? ""
        let to = page.span.map { "\($0.to)" } ?? page.typed["hasta"] ?? ""
        return """
        <form class="filtros" method="get" action="/c/\(id)/cuenta">
        <div><label for="desde">Desde</label><input type="date" id="desde" name="desde" value="\(HTML.escape(from))"></div>
        <div><label for="hasta">Hasta</label><input type="date" id="hasta" name="hasta" value="\(HTML.escape(to))"></div>
        <button type="submit">Ver</button>
        </form>
        """
    }

    static func section(_ s: AccountStatement.Section) -> String {
        let code = s.currency.rawValue.lowercased()
        let rows = s.lines.map { line in
            """
            <tr><td data-label="Fecha">\(CustomerPages.date(line.date))</td>\
            <td data-label="Documento">\(HTML.escape(line.reference))</td>\
            <td data-label="Detalle">\(HTML.escape(line.description))</td>\
            <td data-label="Vence">\(line.dueDate.map(CustomerPages.date) ?? "")</td>\
            <td data-label="Cargo" class="monto">\(line.charge.map { HTML.escape($0.formattedAmount) } ?? "")</td>\
            <td data-label="Abono" class="monto">\(line.credit.map { HTML.escape($0.formattedAmount) } ?? "")</td>\
            <td data-label="Saldo" class="monto">\(HTML.escape(line.balance.formattedAmount))</td></tr>
            """
        }.joined(separator: "\n")
        let aging = AgingBucket.allCases.map { b in
            "<dt>\(HTML.escape(b.label)) días</dt><dd class=\"monto\">\(HTML.escape((s.aging[b] ?? Money(minorUnits: 0, s.currency)).formatted))</dd>"
        }.joined()
        return """
        <section class="tarjeta" aria-labelledby="moneda-\(code)">
        <h2 id="moneda-\(code)">En \(HTML.escape(s.currency.displayName.lowercased()))</h2>
        <p>Saldo inicial: <strong>\(HTML.escape(s.opening.formatted))</strong></p>
        <table class="cuenta">
        <thead><tr><th scope="col">Fecha</th><th scope="col">Documento</th><th scope="col">Detalle</th><th scope="col">Vence</th><th scope="col" class="monto">Cargo</th><th scope="col" class="monto">Abono</th><th scope="col" class="monto">Saldo</th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        <p class="saldo">Saldo al cierre: <strong>\(HTML.escape(s.closing.formatted))</strong></p>
        <h3>Antigüedad de la deuda</h3>
        <dl class="antiguedad">\(aging)</dl>
        </section>
        """
    }
}
