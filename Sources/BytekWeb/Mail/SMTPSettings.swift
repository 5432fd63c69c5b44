import BytekStore

/// Where portal e-mail goes out: the secrets file's `smtp_host`, `smtp_port`, `smtp_starttls`, `smtp_user`,
/// `smtp_password` and `smtp_from` (see `SMTPCredentials`), with the environment over them:
/// `BYTEK_SMTP_URL` (smtp://host:587, or smtps://host:465), `BYTEK_SMTP_USER`, `BYTEK_SMTP_PASSWORD`,
/// `BYTEK_SMTP_FROM` ("BYTEK <portal@bytek.pe>") and `BYTEK_SMTP_STARTTLS` (required unless "no").
/// Secrets never come from, nor go to, the database.
public struct SMTPSettings: Sendable {
    public static let defaultFrom = "BYTEK <no-responder@localhost>"

    public var url: String
    public var user: String
    public var password: String
    public var from: String
    public var requireTLS: Bool

    /// From the environment only; nil without `BYTEK_SMTP_URL`.
    public init?(environment: [String: String]) {
        guard let url = Self.env(environment, "BYTEK_SMTP_URL") else { return nil }
        self.init(url: url, user: "", password: "", from: Self.defaultFrom, requireTLS: true)
        applyOverrides(environment)
    }

    /// From the secrets, the environment over them; nil when neither names a server. A secrets file with
    /// unusable SMTP entries throws (the message names the key, never a value).
    public init?(secrets: Secrets, environment: [String: String]) throws(SMTPCredentials.Problem) {
        if Self.env(environment, "BYTEK_SMTP_URL") != nil {
            self.init(environment: environment)
            if let from = secrets.value("smtp_from"), Self.env(environment, "BYTEK_SMTP_FROM") == nil { self.from = from }
            return
        }
        let credentials: SMTPCredentials
        do { credentials = try SMTPCredentials(secrets: secrets) } catch .notConfigured { return nil }
        // Port 465 is SMTP over TLS from the first byte (smtps); any other port starts in clear and STARTTLS.
        let scheme = credentials.port == 465 ? "smtps" : "smtp"
        let host = credentials.host.contains(":") ? "[\(credentials.host)]" : credentials.host
        self.init(url: "\(scheme)://\(host):\(credentials.port)", user: credentials.user ?? "",
                  password: credentials.password ?? "", from: credentials.from ?? Self.defaultFrom,
                  requireTLS: credentials.startTLS)
        applyOverrides(environment)
    }

    /// What the worker sends with: the secrets file (`$BYTEK_SECRETS`) read now, so an edit needs no restart.
    public static func load(environment: [String: String]) throws -> SMTPSettings? {
        let secrets = try Secrets.load(environment: environment)
        do { return try SMTPSettings(secrets: secrets, environment: environment) } catch { throw Unusable(problem: error) }
    }

    /// The secrets file's SMTP entries cannot be used (the message names the key, never its value).
    public struct Unusable: Error, CustomStringConvertible {
        public let problem: SMTPCredentials.Problem
        public var description: String { "correo saliente: " + problem.message }
    }

    private init(url: String, user: String, password: String, from: String, requireTLS: Bool) {
        self.url = url; self.user = user; self.password = password; self.from = from; self.requireTLS = requireTLS
    }

    private mutating func applyOverrides(_ environment: [String: String]) {
        if let v = environment["BYTEK_SMTP_USER"] { user = v }
        if let v = environment["BYTEK_SMTP_PASSWORD"] { password = v }
        if let v = Self.env(environment, "BYTEK_SMTP_FROM") { from = v }
        if let v = Self.env(environment, "BYTEK_SMTP_STARTTLS") { requireTLS = v.lowercased() != "no" }
    }

    private static func env(_ environment: [String: String], _ name: String) -> String? {
        guard let v = environment[name], !v.isEmpty else { return nil }
        return v
    }

    /// The bare address of `from` ("portal@bytek.pe" from "BYTEK <portal@bytek.pe>").
    public var fromAddress: String {
        guard let open = from.lastIndex(of: "<"), let close = from.lastIndex(of: ">"), open < close else { return from }
        return String(from[from.index(after: open)..<close])
    }
}
