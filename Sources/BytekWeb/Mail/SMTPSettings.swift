/// Where portal e-mail goes out: `BYTEK_SMTP_URL` (smtp://host:587, or smtps://host:465), `BYTEK_SMTP_USER`,
/// `BYTEK_SMTP_PASSWORD`, `BYTEK_SMTP_FROM` ("BYTEK <portal@bytek.pe>") and `BYTEK_SMTP_STARTTLS` (required
/// unless "no"). Secrets come from the environment (the secrets file, later), never from the database.
public struct SMTPSettings: Sendable {
    public var url: String
    public var user: String
    public var password: String
    public var from: String
    public var requireTLS: Bool

    public init?(environment: [String: String]) {
        guard let url = environment["BYTEK_SMTP_URL"], !url.isEmpty else { return nil }
        self.url = url
        user = environment["BYTEK_SMTP_USER"] ?? ""
        password = environment["BYTEK_SMTP_PASSWORD"] ?? ""
        from = environment["BYTEK_SMTP_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? "BYTEK <no-responder@localhost>"
        requireTLS = environment["BYTEK_SMTP_STARTTLS"]?.lowercased() != "no"
    }

    /// The bare address of `from` ("portal@bytek.pe" from "BYTEK <portal@bytek.pe>").
    public var fromAddress: String {
        guard let open = from.lastIndex(of: "<"), let close = from.lastIndex(of: ">"), open < close else { return from }
        return String(from[from.index(after: open)..<close])
    }
}
