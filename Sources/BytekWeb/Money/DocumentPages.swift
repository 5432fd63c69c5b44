import BytekModel
import BytekStore

/// `/c/<id>/documentos`: the company's e-documents, newest first, a page at a time, with their files.
enum DocumentPages {
    static func list(_ page: PortalService.DocumentsPage, years: [Int], csrf: String,
                     sections: [CustomerPages.Section]) -> String {
        let id = page.customer.id
        let base = "/c/\(id)/documentos"
        let items = page.rows.map { item(id, $0) }.joined(separator: "\n")
        let list = page.rows.isEmpty
            ? "<p class=\"aviso\" role=\"status\">No hay documentos\(page.filter == .init() ? "" : " con estos filtros").</p>"
            : "<ul class=\"documentos\">\n\(items)\n</ul>"
        var paging: [String] = []
        if page.hasNewer, let first = page.rows.first {
            paging.append("<a class=\"boton secundario\" href=\"\(base)?\(page.filter.queryPrefix)antes=\(first.id)\" rel=\"prev\">← Más recientes</a>")
        }
        if page.hasOlder, let last = page.rows.last {
            paging.append("<a class=\"boton secundario\" href=\"\(base)?\(page.filter.queryPrefix)despues=\(last.id)\" rel=\"next\">Anteriores →</a>")
        }
        let nav = paging.isEmpty ? "" : "<nav class=\"paginas\" aria-label=\"Páginas\">\(paging.joined(separator: " "))</nav>"
        return CustomerPages.page(page.customer, .documentos, title: "Documentos", csrf: csrf, sections: sections, """
        \(filterForm(base, page.filter, years: years))
        \(list)
        \(nav)
        """)
    }

    static func filterForm(_ action: String, _ filter: PortalService.DocumentFilter, years: [Int]) -> String {
        let yearOptions = (["<option value=\"\">Todos</option>"] + years.map {
            "<option value=\"\($0)\"\(filter.year == $0 ? " selected" : "")>\($0)</option>"
        }).joined()
        let statusOptions = (["<option value=\"\">Todos</option>"] + EDocumentStatus.allCases.map {
            "<option value=\"\($0.rawValue)\"\(filter.status == $0 ? " selected" : "")>\(HTML.escape(CustomerPages.status($0)))</option>"
        }).joined()
        return """
        <form class="filtros" method="get" action="\(action)">
        <div><label for="anio">Año</label><select id="anio" name="anio">\(yearOptions)</select></div>
        <div><label for="estado">Estado en SUNAT</label><select id="estado" name="estado">\(statusOptions)</select></div>
        <button type="submit">Filtrar</button>
        </form>
        """
    }

    static func item(_ customerId: Int64, _ r: EDocumentRecord) -> String {
        let files = "/c/\(customerId)/documentos/\(r.id)/"
        let cdr = r.answeredAt == nil
            ? "<span class=\"muted\">CDR: aún sin respuesta de SUNAT</span>"
            : "<a href=\"\(files)cdr\" download>CDR</a>"
        return """
        <li class="tarjeta documento">
        <h2>\(HTML.escape(r.kind.displayName)) \(HTML.escape(r.documentID))</h2>
        <dl>
        <dt>Fecha</dt><dd>\(CustomerPages.date(r.issueDate))</dd>
        <dt>Total</dt><dd class="monto">\(HTML.escape(r.total.formatted))</dd>
        <dt>SUNAT</dt><dd><span class="estado estado-\(r.status.rawValue)">\(HTML.escape(CustomerPages.status(r.status)))</span></dd>
        </dl>
        <p class="archivos"><a href="\(files)pdf" download>PDF</a> <a href="\(files)xml" download>XML</a> \(cdr)</p>
        </li>
        """
    }
}
