import BytekModel
import BytekStore
import Foundation

/// Cobranzas › `h`: one customer's reminders — pause (`p`), a promise to pay for a week (`m`, again to
/// withdraw it), a dispute (`d`, again when resolved) — and the history of what was sent, with each
/// message's channel and status.
@MainActor
final class ReminderCustomerScreen: Screen {
    let desk: ReminderDesk
    let customerId: Int64
    let customerName: String
    let strings: Strings
    private(set) var settings: ReminderCustomerSettings?
    private(set) var history: [ReminderHistoryEntry] = []
    private(set) var errorText: String?
    private var body = ScrollingText(lines: [])

    init(desk: ReminderDesk, customerId: Int64, customerName: String, strings: Strings) {
        self.desk = desk; self.customerId = customerId; self.customerName = customerName; self.strings = strings
        load()
    }

    var title: String { strings.format("rem.customer.title", customerName) }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("p")], strings["rem.key.pause"], help: strings["rem.help.pause"]),
            KeyBinding([.char("m")], strings["rem.key.promise"], help: strings["rem.help.promise"]),
            KeyBinding([.char("d")], strings["rem.key.dispute"], help: strings["rem.help.dispute"]),
            KeyBinding([.escape], strings["cob.st.back"]),
        ]
    }

    func load() {
        do {
            settings = try desk.settings(customerId: customerId)
            history = try desk.history(customerId: customerId)
            errorText = nil
        } catch {
            errorText = desk.describe(error)
        }
        var out: [String] = []
        if let s = settings {
            var state: [String] = []
            if s.paused { state.append(strings["rem.state.paused"]) }
            if let p = s.promiseUntil { state.append(strings.format("rem.state.promise", ReminderMessage.date(p)) + (s.promiseNote.isEmpty ? "" : " — " + s.promiseNote)) }
            if s.disputed { state.append(strings["rem.state.dispute"] + (s.disputeNote.isEmpty ? "" : " — " + s.disputeNote)) }
            out.append(strings.format("rem.state", state.isEmpty ? strings["rem.state.active"] : state.joined(separator: " · ")))
            if !s.updatedBy.isEmpty { out.append(strings.format("rem.state.by", s.updatedBy, String(s.updatedAt.prefix(10)))) }
        }
        out.append("")
        out.append(SafeText.fit(strings["rem.col.date"], 11) + SafeText.fit(strings["rem.col.level"], 6) + SafeText.fit(strings["rem.col.channel"], 10)
                   + SafeText.fit(strings["rem.col.status"], 24) + strings["rem.col.documents"])
        if history.isEmpty { out.append(strings["rem.history.empty"]) }
        for e in history {
            out.append(SafeText.fit(ReminderMessage.date(e.sentOn), 11) + SafeText.fit(ReminderLevel.offsetText(e.offsetDays), 6)
                       + SafeText.fit(e.channel, 10) + SafeText.fit(e.status, 24) + e.documents)
        }
        body = ScrollingText(lines: out)
    }

    func reload(context: AppContext) { load() }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        do {
            switch key {
            case .escape:
                context.pop()
                return .handled
            case .char("p"):
                let on = !(settings?.paused ?? false)
                try desk.pause(customerId: customerId, on)
                context.ok(strings[on ? "rem.ok.paused" : "rem.ok.resumed"])
            case .char("m"):
                let until: LocalDate? = settings?.promiseUntil == nil ? desk.today.adding(days: 7) : nil
                try desk.promise(customerId: customerId, until: until)
                context.ok(until.map { strings.format("rem.ok.promise", ReminderMessage.date($0)) } ?? strings["rem.ok.promiseOff"])
            case .char("d"):
                let open = !(settings?.disputed ?? false)
                try desk.dispute(customerId: customerId, open)
                context.ok(strings[open ? "rem.ok.dispute" : "rem.ok.disputeOff"])
            default:
                return body.handle(key) ? .handled : .ignored
            }
        } catch {
            context.error(desk.describe(error))
        }
        load()
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        TextPage.render(&canvas, in: rect, title: title, errorText: errorText, body: &body)
    }
}
