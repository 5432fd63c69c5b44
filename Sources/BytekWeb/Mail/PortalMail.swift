import BytekStore
import Foundation

/// The portal's e-mails (Spanish, UTF-8 plain text, base64 so the link travels intact).
public enum PortalMail {
    public static func message(purpose: PortalRepository.LinkPurpose, to recipient: String, link: String, from: String,
                               date: Date = Date()) -> String {
        let subject: String
        let body: String
        switch purpose {
        case .invitacion:
            subject = "Su acceso al portal de BYTEK"
            body = """
            Hola:

            BYTEK le da acceso a su portal de clientes. Para crear su contraseña, abra este enlace
            (vale 72 horas y una sola vez):

            \(link)

            Si no esperaba este correo, puede ignorarlo.
            """
        case .restablecer:
            subject = "Cambio de contraseña del portal de BYTEK"
            body = """
            Hola:

            Recibimos un pedido para cambiar la contraseña de su cuenta del portal de BYTEK. Para crear una
            nueva, abra este enlace (vale 72 horas y una sola vez):

            \(link)

            Si no lo pidió usted, ignore este correo: su contraseña actual sigue valiendo.
            """
        }
        let encoded = Data(body.replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let domain = recipient.split(separator: "@").last.map(String.init) ?? "localhost"
        return [
            "From: \(from)",
            "To: <\(recipient)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(Sodium.token())@bytek.\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            encoded,
            "",
        ].joined(separator: "\r\n")
    }
}
