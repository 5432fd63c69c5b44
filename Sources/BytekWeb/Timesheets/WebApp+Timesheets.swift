import BytekModel
import Foundation

extension WebApp {
    /// The technician's home with "Mis horas".
    func technicianHome(_ r: HTTPRequest, _ who: PortalService.SignedIn, error: String? = nil, duration: String = "",
                        note: String = "", status: Int = 200) throws -> HTTPResponse {
        let notice = r.query["horas"] == "ok" ? "Horas registradas." : nil
        let hours = try portal.technicianHours(who).map {
            TimesheetPages.section($0, csrf: who.session.csrf, notice: error == nil ? notice : nil, error: error,
                                   duration: duration, note: note)
        } ?? ""
        return .html(PortalPages.technicianHome(name: try portal.technicianName(who), today: SpanishDate.todayInLima(),
                                                csrf: who.session.csrf, hours: hours), status: status)
    }

    /// POST /horas: the technician logs hours today; back to the home (the Spanish reason and what was typed
    /// kept when refused).
    func postHours(_ r: HTTPRequest) throws -> HTTPResponse {
        guard let who = try signedIn(r) else { return .redirect("/") }
        guard who.account.kind == .tecnico else { return notFound() }
        guard sessionCSRFValid(r, who) else { return forbidden() }
        let duration = r.form["duracion"] ?? "", note = r.form["nota"] ?? ""
        do {
            try portal.logTechnicianHours(who, target: r.form["tarea"] ?? "", duration: duration, note: note)
            return .redirect("/?horas=ok")
        } catch let e as TimesheetError {
            return try technicianHome(r, who, error: e.message.prefix(1).uppercased() + e.message.dropFirst(),
                                      duration: duration, note: note, status: 422)
        } catch ProjectGateError.blocked(let block) {
            return try technicianHome(r, who, error: block.message, duration: duration, note: note, status: 422)
        }
    }
}
