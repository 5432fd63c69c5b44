import BytekModel
import BytekServices
import Foundation

/// A customer's messages (from the customer list, `M`): every e-mail and WhatsApp message, newest first, with
/// its purpose, reference, recipients, status and — when it failed — why; a fallback e-mail names the WhatsApp
/// message it replaced. The first line says how the customer gets its accepted documents by e-mail; `c` turns
/// that on or off (Facturación writers).
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
            KeyBinding([.char("c")], strings["msg.list.key.toggle"], help: strings["msg.list.help.toggle"]),
            KeyBinding([.escape], strings["app.back"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    func load() {
        do {
            let list = try messages.messages(customerId: customerId)
            errorText = nil
            body = ScrollingText(lines: [try preferenceLine(), ""] + Self.lines(list, strings: strings))
        } catch {
            errorText = MessageText.describe(error, strings)
            body = ScrollingText(lines: [])
        }
    }

    func reload(context: AppContext) { load() }

    /// "Comprobantes aceptados por correo: sí · a: … · adjuntos: PDF, XML, CDR".
    private func preferenceLine() throws -> String {
        let p = try messages.documentMailPreference(customerId: customerId)
        let to = try messages.documentRecipients(customerId: customerId)
        let files = [p.attachPDF ? "PDF" : nil, p.attachXML ? "XML" : nil, p.attachCDR ? "CDR" : nil].compactMap { $0 }
        return strings.format("msg.list.documents", strings[p.enabled ? "msg.yes" : "msg.no"],
                              to.isEmpty ? strings["msg.list.noBillingEmail"] : to.joined(separator: ", "), files.joined(separator: ", "))
    }

    private func togglePreference(_ context: AppContext) {
        do {
            var p = try messages.documentMailPreference(customerId: customerId)
            p.enabled.toggle()
            try messages.setDocumentMailPreference(customerId: customerId, p)
            load()
            context.ok(strings[p.enabled ? "msg.list.turnedOn" : "msg.list.turnedOff"])
        } catch {
            context.error(MessageText.describe(error, strings))
        }
    }

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
        if key == .char("c") { togglePreference(context); return .handled }
        return body.handle(key) ? .handled : .ignored
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        TextPage.render(&canvas, in: rect, title: title, errorText: errorText, body: &body)
    }
}
