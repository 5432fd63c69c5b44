/// What a reminder's template may name between braces. E-mail templates use them in the subject and the
/// body; a WhatsApp level lists them, in order, as its approved template's body parameters.
public enum ReminderPlaceholder: String, CaseIterable, Sendable, Codable, Hashable {
    /// The customer's legal name.
    case cliente
    /// The documents of the message: a table (document, cuota, due date, balance) in an e-mail, the
    /// document numbers separated by commas in a WhatsApp parameter (no line breaks there).
    case documentos
    /// What those documents owe, per currency ("S/ 1,180.00 + US$ 50.00").
    case total
    /// The earliest due date among them (dd/mm/aaaa).
    case vencimiento
    /// Days past that due date (0 before it).
    case dias_vencido
    /// The portal's pay page of the customer: `portal_url` + `/c/<id>/pagar`.
    case enlace_pago

    /// `{cliente}` as written in a template.
    public var token: String { "{" + rawValue + "}" }

    /// The names between braces in `text` that are not placeholders, in order of appearance, once each.
    public static func unknown(in text: String) -> [String] {
        var out: [String] = []
        for name in names(in: text) where ReminderPlaceholder(rawValue: name) == nil && !out.contains(name) {
            out.append(name)
        }
        return out
    }

    /// Every `{name}` of `text` (the text between an opening brace and the next closing one).
    static func names(in text: String) -> [String] {
        var out: [String] = []
        var current: String? = nil
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}" {
                if let c = current { out.append(c) }
                current = nil
            } else if current != nil {
                current?.append(ch)
            }
        }
        return out
    }
}
