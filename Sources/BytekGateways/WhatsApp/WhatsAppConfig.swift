import Foundation

/// Where and as whom BYTEK sends WhatsApp messages (Meta's Cloud API). Read from the secrets file:
/// `whatsapp_token`, `whatsapp_phone_number_id`, `whatsapp_app_secret` (webhook signatures),
/// `whatsapp_verify_token` (webhook handshake) and `whatsapp_url` (the API's base; the emulator's in tests).
public struct WhatsAppConfig: Sendable, Hashable {
    public static let defaultBase = "https://graph.facebook.com"
    public static let apiVersion = "v21.0"

    public var base: String
    public var version: String
    public var phoneNumberId: String
    public var token: String
    public var timeout: TimeInterval

    public init(base: String = WhatsAppConfig.defaultBase, version: String = WhatsAppConfig.apiVersion, phoneNumberId: String,
                token: String, timeout: TimeInterval = 30) {
        var b = base
        while b.hasSuffix("/") { b.removeLast() }
        self.base = b; self.version = version; self.phoneNumberId = phoneNumberId; self.token = token; self.timeout = timeout
    }

    /// From secret values by key (`Secrets.value`); nil when the token or the phone number id is missing.
    public init?(secret: (String) -> String?) {
        guard let token = secret("whatsapp_token"), let id = secret("whatsapp_phone_number_id") else { return nil }
        self.init(base: secret("whatsapp_url") ?? Self.defaultBase, phoneNumberId: id, token: token)
    }

    /// `{base}/{version}/{phone-number-id}/messages`.
    public var messagesURL: String {
        let v = version.hasPrefix("v") ? version : "v" + version
        let id = phoneNumberId.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? phoneNumberId
        return "\(base)/\(v)/\(id)/messages"
    }
}
