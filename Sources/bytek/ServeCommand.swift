import BytekGateways
import BytekStore
import BytekWeb
import Foundation

/// `bytek serve`: the web door (portal for customers' contacts, technicians' pages, hooks).
@MainActor
enum ServeCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        var config = WebConfig()
        var publicGiven = false
        if let listen = try args.option("--listen") {
            guard let (host, port) = WebConfig.parseListen(listen) else {
                throw CLIError.usage("--listen espera DIRECCIÓN:PUERTO (por ejemplo 127.0.0.1:8080), no «\(listen)»",
                                     command: "serve")
            }
            config.host = host; config.port = port
        }
        if let url = try args.option("--public-url") {
            guard let clean = WebConfig.parsePublicURL(url) else {
                throw CLIError.usage("--public-url espera una dirección http:// o https:// (por ejemplo https://portal.bytek.pe), no «\(url)»",
                                     command: "serve")
            }
            config.publicURL = clean
            publicGiven = true
        }
        while let proxy = try args.option("--trusted-proxy") {
            guard isIPAddress(proxy) else {
                throw CLIError.usage("--trusted-proxy espera una dirección IP (por ejemplo 127.0.0.1), no «\(proxy)»",
                                     command: "serve")
            }
            config.trustedProxies.append(proxy)
        }
        config.limits.threads = try number(&args, "--threads", 1...64, default: 4)
        config.limits.connectionLimit = try number(&args, "--max-connections", 1...10_000, default: 256)
        config.limits.timeoutSeconds = try number(&args, "--timeout", 1...600, default: 15)
        config.limits.maxBodyBytes = try number(&args, "--max-body", 1024...(16 << 20), default: 64 * 1024)
        try args.finish()
        if let ms = context.environment["BYTEK_LOGIN_DELAY_MS"], let n = Int(ms), n >= 0 {
            config.loginBaseDelay = TimeInterval(n) / 1000
        }
        // Read once at start: a changed hook secret takes a restart of serve.
        let secrets = try Secrets.load(environment: context.environment)
        config.hookSecrets = WebConfig.hookSecrets(environment: context.environment, secrets: secrets,
                                                   senders: Array(HookRouter.senders.keys))
        config.whatsappAppSecret = Array((secrets.value("whatsapp_app_secret") ?? "").utf8)
        config.whatsappVerifyToken = secrets.value("whatsapp_verify_token") ?? ""
        do {
            config.gateways = try GatewaySettings.gateways(secrets.value)
        } catch {
            Console.err("bytek serve: sin pago con tarjeta en el portal: \(error.message)")
        }

        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .jobs)
        let app = try WebApp(config: config, databasePath: context.dbPath)
        StopSignal.block()
        let server = HTTPServer(host: config.host, port: config.port, limits: config.limits, handler: app,
                                trustedProxies: config.trustedProxies)
        let port = try server.start()
        let shownHost = config.host.contains(":") ? "[\(config.host)]" : config.host
        let listening = "http://\(shownHost):\(port)"
        if !publicGiven { app.setPublicURL(listening) }
        Console.out("bytek serve: escuchando en \(listening) (dirección pública: \(publicGiven ? config.publicURL : listening)); "
            + "SIGTERM o Ctrl-C lo detienen.")
        let sig = StopSignal.wait()
        Console.err("bytek serve: señal \(sig == SIGTERM ? "SIGTERM" : "SIGINT"); terminando las solicitudes en curso…")
        server.stop(grace: 10)
        Console.err("bytek serve: detenido.")
        return 0
    }

    private static func number(_ args: inout Arguments, _ name: String, _ range: ClosedRange<Int>, default value: Int) throws -> Int {
        guard let text = try args.option(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw CLIError.usage("\(name) espera un número entre \(range.lowerBound) y \(range.upperBound), no «\(text)»",
                                 command: "serve")
        }
        return n
    }

    private static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
