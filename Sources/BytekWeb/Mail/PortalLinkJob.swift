import BytekServices
import BytekStore
import BytekWorker
import Foundation

/// The worker job that e-mails a one-time link (invitation or reset). The token is made here, when the
/// message goes out, so it never rests in the job queue; a failed send forgets its link and is retried.
public enum PortalLinkJob {
    public static let kind = PortalInvitations.jobKind

    /// Queues the e-mail (at most one per account and purpose every 10 minutes): `PortalInvitations.enqueueMail`.
    @discardableResult
    public static func enqueue(db: Database, account: Int64, purpose: PortalRepository.LinkPurpose, publicURL: String,
                               now: Date = Date()) throws -> Job {
        try PortalInvitations.enqueueMail(db: db, account: account, purpose: purpose, publicURL: publicURL, now: now)
    }

    /// `smtp` is asked only when there is a message to send (it reads the secrets file).
    public static func run(_ context: JobContext, smtp: () throws -> SMTPSettings?) throws -> String? {
        let object = context.payloadObject
        guard let account = (object["cuenta"] as? NSNumber)?.int64Value,
              let purpose = (object["proposito"] as? String).flatMap(PortalRepository.LinkPurpose.init(rawValue:)),
              let publicURL = (object["url"] as? String).flatMap(WebConfig.parsePublicURL) else {
            return "omitido: datos del trabajo incompletos"
        }
        let repo = PortalSignIn(db: context.db, who: "worker")
        guard let found = try repo.account(id: account), !found.disabled, found.kind == .contacto else {
            return "omitido: la cuenta no existe, está deshabilitada o no tiene correo"
        }
        guard let smtp = try smtp() else { throw SMTPMissing() }
        let token = Sodium.token()
        let hash = Sodium.sha256Hex(token)
        try repo.addLink(account: account, tokenHash: hash, purpose: purpose)
        let link = PortalInvitations.link(publicURL: publicURL, token: token)
        do {
            try SMTPClient.send(PortalMail.message(purpose: purpose, to: found.login, link: link, from: smtp.from),
                                to: found.login, settings: smtp)
        } catch {
            try? repo.deleteLink(tokenHash: hash)
            throw error
        }
        return "enviado a \(found.login)"
    }

    public struct SMTPMissing: Error, CustomStringConvertible {
        public var description: String { "falta configurar el correo saliente: smtp_host, smtp_port y los demás datos SMTP en el archivo de secretos (o BYTEK_SMTP_URL)" }
    }
}
