import BytekModel
import BytekStore
import Foundation

/// Where reminders meet the customer message outbox: the one place that queues a reminder (in the
/// caller's transaction) and reads its messages' status.
enum ReminderDelivery {
    struct Queued { var messageId: Int64; var channel: String; var recipient: String }

    /// Queues `out`: by WhatsApp (falling back to e-mail when it fails) when the level is a WhatsApp one and
    /// the customer has a mobile number, else by e-mail; nil when the customer has no usable contact.
    static func queue(_ out: ReminderOutgoing, batch: ReminderBatch, db: Database, user: String) throws -> Queued? {
        let email = out.email
        let to = out.emailTo
        let reference = "recordatorio \(batch.level.offsetText): " + batch.receivables.map(\.documentID).joined(separator: ", ")
        if let wa = out.whatsapp, let phone = out.recipients.whatsapp {
            let id = try standIn(db: db, payload: ["canal": "whatsapp", "cliente": batch.customerId, "a": phone,
                                                    "plantilla": wa.template.name, "idioma": wa.template.language,
                                                    "parametros": wa.parameters, "referencia": reference])
            return Queued(messageId: id, channel: "whatsapp", recipient: phone)
        }
        guard !to.isEmpty else { return nil }
        let id = try standIn(db: db, payload: ["canal": "correo", "cliente": batch.customerId, "a": to, "asunto": email.subject,
                                                "cuerpo": email.body, "referencia": reference])
        return Queued(messageId: id, channel: "correo", recipient: to.joined(separator: ", "))
    }

    /// Until the outbox lands: a job row standing for the message.
    private static func standIn(db: Database, payload: [String: Any]) throws -> Int64 {
        let data = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        return try JobQueue(db: db).enqueue(kind: "recordatorio.mensaje", payload: String(decoding: data, as: UTF8.self)).id
    }

    /// The history with each message's status.
    static func withStatus(_ entries: [ReminderHistoryEntry], db: Database) throws -> [ReminderHistoryEntry] {
        entries.map { var e = $0; e.status = "pendiente"; return e }
    }
}
