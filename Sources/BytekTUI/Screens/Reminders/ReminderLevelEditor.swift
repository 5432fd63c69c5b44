import BytekModel
import BytekStore
import Foundation

/// The form of one level of the default policy (new with `n`, the selected one with Enter in Recordatorios):
/// days from the due date, the channel, the e-mail's subject, body and copies, or the approved WhatsApp
/// template, its language and ordered parameters. Saved through `recordatorios.politica`; each refusal is
/// shown on the field it names. The policy screen then previews the saved level for a real customer.
@MainActor
final class ReminderLevelEditor: RecordEditor {
    let desk: ReminderDesk
    let policyId: Int64
    let level: ReminderLevel?
    let strings: Strings
    var onSaved: () -> Void = {}

    init(desk: ReminderDesk, policyId: Int64, level: ReminderLevel?, strings: Strings) {
        self.desk = desk; self.policyId = policyId; self.level = level; self.strings = strings
    }

    var formName: String { "recordatorios.nivel" }
    var recordKey: String { level?.id.map(String.init) ?? "new" }
    var title: String { level.map { strings.format("rem.level.edit", $0.offsetText) } ?? strings["rem.level.new"] }

    func makeFields() -> [FormField] {
        var email = EmailReminderTemplate(subject: "", body: "")
        var wa = WhatsAppReminderTemplate(name: "", language: "es", parameters: [])
        switch level?.channel {
        case .email(let t): email = t
        case .whatsapp(let t): wa = t
        case nil: break
        }
        return [
            .text("offset", strings["rem.level.offset"], value: level?.offsetText ?? "", required: true, width: 8, maxLength: 12,
                  hint: strings["rem.level.offset.hint"]),
            .choice("channel", strings["rem.level.channel"], options: [FormOption("correo", strings["rem.channel.email"]),
                                                                        FormOption("whatsapp", strings["rem.channel.whatsapp"])],
                    value: level?.channel.name ?? "correo"),
            .section(strings["rem.level.emailSection"]),
            .text("subject", strings["rem.level.subject"], value: email.subject, width: 60, maxLength: 400),
            .notes("body", strings["rem.level.body"], value: email.body, width: 60),
            .text("copy", strings["rem.level.copy"], value: email.copyTo.joined(separator: ", "), width: 60, maxLength: 400),
            .section(strings["rem.level.waSection"]),
            .text("template", strings["rem.level.template"], value: wa.name, width: 40, maxLength: 600),
            .text("language", strings["rem.level.language"], value: wa.language, width: 8, maxLength: 10),
            .text("parameters", strings["rem.level.parameters"], value: wa.parameters.map(\.rawValue).joined(separator: ", "),
                  width: 60, maxLength: 400, hint: strings["rem.level.parameters.hint"]),
        ]
    }

    func save(_ values: [String: String]) -> SaveOutcome {
        let v = { (id: String) in values[id] ?? "" }
        do {
            let offset = try ReminderLevel.parseOffset(v("offset"))
            let channel: ReminderLevelChannel
            if v("channel") == "whatsapp" {
                channel = .whatsapp(WhatsAppReminderTemplate(name: v("template"), language: v("language"),
                                                             parameters: try WhatsAppReminderTemplate.parseParameters(v("parameters"))))
            } else {
                let copy = v("copy").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                channel = .email(EmailReminderTemplate(subject: v("subject"), body: v("body"), copyTo: copy))
            }
            let saved = try desk.saveLevel(ReminderLevel(id: level?.id, offsetDays: offset, channel: channel), policyId: policyId)
            onSaved()
            return .saved(strings.format("rem.level.saved", saved.offsetText))
        } catch let e as ReminderPolicyError {
            return .invalid([Self.field(of: e): e.message])
        } catch {
            return .failed(desk.describe(error), field: nil)
        }
    }

    /// The form field a refusal names.
    static func field(of e: ReminderPolicyError) -> String {
        switch e {
        case .offsetNotANumber, .offsetOutOfRange, .duplicateOffset, .tooManyLevels: return "offset"
        case .unknownPlaceholders(let field, _), .emptyTemplate(let field), .templateTooLong(let field, _):
            return field == "asunto" ? "subject" : field == "mensaje" ? "body" : "parameters"
        case .invalidWhatsAppName: return "template"
        case .invalidWhatsAppLanguage: return "language"
        case .tooManyParameters: return "parameters"
        case .invalidCopyAddress: return "copy"
        default: return "offset"
        }
    }
}
