import BytekGateways
import BytekModel
import BytekServices
import BytekStore
import BytekWorker
import Foundation

/// The worker job (`mensaje.enviar`, payload `{"mensaje": id}`) that sends one message of the outbox:
/// an e-mail as multipart MIME through SMTP (`MIMEMail`, libcurl's MIME API) with its attachments resolved now,
/// or a WhatsApp template through the Cloud API. A transient failure (SMTP or network down, WhatsApp 5xx) throws,
/// so the job queue retries it with its backoff; a permanent one — or the last attempt — marks the message
/// `fallido` with the reason, and a WhatsApp message with a fallback queues its e-mail once.
public enum MessageSendJob {
    public static let kind = MessageOutbox.jobKind

    public static func run(_ context: JobContext, environment: [String: String]) throws -> String {
        try run(context, smtp: { try SMTPSettings.load(environment: environment) },
                whatsapp: { WhatsAppConfig(secret: try Secrets.load(environment: environment).value) },
                environment: environment)
    }

    /// `smtp` and `whatsapp` are asked only when a message needs them (they read the secrets file).
    public static func run(_ context: JobContext, smtp: () throws -> SMTPSettings?, whatsapp: () throws -> WhatsAppConfig?,
                           environment: [String: String] = [:]) throws -> String {
        guard let id = (context.payloadObject["mensaje"] as? NSNumber)?.int64Value else { return "omitido: falta el mensaje" }
        let services = Services.worker(db: context.db, nowMs: context.now, environment: environment)
        let messages = services.messages
        guard let message = try messages.pendingMessage(id: id) else { return "omitido: el mensaje \(id) ya no está pendiente" }
        let lastAttempt = context.job.attempts >= context.job.maxAttempts
        do {
            switch message.channel {
            case .correo:
                guard let settings = try smtp() else { throw PortalLinkJob.SMTPMissing() }
                let files = try messages.files(for: message)
                let from = settings.from
                try MIMEMail(from: from, to: message.recipients, subject: message.subject, text: message.body,
                             attachments: files,
                             date: services.now()).send(settings: settings)
                try messages.recordSent(id: id)
                return "enviado a \(message.recipientText)"
            case .whatsapp:
                guard let config = try whatsapp() else {
                    throw WhatsAppError.permanent(code: 0, message: "WhatsApp no está configurado (whatsapp_token y whatsapp_phone_number_id en el archivo de secretos)")
                }
                let wamid = try WhatsAppClient(config: config).sendTemplate(
                    to: message.recipients.first ?? "", template: message.template, language: message.language,
                    parameters: message.parameters)
                try messages.recordSent(id: id, providerId: wamid)
                return "enviado por WhatsApp (\(wamid))"
            }
        } catch let error as WhatsAppError where error.isPermanent || lastAttempt {
            let fallback = try messages.recordFailure(id: id, reason: error.description)
            return "fallido: \(error.description)" + (fallback.map { "; se envía por correo (mensaje \($0))" } ?? "")
        } catch let error as MessageDeliveryError {
            try messages.recordFailure(id: id, reason: error.description)
            return "fallido: \(error.description)"
        } catch {
            let reason = String(describing: error)
            if lastAttempt {
                let fallback = try messages.recordFailure(id: id, reason: reason)
                return "fallido: \(reason)" + (fallback.map { "; se envía por correo (mensaje \($0))" } ?? "")
            }
            try messages.recordRetry(id: id, reason: reason)
            throw error
        }
    }
}
