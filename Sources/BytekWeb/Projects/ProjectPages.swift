import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The contact's project pages: the list (progress, milestones with state, amount and planned date) and one
/// project (what waits for the customer's approval, its files, the approve / ask-for-changes forms).
enum ProjectPages {
    static func frame(_ customer: PortalCustomer, title: String, csrf: String, sections: [CustomerPages.Section], _ body: String) -> String {
        PortalPages.layout(title + " · " + customer.legalName, """
        \(CustomerPages.nav(customer.id, current: nil, sections: sections))
        <p class="empresa">\(HTML.escape(customer.legalName)) <span class="muted">(\(HTML.escape(customer.docType)) \(HTML.escape(customer.docNumber)))</span></p>
        <h1>\(HTML.escape(title))</h1>
        \(body)
        """, header: PortalPages.logoutForm(csrf: csrf))
    }

    static func list(_ page: PortalService.ProjectsPage, csrf: String, sections: [CustomerPages.Section]) -> String {
        let id = page.customer.id
        guard !page.projects.isEmpty else {
            return frame(page.customer, title: "Proyectos", csrf: csrf, sections: sections, "<p>No tiene proyectos en curso.</p>")
        }
        let items = page.projects.map { p in
            """
            <li class="tarjeta proyecto">
            <h2><a href="/c/\(id)/proyectos/\(HTML.escape(p.code))">\(HTML.escape(p.code)) · \(HTML.escape(p.name))</a></h2>
            <p>Avance: <strong>\(p.progressPercent)%</strong> · Entrega comprometida: \(CustomerPages.date(p.promisedDate))</p>
            \(milestoneTable(p.milestones))
            </li>
            """
        }.joined(separator: "\n")
        return frame(page.customer, title: "Proyectos", csrf: csrf, sections: sections, "<ul class=\"proyectos\">\n\(items)\n</ul>")
    }

    static func milestoneTable(_ list: [MilestoneRecord]) -> String {
        guard !list.isEmpty else { return "" }
        let rows = list.map { m in
            "<tr><td>\(m.milestone.position). \(HTML.escape(m.milestone.name))</td><td>\(HTML.escape(m.milestone.state.displayName))</td>"
                + "<td class=\"monto\">\(HTML.escape(m.milestone.amount.formatted))</td><td>\(CustomerPages.date(m.milestone.plannedDate))</td></tr>"
        }.joined(separator: "\n")
        return """
        <table class="hitos"><thead><tr><th scope="col">Hito</th><th scope="col">Estado</th><th scope="col">Importe</th><th scope="col">Fecha prevista</th></tr></thead>
        <tbody>
        \(rows)
        </tbody></table>
        """
    }

    static func project(_ page: PortalService.ProjectPage, notice: String?, error: String?, csrf: String,
                        sections: [CustomerPages.Section]) -> String {
        let id = page.customer.id
        let p = page.project
        var body = ""
        if let notice { body += "<p class=\"aviso\" role=\"status\">\(HTML.escape(notice))</p>\n" }
        if let error { body += "<p class=\"error\" role=\"alert\">\(HTML.escape(error))</p>\n" }
        body += "<p>Avance: <strong>\(p.progressPercent)%</strong> · Entrega comprometida: \(CustomerPages.date(p.promisedDate))</p>\n"
        body += milestoneTable(p.milestones)
        for v in page.milestones {
            let m = v.record.milestone
            let waiting = m.state == .ready
            guard waiting || !v.deliverables.isEmpty || !v.signoffs.isEmpty else { continue }
            let files = v.deliverables.map { d in
                "<li><a href=\"/c/\(id)/proyectos/\(HTML.escape(p.code))/entregables/\(d.id)\" download>\(HTML.escape(d.fileName))</a> "
                    + "<span class=\"muted\">\(d.bytes) bytes · SHA-256 \(d.sha256)</span></li>"
            }.joined(separator: "\n")
            let history = v.signoffs.map { s in
                let verb = s.decision == SignoffDecision.approved.rawValue ? "Aprobado" : "Cambios pedidos"
                let comment = s.comment.isEmpty ? "" : ": «\(HTML.escape(s.comment))»"
                return "<li>\(verb) por \(HTML.escape(s.who)) el \(CustomerPages.date(s.decidedAt))\(comment) "
                    + "<span class=\"muted\">huella \(s.approvedHash)</span></li>"
            }.joined(separator: "\n")
            var forms = ""
            if waiting {
                let action = "/c/\(id)/proyectos/\(HTML.escape(p.code))/hitos/\(m.id)"
                forms = """
                <p><strong>Este hito espera su aprobación.</strong> Revise los entregables y apruébelo o pida cambios.</p>
                <form method="post" action="\(action)/aprobar">
                \(PortalPages.csrfField(csrf))
                <button type="submit">Aprobar el hito</button>
                </form>
                <form method="post" action="\(action)/cambios">
                \(PortalPages.csrfField(csrf))
                <label for="comentario-\(m.id)">Qué cambios pide (obligatorio)</label>
                <textarea id="comentario-\(m.id)" name="comentario" rows="3" maxlength="2000" required></textarea>
                <button type="submit">Pedir cambios</button>
                </form>
                """
            }
            body += """
            <section class="tarjeta hito" aria-labelledby="hito-\(m.id)"><h2 id="hito-\(m.id)">Hito \(m.position): \(HTML.escape(m.name)) · \(HTML.escape(m.state.displayName))</h2>
            \(files.isEmpty ? "" : "<ul class=\"entregables\">\n\(files)\n</ul>")
            \(history.isEmpty ? "" : "<ul class=\"decisiones\">\n\(history)\n</ul>")
            \(forms)
            </section>

            """
        }
        return frame(page.customer, title: "\(p.code) · \(p.name)", csrf: csrf, sections: sections, body)
    }
}
