import BytekStore
import Foundation

/// The web door's routes. Each handler reads the request, calls one PortalService operation and renders;
/// the store is reached only through the service.
public final class WebApp: RequestHandler {
    let config: WebConfig
    let portal: PortalService
    let pool: DatabasePool
    let hooks: HookRouter
    let whatsapp: WhatsAppWebhook
    let cookies: CookieJar
    private let publicAddress: PublicAddress

    /// The public URL, settable once the real port is known (`--listen …:0` without `--public-url`).
    final class PublicAddress: @unchecked Sendable {
        private let lock = NSLock()
        private var value: String
        init(_ value: String) { self.value = value }
        var url: String { lock.lock(); defer { lock.unlock() }; return value }
        func set(_ url: String) { lock.lock(); value = url; lock.unlock() }
    }

    public var publicURL: String { publicAddress.url }
    public func setPublicURL(_ url: String) { publicAddress.set(url) }

    public init(config: WebConfig, databasePath: String) throws {
        self.config = config
        pool = try DatabasePool(path: databasePath, size: max(2, config.limits.threads))
        portal = try PortalService(pool: pool, hasher: PasswordHasher(),
                                   throttle: LoginThrottle(baseDelay: config.loginBaseDelay),
                                   sessionLifetime: config.sessionLifetime, gateways: config.gateways)
        hooks = HookRouter(secrets: config.hookSecrets, inbox: HookInbox(pool: pool))
        whatsapp = WhatsAppWebhook(appSecret: config.whatsappAppSecret, verifyToken: config.whatsappVerifyToken, pool: pool)
        cookies = CookieJar(secure: config.secureCookies)
        publicAddress = PublicAddress(config.publicURL)
    }

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        do {
            return try route(request)
        } catch {
            // No detail leaves the server; the access log has the status.
            return .html(PortalPages.message("Error", "Ocurrió un error inesperado. Inténtelo de nuevo en unos minutos."),
                         status: 500)
        }
    }

    private func route(_ r: HTTPRequest) throws -> HTTPResponse {
        let s = r.segments
        switch (r.method, s.first ?? "") {
        case ("GET", "health") where s.count == 1: return health()
        case ("GET", "static") where s == ["static", "app.css"]:
            var resp = HTTPResponse(status: 200, contentType: "text/css; charset=utf-8", body: Array(Stylesheet.css.utf8))
            resp.headers.append(("Cache-Control", "public, max-age=3600"))
            return resp
        case (_, "hooks") where s.count == 2: return hooks.handle(sender: s[1], r)
        case (_, "webhooks") where s == ["webhooks", "whatsapp"]: return whatsapp.handle(r)
        case ("GET", "") where s.isEmpty: return try home(r)
        case ("POST", "login") where s.count == 1: return try login(r)
        case ("POST", "salir") where s.count == 1: return try logout(r)
        case ("GET", "c") where s.count == 2: return try contactHome(r, s[1])
        case (_, "c") where s.count >= 3: return try customerPage(r, s)
        case ("POST", "pagos") where s.count == 3 && s[2] == "ipn": return try gatewayNotification(r, s[1])
        case ("GET", "clave") where s.count == 1: return try setPasswordPage(r)
        case ("POST", "clave") where s.count == 1: return try setPassword(r)
        case ("GET", "olvide") where s.count == 1: return visitorPage(r) { PortalPages.forgot(csrf: $0) }
        case ("POST", "olvide") where s.count == 1: return try forgot(r)
        case ("POST", "horas") where s.count == 1: return try postHours(r)
        default: return notFound()
        }
    }

    func notFound() -> HTTPResponse {
        .html(PortalPages.message("No encontrado", "La página que busca no existe o no está disponible para su cuenta."),
              status: 404)
    }

    private func health() -> HTTPResponse {
        let reachable = (try? pool.with { db in try db.scalar("SELECT count(*) FROM portal_account").intValue }) != nil
        return .json("{\"ok\":\(reachable),\"db\":\(reachable)}", status: reachable ? 200 : 503)
    }

    // MARK: CSRF

    /// A visitor's page: the double-submit CSRF cookie is set if missing and its value put in the form.
    private func visitorPage(_ r: HTTPRequest, status: Int = 200, _ render: (String) -> String) -> HTTPResponse {
        let existing = r.cookies[CookieJar.csrf].flatMap { $0.utf8.count == 43 ? $0 : nil }
        let token = existing ?? Sodium.token()
        var resp = HTTPResponse.html(render(token), status: status)
        if existing == nil { resp.setCookie(cookies.set(CookieJar.csrf, token)) }
        return resp
    }

    /// A visitor's POST must carry the CSRF cookie's value in its `csrf` field.
    private func visitorCSRFValid(_ r: HTTPRequest) -> Bool {
        guard let cookie = r.cookies[CookieJar.csrf], !cookie.isEmpty, let field = r.form["csrf"] else { return false }
        return Sodium.constantTimeEqual(Array(cookie.utf8), Array(field.utf8))
    }

    func sessionCSRFValid(_ r: HTTPRequest, _ who: PortalService.SignedIn) -> Bool {
        guard let field = r.form["csrf"] else { return false }
        return Sodium.constantTimeEqual(Array(who.session.csrf.utf8), Array(field.utf8))
    }

    func forbidden() -> HTTPResponse {
        .html(PortalPages.message("Solicitud rechazada",
                                  "El formulario venció o no vino de esta página. Vuelva a abrir la página e inténtelo otra vez."),
              status: 403)
    }

    // MARK: pages

    func signedIn(_ r: HTTPRequest) throws -> PortalService.SignedIn? {
        try portal.signedIn(sessionToken: r.cookies[CookieJar.session])
    }

    private func home(_ r: HTTPRequest) throws -> HTTPResponse {
        guard let who = try signedIn(r) else {
            let notice = r.query["clave"] == "lista" ? "Contraseña guardada. Ya puede ingresar." : nil
            return visitorPage(r) { PortalPages.login(csrf: $0, notice: notice) }
        }
        switch who.account.kind {
        case .tecnico:
            return try technicianHome(r, who)
        case .contacto:
            let customers = try portal.customers(of: who.account)
            if let chosen = who.session.customerId, customers.contains(where: { $0.id == chosen }) {
                return .redirect("/c/\(chosen)")
            }
            if customers.count == 1 { return .redirect("/c/\(customers[0].id)") }
            return .html(PortalPages.pickCustomer(customers, csrf: who.session.csrf))
        }
    }

    private func contactHome(_ r: HTTPRequest, _ idText: String) throws -> HTTPResponse {
        guard let who = try signedIn(r) else { return .redirect("/") }
        guard let id = Int64(idText), let home = try portal.contactHome(who, customerId: id) else { return notFound() }
        return .html(PortalPages.contactHome(home, csrf: who.session.csrf, sections: sections))
    }

    private func login(_ r: HTTPRequest) throws -> HTTPResponse {
        guard visitorCSRFValid(r) else { return forbidden() }
        let name = r.form["usuario"] ?? ""
        let csrf = r.cookies[CookieJar.csrf] ?? ""
        switch try portal.login(name, password: r.form["clave"] ?? "", address: r.clientAddress) {
        case .loggedIn(let token):
            var resp = HTTPResponse.redirect("/")
            resp.setCookie(cookies.set(CookieJar.session, token))
            return resp
        case .refused:
            return .html(PortalPages.login(csrf: csrf, login: name, error: "Correo/usuario o contraseña incorrectos."),
                         status: 401)
        case .wait(let seconds):
            var resp = HTTPResponse.html(PortalPages.login(
                csrf: csrf, login: name,
                error: "Demasiados intentos fallidos. Espere \(seconds) segundo(s) y vuelva a intentarlo."), status: 429)
            resp.headers.append(("Retry-After", String(seconds)))
            return resp
        }
    }

    private func logout(_ r: HTTPRequest) throws -> HTTPResponse {
        guard let who = try signedIn(r) else { return .redirect("/") }
        guard sessionCSRFValid(r, who) else { return forbidden() }
        try portal.logout(who)
        var resp = HTTPResponse.redirect("/")
        resp.setCookie(cookies.clear(CookieJar.session))
        return resp
    }

    private func setPasswordPage(_ r: HTTPRequest) throws -> HTTPResponse {
        let token = r.query["t"] ?? ""
        guard let account = try portal.invitation(token: token) else {
            return .html(PortalPages.linkInvalid(), status: 404)
        }
        return visitorPage(r) { PortalPages.setPassword(csrf: $0, token: token, who: account.login) }
    }

    private func setPassword(_ r: HTTPRequest) throws -> HTTPResponse {
        guard visitorCSRFValid(r) else { return forbidden() }
        let token = r.form["t"] ?? ""
        do {
            try portal.setPassword(token: token, password: r.form["clave"] ?? "", repeated: r.form["repetir"] ?? "")
        } catch let problem as PortalService.PasswordProblem {
            if problem == .linkInvalid { return .html(PortalPages.linkInvalid(), status: 404) }
            let who = try portal.invitation(token: token)?.login ?? ""
            return .html(PortalPages.setPassword(csrf: r.cookies[CookieJar.csrf] ?? "", token: token, who: who,
                                                 error: problem.message), status: 422)
        }
        var resp = HTTPResponse.redirect("/?clave=lista")
        resp.setCookie(cookies.clear(CookieJar.session))
        return resp
    }

    /// The same answer whether the address has an account or not; the worker e-mails the link.
    private func forgot(_ r: HTTPRequest) throws -> HTTPResponse {
        guard visitorCSRFValid(r) else { return forbidden() }
        try portal.forgot(email: r.form["correo"] ?? "", publicURL: publicURL)
        return .html(PortalPages.forgot(csrf: r.cookies[CookieJar.csrf] ?? "", sent: true))
    }
}
