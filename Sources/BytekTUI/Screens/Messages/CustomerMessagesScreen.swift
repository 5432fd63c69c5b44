import BytekModel
import BytekServices
import Foundation

/// A customer's messages (from the customer list, `M`): every e-mail and WhatsApp message, newest first, with
/// its purpose, reference, recipients, status and — when it failed — why; a fallback e-mail names the WhatsApp
/// message it replaced.
@MainActor
final class CustomerMessagesScreen: Screen {
    let messages: MessageService
    let customerId: Int64
    let customerName: String
    let strings: Strings
    private(set) var errorText: String?
    private var body = ScrollingText(lines: [])

    init(messages: MessageService, customerId: Int64, customerName: String, strings: Strings) {
        self.messages = messages; self.customerId = customerId; self.customerName = customerName; self.strings = strings
        load()
    }

    var title: String { strings.format("msg.list.title", customerName) }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.escape], strings["app.back"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    func load() {
        do {
            let list = try messages.messages(customerId: customerId)
            errorText = nil
            body = ScrollingText(lines: Self.lines(list, strings: strings))
        } catch {
            errorText = MessageText.describe(error, strings)
            body = ScrollingText(lines: [])
        }
    }

    func reload(context: AppContext) { load() }

    static func lines(_ list: [CustomerMessage], strings: Strings) -> [String] {
        if list.isEmpty { return [strings["msg.list.empty"]] }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "es_PE")
        formatter.timeZone = TimeZone(secondsFromGMT: LimaTime.offsetSeconds)
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        var out = [row([strings["msg.col.date"], strings["msg.col.channel"], strings["msg.col.purpose"], strings["msg.col.reference"],
                        strings["msg.col.to"], strings["msg.col.status"]])]
        for m in list {
            out.append(row([formatter.string(from: m.createdAt), m.channel.displayName, m.purpose.displayName, m.reference,
                            m.recipientText, m.status.displayName]))
            if let original = m.fallbackOf { out.append("    " + strings.format("msg.list.fallback", String(original))) }
            if m.channel == .whatsapp { out.append("    " + strings.format("msg.list.template", m.template)) }
            if !m.subject.isEmpty { out.append("    " + m.subject) }
            if !m.error.isEmpty { out.append("    ✗ " + m.error) }
        }
        return out
    }

    static func row(_ cells: [String]) -> String {
        let widths = [16, 8, 18, 18, 30, 10]
        return zip(cells, widths).map { SafeText.fit($0.0, $0.1, alignRight: false) }.joined(separator: " ")
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        if key == .escape { context.pop(); return .handled }
        return body.handle(key) ? .handled : .ignored
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        TextPage.render(&canvas, in: rect, title: title, errorText: errorText, body: &body)
    }
}
