import BytekModel
import BytekServices
import BytekStore
import Foundation

/// One milestone of a U2 project: its deliverables (name, who, when, SHA-256) and its sign-off history.
/// `a` attaches a file by path, `l` marks it ready for approval, `r` records an approval received by e-mail,
/// signed record or other (with the evidence file), `p` releases the chosen deliverable in the portal, `f`
/// issues the invoice of an approved milestone (finanzas). The service refuses what the role may not do.
@MainActor
final class MilestoneScreen: Screen {
    private let services: Services
    private let strings: Strings
    private let milestoneId: Int64
    private let pane: ListPane
    private(set) var record: MilestoneRecord?
    private(set) var deliverables: [DeliverableRecord] = []
    private(set) var signoffs: [SignoffRecord] = []
    private(set) var problem: String?

    init(services: Services, milestoneId: Int64, strings: Strings) {
        self.services = services
        self.strings = strings
        self.milestoneId = milestoneId
        let s = strings
        let table = Table(columns: [
            TableColumn(s["ms.col.what"], width: 22),
            TableColumn(s["ms.col.name"], weight: 1, minWidth: 16),
            TableColumn(s["ms.col.who"], width: 18),
            TableColumn(s["ms.col.when"], width: 11),
            TableColumn(s["ms.col.hash"], width: 16),
        ], source: ArrayRowSource([]), emptyMessage: s["ms.empty"])
        pane = ListPane(title: s["ms.col.name"], table: table)
        pane.showsFilter = false
        load()
    }

    var title: String {
        guard let m = record?.milestone else { return strings.format("ms.title", "\(milestoneId)", "") }
        return strings.format("ms.title", "\(m.position)", m.name)
    }

    var bindings: [KeyBinding] {
        let s = strings
        return [
            KeyBinding([.char("a")], s["ms.attach"], help: s["ms.help.attach"]),
            KeyBinding([.char("l")], s["ms.ready"], help: s["ms.help.ready"]),
            KeyBinding([.char("r")], s["ms.record"], help: s["ms.help.record"]),
            KeyBinding([.char("p")], s["ms.release"], help: s["ms.help.release"]),
            KeyBinding([.char("f")], s["ms.issue"], help: s["ms.help.issue"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], s["key.move"], help: s["table.help.move"], hint: false),
        ]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.char("a")): askAttach(context); return .handled
        case .key(.char("l")):
            run(context) { try self.services.milestones.markReady(milestoneId: self.milestoneId); return self.strings["ms.readyOk"] }
            return .handled
        case .key(.char("r")): askSignoff(context); return .handled
        case .key(.char("p")):
            guard let id = pane.table.selectedRow?.id, id > 0 else { return .handled }
            run(context) { try self.services.milestones.release(deliverableId: id); return self.strings["ms.releasedOk"] }
            return .handled
        case .key(.char("f")):
            run(context) {
                let r = try self.services.milestones.issueInvoice(milestoneId: self.milestoneId)
                return self.strings.format("ms.issued", r.documentID)
            }
            return .handled
        default: return pane.handle(event) ? .handled : .ignored
        }
    }

    private func ask(_ context: AppContext, title: String, prompt: String, hint: String = "", empty: String,
                     _ then: @escaping @MainActor (String) -> Void) {
        let s = strings
        let texts = ReasonDialog.Texts(title: title, prompt: prompt, hint: hint, confirm: s["key.save"], empty: empty)
        context.present(ReasonDialog(texts, maxLength: 1000, strings: s) { answer in
            guard let answer else { context.info(s["ms.cancelled"]); return }
            then(answer.trimmingCharacters(in: .whitespaces))
        })
    }

    private func askAttach(_ context: AppContext) {
        let s = strings
        ask(context, title: s["ms.path.title"], prompt: s["ms.path.prompt"], hint: s["ms.path.hint"], empty: s["ms.path.empty"]) {
            [weak self] path in
            guard let self else { return }
            self.run(context) {
                let d = try self.services.milestones.attach(milestoneId: self.milestoneId, path: path)
                return s.format("ms.attached", d.fileName)
            }
        }
    }

    private func askSignoff(_ context: AppContext) {
        let s = strings, t = s["ms.via.title"]
        ask(context, title: t, prompt: s["ms.via.prompt"], hint: s["ms.via.hint"], empty: s["ms.via.empty"]) { [weak self] via in
            self?.ask(context, title: t, prompt: s["ms.who.prompt"], empty: s["ms.who.empty"]) { [weak self] who in
                self?.ask(context, title: t, prompt: s["ms.ev.prompt"], empty: s["ms.ev.empty"]) { [weak self] evidence in
                    guard let self else { return }
                    self.run(context) {
                        guard let channel = SignoffChannel(rawValue: via.lowercased()) else {
                            throw MilestoneServiceError.invalid("Medio: escriba correo, acta u otro.")
                        }
                        let r = try self.services.milestones.recordSignoff(milestoneId: self.milestoneId, channel: channel, who: who,
                                                                           evidencePath: evidence)
                        return s.format("ms.recorded", String(r.approvedHash.prefix(16)))
                    }
                }
            }
        }
    }

    private func run(_ context: AppContext, _ body: () throws -> String) {
        ServiceOutcome.run(context, strings, reload: load, body)
    }

    /// Reads the milestone, its files and decisions again.
    func load() {
        let s = strings
        do {
            record = try services.milestones.milestone(milestoneId)
            deliverables = try services.milestones.deliverables(milestoneId: milestoneId)
            signoffs = try services.milestones.signoffs(milestoneId: milestoneId)
            problem = nil
        } catch {
            problem = ServiceOutcome.text(error, s)
        }
        var rows = deliverables.map { d in
            TableRow(id: d.id, cells: [s[d.released ? "ms.file.released" : "ms.file"], d.fileName, d.uploadedBy,
                                       PeriodCloseScreen.day(d.uploadedAt), String(d.sha256.prefix(16))], cursor: [])
        }
        rows += signoffs.map { x in
            let what = s[x.decision == SignoffDecision.approved.rawValue ? "ms.approved" : "ms.changes"]
            let how = SignoffChannel(rawValue: x.how)?.displayName ?? x.how
            return TableRow(id: -x.id, cells: [what + " · " + how, x.comment, x.who, PeriodCloseScreen.day(x.decidedAt), String(x.approvedHash.prefix(16))],
                            cursor: [])
        }
        pane.table.setSource(ArrayRowSource(rows))
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        var intro = ""
        if let r = record {
            let extra = r.documentNumber.map { strings.format("ms.invoice", $0) }
                ?? (r.milestone.invoiceQueuedAt != nil ? strings["ms.queued"] : "")
            intro = strings.format("ms.intro", r.projectCode, r.milestone.state.displayName, r.milestone.amount.formatted,
                                   ExchangeRateRule.dayMonthYear(r.milestone.plannedDate), extra)
        }
        ServiceOutcome.render(&canvas, in: rect, intro: intro, problem: problem, pane: pane, strings: strings)
    }
}
