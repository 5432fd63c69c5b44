import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Cobranzas › `R`: the default policy's levels (↑ ↓ choose one), the chosen level's message rendered for a
/// real customer (the row selected in Cobranzas, else the first one reminded today; `c` the next one), and
/// what today's run sends and holds back. Enter edits the chosen level, `n` adds one (`ReminderLevelEditor`).
@MainActor
final class ReminderPolicyScreen: Screen {
    let desk: ReminderDesk
    let strings: Strings
    let drafts: DraftRepository?
    private(set) var policy: ReminderPolicy?
    private(set) var selectedLevel = 0
    private(set) var customers: [(id: Int64, name: String)] = []
    private(set) var customerIndex = 0
    private(set) var plan = ReminderPlan()
    private(set) var errorText: String?
    private var body = ScrollingText(lines: [])

    init(desk: ReminderDesk, customerId: Int64?, customerName: String, strings: Strings, drafts: DraftRepository? = nil) {
        self.desk = desk; self.strings = strings; self.drafts = drafts
        if let customerId { customers.append((customerId, customerName)) }
        load()
    }

    var title: String { strings["rem.policy.title"] }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.up, .down], strings["rem.key.level"], help: strings["rem.help.level"]),
            KeyBinding([.char("c")], strings["rem.key.customer"], help: strings["rem.help.customer"]),
            KeyBinding([.enter], strings["rem.key.edit"], help: strings["rem.help.edit"]),
            KeyBinding([.char("n")], strings["rem.key.new"], help: strings["rem.help.new"]),
            KeyBinding([.escape], strings["cob.st.back"]),
        ]
    }

    func load() {
        do {
            policy = try desk.policies().first { $0.isDefault }
            plan = try desk.plan()
            for b in plan.batches where !customers.contains(where: { $0.id == b.customerId }) { customers.append((b.customerId, b.customerName)) }
            errorText = nil
        } catch {
            errorText = desk.describe(error)
        }
        rebuild()
    }

    func reload(context: AppContext) { load() }

    func rebuild() {
        var out: [String] = []
        guard let policy else {
            body = ScrollingText(lines: [strings["rem.policy.none"]])
            return
        }
        out.append(strings.format("rem.policy.head", policy.name, String(policy.graceDays)))
        out.append("")
        for (i, l) in policy.levels.enumerated() {
            out.append((i == selectedLevel ? "▸ " : "  ") + Self.levelLine(l, strings))
        }
        out.append("")
        if policy.levels.indices.contains(selectedLevel), customers.indices.contains(customerIndex) {
            let c = customers[customerIndex]
            out.append("── " + strings.format("rem.preview.head", c.name) + " ──")
            do {
                if let o = try desk.preview(policy.levels[selectedLevel], customerId: c.id) {
                    out += Self.messageLines(o, strings)
                } else {
                    out.append(strings["rem.preview.nothing"])
                }
            } catch {
                out.append("✗ " + desk.describe(error))
            }
            out.append("")
        }
        out.append("── " + strings.format("rem.today.head", String(plan.batches.count)) + " ──")
        for b in plan.batches {
            out.append("  " + SafeText.fit(b.customerName, 34) + " " + SafeText.fit(b.level.offsetText, 4, alignRight: true) + "  "
                       + SafeText.fit(b.level.channel.name, 9) + b.receivables.map(\.documentID).joined(separator: ", "))
        }
        for h in plan.held { out.append("  " + strings.format("rem.today.held", h.customerName, h.stop.text)) }
        body = ScrollingText(lines: out)
    }

    static func levelLine(_ l: ReminderLevel, _ s: Strings) -> String {
        let offset = SafeText.fit(l.offsetText, 4, alignRight: true)
        switch l.channel {
        case .email(let t): return offset + "  " + SafeText.fit(s["rem.channel.email"], 9) + t.subject
        case .whatsapp(let t):
            return offset + "  " + SafeText.fit(s["rem.channel.whatsapp"], 9) + t.name + " (" + t.language + ") "
                + t.parameters.map(\.token).joined(separator: " ")
        }
    }

    /// The message as it would go out: recipients, then the e-mail or the WhatsApp template and parameters.
    static func messageLines(_ o: ReminderOutgoing, _ s: Strings) -> [String] {
        var out: [String] = []
        if let wa = o.whatsapp {
            out.append(s.format("rem.preview.wa", o.recipients.whatsapp ?? s["rem.preview.noPhone"], wa.template.name))
            for (i, p) in wa.parameters.enumerated() { out.append("  {{\(i + 1)}} " + p) }
            out.append(s["rem.preview.fallback"])
        }
        let mail = o.email
        out.append(s.format("rem.preview.to", o.emailTo.isEmpty ? s["rem.preview.noEmail"] : o.emailTo.joined(separator: ", ")))
        out.append(s.format("rem.preview.subject", mail.subject))
        out += mail.body.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return out
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        switch key {
        case .escape:
            context.pop()
        case .up:
            selectedLevel = max(0, selectedLevel - 1); rebuild()
        case .down:
            selectedLevel = min(max(0, (policy?.levels.count ?? 1) - 1), selectedLevel + 1); rebuild()
        case .enter, .char("n"):
            guard let policy, let id = policy.id, let drafts else { return .handled }
            let level = key == .enter && policy.levels.indices.contains(selectedLevel) ? policy.levels[selectedLevel] : nil
            let editor = ReminderLevelEditor(desk: desk, policyId: id, level: level, strings: strings)
            editor.onSaved = { [weak self] in self?.load() }
            FormScreen.open(editor, drafts: drafts, strings: strings, context: context)
        case .char("c"):
            if !customers.isEmpty { customerIndex = (customerIndex + 1) % customers.count }
            rebuild()
        default:
            return body.handle(key) ? .handled : .ignored
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        TextPage.render(&canvas, in: rect, title: title, errorText: errorText, body: &body)
    }
}
