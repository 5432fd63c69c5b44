import BytekModel
import BytekStore
import Foundation

/// Where reminders meet the customer message outbox (`MessageOutbox`): the one place that queues a
/// reminder (in the caller's transaction) and reads its messages' status.
enum ReminderDelivery {
    struct Queued { var messageId: Int64; var channel: String; var recipient: String }

    /// Queues `out`: by WhatsApp (falling back to the e-mail when WhatsApp fails) when the level is a WhatsApp
    /// one and the customer has a mobile number, else by e-mail; nil when the customer has no usable contact.
    static func queue(_ out: ReminderOutgoing, batch: ReminderBatch, outbox: MessageOutbox) throws -> Queued? {
        let email = out.email
        let to = out.emailTo
        let reference = "\(batch.level.offsetText) " + batch.receivables.map(\.documentID).joined(separator: ", ")
        if let wa = out.whatsapp, let phone = out.recipients.whatsapp {
            let id = try outbox.queueWhatsApp(customerId: batch.customerId, purpose: .recordatorio, reference: reference, to: phone,
                                              template: wa.template.name, language: wa.template.language, parameters: wa.parameters,
                                              fallback: to.isEmpty ? nil : (to: to, subject: email.subject, body: email.body))
            return Queued(messageId: id, channel: MessageChannel.whatsapp.rawValue, recipient: phone)
        }
        guard !to.isEmpty else { return nil }
        let id = try outbox.queueEmail(customerId: batch.customerId, purpose: .recordatorio, reference: reference, to: to,
                                       subject: email.subject, body: email.body)
        return Queued(messageId: id, channel: MessageChannel.correo.rawValue, recipient: to.joined(separator: ", "))
    }

    /// The history with each message's status (a failed WhatsApp message names its fallback e-mail's).
    static func withStatus(_ entries: [ReminderHistoryEntry], outbox: MessageOutbox) throws -> [ReminderHistoryEntry] {
        try entries.map { entry in
            var e = entry
            guard let id = e.messageId, let m = try outbox.message(id: id) else { return e }
            e.status = m.status.displayName
            if m.status == .fallido, let f = try outbox.fallbackMessage(of: id) {
                e.status += " → correo " + f.status.displayName.lowercased()
            }
            return e
        }
    }
}
