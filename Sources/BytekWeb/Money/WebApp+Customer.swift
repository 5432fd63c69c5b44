import BytekModel
import BytekServices
import BytekStore

/// The contact's pages of one customer (`/c/<id>/…`): documents and their files, the estado de cuenta.
/// Each calls PortalService as the contact; whatever the contact may not see answers 404 "no encontrado".
extension WebApp {
    func customerPage(_ r: HTTPRequest, _ s: [String]) throws -> HTTPResponse {
        guard let who = try signedIn(r) else { return r.method == "GET" ? .redirect("/") : forbidden() }
        guard let id = Int64(s[1]) else { return notFound() }
        let rest = Array(s.dropFirst(2))
        let csrf = who.session.csrf
        switch (r.method, rest.first ?? "", rest.count) {
        case ("GET", "documentos", 1):
            guard let page = try portal.documents(who, customerId: id, filter: .init(query: r.query),
                                                  cursor: .init(query: r.query)) else { return notFound() }
            let thisYear = LimaTime.date(ProcessClock.now()).year
            return .html(DocumentPages.list(page, years: Array((thisYear - 5...thisYear).reversed()), csrf: csrf,
                                            sections: sections))
        case ("GET", "documentos", 3):
            guard let doc = Int64(rest[1]), let file = PortalService.DocumentFile(rawValue: rest[2]),
                  let d = try portal.download(who, customerId: id, documentId: doc, file: file) else { return notFound() }
            return .attachment(d.bytes, type: d.contentType, fileName: d.fileName)
        case ("GET", "cuenta", 1):
            guard let page = try portal.statement(who, customerId: id, query: r.query) else { return notFound() }
            return .html(StatementPages.page(page, csrf: csrf, sections: sections), status: page.problem == nil ? 200 : 422)
        case ("GET", "cuenta", 2) where rest[1] == "pdf":
            do {
                guard let d = try portal.statementPDF(who, customerId: id, query: r.query) else { return notFound() }
                return .attachment(d.bytes, type: d.contentType, fileName: d.fileName)
            } catch QuotePrintingError.companyProfileMissing {
                return .html(PortalPages.message("PDF no disponible", "El estado de cuenta en PDF aún no está disponible. "
                    + "Puede verlo en pantalla en «Estado de cuenta» o pedirlo a BYTEK."), status: 503)
            }
        case (_, "proyectos", _): return try projectPage(r, who, id, rest)
        default:
            return try paymentPage(r, who, id, rest)
        }
    }

    /// The sections every customer page links to.
    var sections: [CustomerPages.Section] { CustomerPages.sections(payments: !portal.gateways.isEmpty) }
}
