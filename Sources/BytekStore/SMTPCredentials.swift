/// The outgoing mail server, from the secrets (`smtp_host`, `smtp_port`, `smtp_starttls`, `smtp_user`,
/// `smtp_password`, and the sender `smtp_from`): what the e-mail sender uses and `bytek secrets check` validates.
public struct SMTPCredentials: Sendable, Equatable {
    public static let keys = ["smtp_host", "smtp_port", "smtp_starttls", "smtp_user", "smtp_password", "smtp_from"]

    public var host: String
    public var port: Int
    /// True unless `smtp_starttls` says no: a password never travels in clear by default.
    public var startTLS: Bool
    public var user: String?
    public var password: String?
    /// The sender ("BYTEK <portal@bytek.pe>"), nil when `smtp_from` is unset.
    public var from: String?

    /// Why the SMTP entries cannot be used; `message` names the key (never its value).
    public enum Problem: Error, Sendable, Equatable {
        case notConfigured
        case missing(String)
        case invalidPort(String)
        case invalidStartTLS
        /// A user without a password or the other way round.
        case incompleteLogin(missing: String)
        case invalidFrom


        public var message: String {
            switch self {
            case .notConfigured: return "el correo (SMTP) no está configurado en el archivo de secretos (smtp_host, smtp_port…)"
            case .missing(let key): return "\(key): falta"
            case .invalidPort(let text): return "smtp_port: «\(text.prefix(20))» no es un puerto (1 a 65535)"
            case .invalidStartTLS: return "smtp_starttls: escriba «si» o «no»"
            case .incompleteLogin(let missing): return "smtp_user y smtp_password van juntos: falta \(missing)"
            case .invalidFrom: return "smtp_from: escriba una dirección de correo (por ejemplo «BYTEK <portal@bytek.pe>»)"
            }
        }
    }

    public init(secrets: Secrets) throws(Problem) {
        guard Self.keys.contains(where: { secrets.value($0) != nil }) else { throw .notConfigured }
        guard let host = secrets.value("smtp_host") else { throw .missing("smtp_host") }
        guard let portText = secrets.value("smtp_port") else { throw .missing("smtp_port") }
        guard let port = Int(portText), (1...65535).contains(port) else { throw .invalidPort(portText) }
        var startTLS = true
        if let text = secrets.value("smtp_starttls")?.lowercased() {
            switch text {
            case "si", "sí", "yes", "true", "1": startTLS = true
            case "no", "false", "0": startTLS = false
            default: throw .invalidStartTLS
            }
        }
        let user = secrets.value("smtp_user"), password = secrets.value("smtp_password")
        if (user == nil) != (password == nil) { throw .incompleteLogin(missing: user == nil ? "smtp_user" : "smtp_password") }
        let from = secrets.value("smtp_from")
        if let from, !from.contains("@") || from.contains("\n") || from.contains("\r") { throw .invalidFrom }
        self.from = from
        self.host = host; self.port = port; self.startTLS = startTLS; self.user = user; self.password = password
    }
}
