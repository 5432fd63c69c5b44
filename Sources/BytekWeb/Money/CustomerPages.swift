import BytekModel
import BytekStore

/// The frame of a contact's pages for one customer: the company's name and the sections, as links that
/// wrap on a phone (large targets, the current one marked for screen readers).
enum CustomerPages {
    enum Section: CaseIterable {
        case inicio, documentos, cuenta, pagar, tarjetas

        var title: String {
            switch self {
            case .inicio: return "Inicio"
            case .documentos: return "Documentos"
            case .cuenta: return "Estado de cuenta"
            case .pagar: return "Pagar"
            case .tarjetas: return "Tarjetas"
            }
        }

        func path(_ customerId: Int64) -> String {
            switch self {
            case .inicio: return "/c/\(customerId)"
            case .documentos: return "/c/\(customerId)/documentos"
            case .cuenta: return "/c/\(customerId)/cuenta"
            case .pagar: return "/c/\(customerId)/pagar"
            case .tarjetas: return "/c/\(customerId)/tarjetas"
            }
        }
    }

    /// The sections a contact has (pay and cards only when the web door has a card gateway).
    static func sections(payments: Bool) -> [Section] {
        payments ? Section.allCases : [.inicio, .documentos, .cuenta]
    }

    static func nav(_ customerId: Int64, current: Section?, sections: [Section]) -> String {
        let links = sections.map { s in
            s == current
                ? "<a href=\"\(s.path(customerId))\" aria-current=\"page\">\(s.title)</a>"
                : "<a href=\"\(s.path(customerId))\">\(s.title)</a>"
        }.joined()
        return "<nav class=\"secciones\" aria-label=\"Secciones\">\(links)</nav>"
    }

    /// What the contact's home offers: one line per section, a large link and what it holds.
    static func homeLinks(_ customerId: Int64, sections: [Section]) -> String {
        let items = sections.compactMap { s -> String? in
            let what: String
            switch s {
            case .inicio: return nil
            case .documentos: what = "Facturas, boletas y notas con su PDF, XML y la constancia de SUNAT (CDR)."
            case .cuenta: what = "Cargos, abonos, saldo y antigüedad de la deuda; en PDF."
            case .pagar: what = "Pague sus facturas pendientes con tarjeta."
            case .tarjetas: what = "Sus tarjetas guardadas para pagos y cargos automáticos."
            }
            return "<li><a class=\"boton\" href=\"\(s.path(customerId))\">\(s.title)</a> <span class=\"muted\">\(what)</span></li>"
        }.joined(separator: "\n")
        return "<ul class=\"accesos\">\n\(items)\n</ul>"
    }

    /// A page of the customer: its name above, the sections, then `body`.
    static func page(_ customer: PortalCustomer, _ section: Section, title: String, csrf: String, sections: [Section],
                     _ body: String) -> String {
        PortalPages.layout(title + " · " + customer.legalName, """
        \(nav(customer.id, current: section, sections: sections))
        <p class="empresa">\(HTML.escape(customer.legalName)) <span class="muted">(\(HTML.escape(customer.docType)) \(HTML.escape(customer.docNumber)))</span></p>
        <h1>\(HTML.escape(title))</h1>
        \(body)
        """, header: PortalPages.logoutForm(csrf: csrf))
    }

    /// `07/03/2026`, as dates are written in Peru.
    static func date(_ day: LocalDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(day.day))/\(two(day.month))/\(day.year)"
    }

    /// `2026-03-07` (or a timestamp starting so) as `07/03/2026`; the text itself when it is not a date.
    static func date(_ text: String) -> String {
        LocalDate(String(text.prefix(10))).map(date) ?? text
    }

    /// A document's SUNAT status as the customer reads it.
    static func status(_ status: EDocumentStatus) -> String {
        switch status {
        case .pendiente: return "Pendiente de envío a SUNAT"
        case .enviado: return "Enviado, esperando respuesta de SUNAT"
        case .aceptado: return "Aceptado por SUNAT"
        case .observado: return "Aceptado por SUNAT con observaciones"
        case .rechazado: return "Rechazado por SUNAT"
        case .anulado: return "Anulado (comunicado de baja)"
        case .error: return "Envío a SUNAT en reintento"
        }
    }
}
