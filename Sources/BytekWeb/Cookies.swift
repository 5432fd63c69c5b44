/// `Set-Cookie` values: always `Path=/; HttpOnly; SameSite=Lax`, `Secure` when the public URL is https.
public struct CookieJar: Sendable {
    public static let session = "bytek_sesion"
    public static let csrf = "bytek_csrf"
    public let secure: Bool

    public init(secure: Bool) { self.secure = secure }

    public func set(_ name: String, _ value: String) -> String {
        "\(name)=\(value); Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    public func clear(_ name: String) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
