import Foundation

/// How BYTEK reaches Izipay: read from the secrets file by `GatewaySettings.izipay(_:)`.
public struct IzipayConfig: Sendable, Hashable {
    /// Where the REST API lives: `https://api.micuentaweb.pe` (the client adds `/api-payment/V4/…`).
    public var baseURL: URL
    public var shopId: String
    /// The REST password (`testpassword_…` / `prodpassword_…`): HTTP Basic, and the key of the IPN's kr-hash.
    public var password: String
    /// `shopId:testpublickey_…`: what the embedded form's script tag carries.
    public var publicKey: String
    /// The HMAC-SHA-256 key: the key of the browser return's kr-hash.
    public var hmacKey: String
    /// The embedded form's script.
    public var scriptURL: String
    /// What the pay pages' CSP must allow (script, frame, connect).
    public var allowedOrigins: [String]
    public var timeout: TimeInterval

    public static let scriptPath = "/static/js/krypton-client/V4.0/stable/kr-payment-form.min.js"

    /// `scriptURL` defaults to the script path on `baseURL`'s origin; `allowedOrigins` to the origins of both.
    public init(baseURL: URL, shopId: String, password: String, publicKey: String, hmacKey: String,
                scriptURL: String? = nil, allowedOrigins: [String]? = nil, timeout: TimeInterval = 30) {
        self.baseURL = baseURL; self.shopId = shopId; self.password = password; self.publicKey = publicKey
        self.hmacKey = hmacKey; self.timeout = timeout
        let script = scriptURL ?? (GatewaySettings.origin(of: baseURL) + Self.scriptPath)
        self.scriptURL = script
        self.allowedOrigins = allowedOrigins ?? GatewaySettings.origins([baseURL.absoluteString, script])
    }
}

/// How BYTEK reaches Niubiz: read from the secrets file by `GatewaySettings.niubiz(_:)`.
public struct NiubizConfig: Sendable {
    /// `https://apisandbox.vnforappstest.com` or `https://apiprod.vnforapps.com`.
    public var baseURL: URL
    public var merchantId: String
    public var user: String
    public var password: String
    /// The checkout script (production: `https://static-content.vnforapps.com/v2/js/checkout.js`).
    public var scriptURL: String
    public var allowedOrigins: [String]
    public var timeout: TimeInterval
    /// The clock the security token's lifetime is measured with (tests move it).
    public var now: @Sendable () -> Date

    public init(baseURL: URL, merchantId: String, user: String, password: String, scriptURL: String? = nil,
                allowedOrigins: [String]? = nil, timeout: TimeInterval = 30,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.baseURL = baseURL; self.merchantId = merchantId; self.user = user; self.password = password
        self.timeout = timeout; self.now = now
        let script = scriptURL ?? (GatewaySettings.origin(of: baseURL) + "/checkout.js")
        self.scriptURL = script
        self.allowedOrigins = allowedOrigins ?? GatewaySettings.origins([baseURL.absoluteString, script])
    }
}

/// The gateways' settings from the secrets file. BytekGateways does not read files: the caller hands the
/// secrets' lookup (`GatewaySettings.izipay(secrets.value)` with BytekStore's `Secrets`).
///
/// Keys: `izipay_url`, `izipay_shop_id`, `izipay_password`, `izipay_public_key`, `izipay_hmac_key` (optional
/// `izipay_script_url`); `niubiz_url`, `niubiz_merchant_id`, `niubiz_user`, `niubiz_password` (optional
/// `niubiz_script_url`). A gateway with none of its keys is not configured (nil); with some missing, the
/// error names them.
public enum GatewaySettings {
    public static let izipayKeys = ["izipay_url", "izipay_shop_id", "izipay_password", "izipay_public_key", "izipay_hmac_key"]
    public static let niubizKeys = ["niubiz_url", "niubiz_merchant_id", "niubiz_user", "niubiz_password"]
    /// Every key the gateways read, the optional script URLs included.
    public static let allKeys = izipayKeys + niubizKeys + ["izipay_script_url", "niubiz_script_url"]

    public static func izipay(_ secret: (String) -> String?, timeout: TimeInterval = 30) throws(GatewayError) -> IzipayConfig? {
        guard let v = try values(izipayKeys, secret, gateway: .izipay) else { return nil }
        let url = try url(v["izipay_url"]!, key: "izipay_url")
        return IzipayConfig(baseURL: url, shopId: v["izipay_shop_id"]!, password: v["izipay_password"]!,
                            publicKey: v["izipay_public_key"]!, hmacKey: v["izipay_hmac_key"]!,
                            scriptURL: secret("izipay_script_url"), timeout: timeout)
    }

    public static func niubiz(_ secret: (String) -> String?, timeout: TimeInterval = 30) throws(GatewayError) -> NiubizConfig? {
        guard let v = try values(niubizKeys, secret, gateway: .niubiz) else { return nil }
        let url = try url(v["niubiz_url"]!, key: "niubiz_url")
        return NiubizConfig(baseURL: url, merchantId: v["niubiz_merchant_id"]!, user: v["niubiz_user"]!,
                            password: v["niubiz_password"]!, scriptURL: secret("niubiz_script_url"), timeout: timeout)
    }

    /// The client of one gateway; nil when it is not configured.
    public static func gateway(_ name: GatewayName, _ secret: (String) -> String?, timeout: TimeInterval = 30) throws(GatewayError)
        -> (any CardGateway)?
    {
        switch name {
        case .izipay: return try izipay(secret, timeout: timeout).map(IzipayClient.init)
        case .niubiz: return try niubiz(secret, timeout: timeout).map(NiubizClient.init)
        }
    }

    /// The clients of every configured gateway.
    public static func gateways(_ secret: (String) -> String?, timeout: TimeInterval = 30) throws(GatewayError) -> [any CardGateway] {
        var out: [any CardGateway] = []
        for name in GatewayName.allCases { if let g = try gateway(name, secret, timeout: timeout) { out.append(g) } }
        return out
    }

    private static func values(_ keys: [String], _ secret: (String) -> String?, gateway: GatewayName) throws(GatewayError)
        -> [String: String]?
    {
        var found: [String: String] = [:]
        for key in keys {
            if let v = secret(key)?.trimmingCharacters(in: .whitespaces), !v.isEmpty { found[key] = v }
        }
        if found.isEmpty { return nil }
        let missing = keys.filter { found[$0] == nil }
        guard missing.isEmpty else {
            throw .rejected(code: "configuracion",
                            message: "Faltan \(missing.joined(separator: ", ")) de \(gateway.displayName) en el archivo de secretos (bytek secretos).")
        }
        return found
    }

    private static func url(_ text: String, key: String) throws(GatewayError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw .rejected(code: "configuracion", message: "\(key) no es una URL http(s) válida: «\(text)».")
        }
        return url
    }

    /// `scheme://host[:port]` of a URL.
    static func origin(of url: URL) -> String {
        var out = "\(url.scheme ?? "https")://\(url.host ?? "")"
        if let port = url.port { out += ":\(port)" }
        return out
    }

    static func origins(_ urls: [String]) -> [String] {
        var out: [String] = []
        for text in urls {
            if let url = URL(string: text), url.host != nil {
                let o = origin(of: url)
                if !out.contains(o) { out.append(o) }
            }
        }
        return out
    }
}
