import BytekModel
import BytekStore
import Foundation

/// The worker job that e-mails finanzas the documents issued unattended (recurring billing, milestones)
/// beyond their customer's credit limit, once each. The addresses are the setting `credito_aviso_correos`
/// (comma-separated); the caller (the worker's handler) passes the sender, so this stays free of SMTP.
public enum CreditAlertJob {
    public static let kind = "credito.aviso"
    public static let recipientsSetting = CreditOverrideRepository.recipientsSetting

    /// Queues the job (one waiting at a time).
    public static func enqueue(db: Database, now: Date) throws {
        let day = Int64(now.timeIntervalSince1970) / 600
        _ = try JobQueue(db: db).enqueue(kind: kind, idempotencyKey: "\(kind)-\(day)")
    }

    /// Sends one message listing every unmailed unattended document to each address, then marks them
    /// mailed. `send(recipient, lines, date)` composes (`message`) and sends. Returns what it did, for the log.
    public static func run(db: Database, now: @escaping @Sendable () -> Date,
                           send: (String, [String], Date) throws -> Void) throws -> String {
        let repo = CreditOverrideRepository(db: db, user: "worker", now: now)
        let pending = try repo.unmailedUnattended()
        guard !pending.isEmpty else { return "nada que avisar" }
        let recipients = try repo.alertRecipients().filter { EmailAddress.isValid($0) }
        guard !recipients.isEmpty else {
            return "omitido: falta \(recipientsSetting) (los correos de finanzas) en los ajustes"
        }
        for r in recipients { try send(r, pending.map(\.line), now()) }
        try repo.markMailed(pending.map(\.id))
        return "enviado a \(recipients.joined(separator: ", ")): \(pending.count) comprobante(s)"
    }

    /// The message (plain text, UTF-8, base64 body).
    public static func message(_ lines: [String], to recipient: String, from: String, date: Date) -> String {
        let subject = "Comprobantes emitidos sobre la línea de crédito"
        let body = "Hola:\n\nEl trabajador emitió sin supervisión estos comprobantes por encima de la línea de crédito "
            + "del cliente (revíselos en Cobranzas):\n\n" + lines.map { "  - " + $0 }.joined(separator: "\n") + "\n"
        let encoded = Data(body.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return ["From: \(from)", "To: <\(recipient)>", "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
                "Date: \(formatter.string(from: date))", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: base64", "", encoded, ""].joined(separator: "\r\n")
    }
}
