import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `/c/<id>/proyectos…`: the contact's projects, one project, a deliverable's download (streamed from
/// disk) and the approve / ask-for-changes posts (with the session's CSRF token).
extension WebApp {
    func projectPage(_ r: HTTPRequest, _ who: PortalService.SignedIn, _ id: Int64, _ rest: [String]) throws -> HTTPResponse {
        let csrf = who.session.csrf
        switch (r.method, rest.count) {
        case ("GET", 1):
            guard let page = try portal.projects(who, customerId: id) else { return notFound() }
            return .html(ProjectPages.list(page, csrf: csrf, sections: sections))
        case ("GET", 2):
            guard let page = try portal.project(who, customerId: id, code: rest[1]) else { return notFound() }
            let notice = r.query["aprobado"] == "1" ? "Gracias: el hito quedó aprobado." :
                r.query["cambios"] == "1" ? "Recibimos su pedido de cambios; el equipo le avisará cuando esté listo otra vez." : nil
            return .html(ProjectPages.project(page, notice: notice, error: nil, csrf: csrf, sections: sections))
        case ("GET", 4) where rest[2] == "entregables":
            guard let file = Int64(rest[3]), let d = try portal.deliverableFile(who, customerId: id, deliverableId: file),
                  FileManager.default.fileExists(atPath: d.path) else { return notFound() }
            return .file(d.path, type: "application/octet-stream", fileName: d.name)
        case ("POST", 5) where rest[2] == "hitos" && (rest[4] == "aprobar" || rest[4] == "cambios"):
            guard sessionCSRFValid(r, who) else { return forbidden() }
            guard let milestone = Int64(rest[3]) else { return notFound() }
            let decision: SignoffDecision = rest[4] == "aprobar" ? .approved : .changes
            guard let outcome = try portal.decide(who, customerId: id, milestoneId: milestone, decision: decision,
                                                  comment: r.form["comentario"] ?? "") else { return notFound() }
            switch outcome {
            case .done(let d):
                return .redirect("/c/\(id)/proyectos/\(rest[1])?\(d == .approved ? "aprobado" : "cambios")=1")
            case .refused(let why):
                guard let page = try portal.project(who, customerId: id, code: rest[1]) else { return notFound() }
                return .html(ProjectPages.project(page, notice: nil, error: why, csrf: csrf, sections: sections), status: 422)
            }
        default:
            return notFound()
        }
    }
}
