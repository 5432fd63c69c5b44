import BytekModel
import BytekStore
import Foundation

/// What one run of the daily `proyectos.atrasos` job did.
public struct LateMailReport: Sendable, Hashable {
    public var report: LateReport
    /// People e-mailed, those with cards but no address (setting `correo.<login>`), and those whose cards
    /// all went out earlier the same day.
    public var mailed: [String]
    public var withoutEmail: [String]
    public var alreadySent: [String]
}

extension ProjectService {
    /// Lists the cards that will miss their date today (or `day`) and e-mails each project's manager and
    /// each card's assignee theirs, one e-mail per person, through `send(to, subject, body)` (the worker
    /// passes its mail sender). A card goes to a person once a day: a re-run sends only what is new.
    public func mailLate(on day: LocalDate? = nil, send: (String, String, String) throws -> Void) throws -> LateMailReport {
        try actor.authorize(.projectLateMail)
        let report = try lateReport(on: day)
        var managers: [Int64: String] = [:]
        for p in report.projects { managers[p.projectId] = p.manager }
        let settings = SettingsRepository(db: services.db)
        let log = ProjectLateMailLog(db: services.db, now: services.now)
        var mailed: [String] = [], without: [String] = [], already: [String] = []
        for var mail in LateCardsMail.perPerson(report.projects.flatMap(\.cards), managers: managers, date: report.date) {
            let sent = try log.sent(day: report.date, login: mail.login)
            mail.cards.removeAll { sent.contains($0.id) }
            guard !mail.cards.isEmpty else { already.append(mail.login); continue }
            guard let to = try settings.value(ProjectAlarmService.emailSetting(login: mail.login)), EmailAddress.isValid(to) else {
                without.append(mail.login); continue
            }
            try send(to, mail.subject, mail.body)
            try log.record(day: report.date, login: mail.login, taskIds: mail.cards.map(\.id))
            mailed.append(mail.login)
        }
        return LateMailReport(report: report, mailed: mailed, withoutEmail: without, alreadySent: already)
    }
}
