import BytekGateways
import BytekModel
import BytekServices
import BytekStore
import BytekSUNAT
import Foundation

/// `bytek secrets check` and `bytek secrets migrate`: they read and write files, not the database, and
/// never print a secret's value. Who may run them is who may read those files (the service account).
@MainActor
enum SecretsCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else { throw CLIError.usage("falta la acción: check o migrate", command: "secrets") }
        try args.finish()
        switch sub {
        case "check": return try check(context)
        case "migrate": return try migrate(context)
        default: throw CLIError.usage("acción desconocida: \(sub)", command: "secrets")
        }
    }

    /// One line of the report.
    private struct Report {
        var lines: [String] = []
        var problems = 0
        mutating func ok(_ s: String) { lines.append("  ✓ " + s) }
        mutating func info(_ s: String) { lines.append("  · " + s) }
        mutating func problem(_ s: String) { lines.append("  ✗ " + s); problems += 1 }
    }

    static func check(_ context: CommandContext) throws -> Int32 {
        let env = context.environment
        let path = Secrets.path(environment: env)
        var report = Report()
        report.lines.append("Archivo de secretos: \(path)")
        let secrets: Secrets
        do {
            secrets = try Secrets.load(environment: env)
        } catch {
            report.problem(Messages.text(error))
            Console.out(report.lines.joined(separator: "\n"))
            Console.err("bytek: los secretos tienen 1 problema")
            return 1
        }
        if secrets.fileExists { report.ok("existe, solo su dueño puede leerlo (permisos 0600)") }
        else { report.info("no existe todavía (créelo con permisos 600, o con «bytek secrets migrate»)") }
        if secrets.legacyFileExists {
            report.info("\(secrets.legacyPath) (formato anterior) todavía se lee: «bytek secrets migrate» lo pasa al archivo de secretos")
        }

        report.lines.append("SUNAT (usuario SOL y certificado):")
        let sunatKeys = ["sol_user", "sol_password", "cert_pfx", "cert_pfx_base64", "cert_pem", "cert_key_pem", "cert_password"]
        // The files are checked without a database; the database, when there is one, says whether SUNAT's are needed.
        let einvoicing = (try? context.openStore()).flatMap { store in
            (try? context.requireUser(store)).flatMap { try? context.services(store, $0).secrets.einvoicingConfigured() }
        } ?? false
        if !einvoicing && !sunatKeys.contains(where: { secrets.value($0) != nil }) {
            report.info("no configurado (la facturación electrónica no está activada en esta base de datos)")
        } else {
            checkSUNAT(secrets, &report)
        }

        report.lines.append("Correo (SMTP):")
        let smtpKeys = SMTPCredentials.keys
        for key in smtpKeys { if let source = secrets.source(key) { report.ok("\(key): \(describe(source))") } }
        do {
            let smtp = try SMTPCredentials(secrets: secrets)
            report.info("servidor \(smtp.host):\(smtp.port), STARTTLS \(smtp.startTLS ? "sí" : "no")")
        } catch .notConfigured {
            report.info("no configurado (smtp_host, smtp_port, smtp_starttls, smtp_user, smtp_password)")
        } catch {
            report.problem(error.message)
        }
        report.lines.append("Pasarelas de pago (Izipay, Niubiz):")
        checkGateways(secrets, &report)
        let others = secrets.keys.filter { !sunatKeys.contains($0) && !smtpKeys.contains($0) && !GatewaySettings.allKeys.contains($0) }
        if !others.isEmpty {
            report.lines.append("Otros secretos:")
            for key in others { report.ok("\(key): \(describe(secrets.source(key)))") }
        }
        report.lines.append("Los secretos no se guardan en la base de datos ni forman parte de los respaldos: guarde una copia aparte.")
        Console.out(report.lines.joined(separator: "\n"))
        if report.problems > 0 {
            Console.err("bytek: los secretos tienen \(report.problems) problema\(report.problems == 1 ? "" : "s")")
            return 1
        }
        return 0
    }

    /// Each card gateway: configured (its keys and where they come from), not configured, or what is missing.
    private static func checkGateways(_ secrets: Secrets, _ report: inout Report) {
        for (gateway, keys) in [(GatewayName.izipay, GatewaySettings.izipayKeys), (.niubiz, GatewaySettings.niubizKeys)] {
            do {
                let url = gateway == .izipay ? try GatewaySettings.izipay(secrets.value)?.baseURL
                    : try GatewaySettings.niubiz(secrets.value)?.baseURL
                if let url {
                    for key in keys { report.ok("\(key): \(describe(secrets.source(key)))") }
                    report.info("\(gateway.displayName): configurado, \(url.scheme ?? "")://\(url.host ?? "")")
                } else {
                    report.info("\(gateway.displayName): no configurado (\(keys.joined(separator: ", ")))")
                }
            } catch {
                report.problem(error.message)
            }
        }
    }

    private static func checkSUNAT(_ secrets: Secrets, _ report: inout Report) {
        for key in ["sol_user", "sol_password"] {
            if let s = secrets.source(key) { report.ok("\(key): \(describe(s))") } else { report.problem("\(key): falta") }
        }
        let credentials: EInvoicingCredentials
        do {
            credentials = try EInvoicingCredentials(secrets: secrets)
        } catch {
            if secrets.value("sol_user") != nil && secrets.value("sol_password") != nil { report.problem(Messages.text(error)) }
            return
        }
        if let path = credentials.certificatePath {
            guard FileManager.default.fileExists(atPath: path) else {
                report.problem("cert_pfx: no existe el archivo \(path)")
                return
            }
            do { try SecretsFile.requirePrivate(path) } catch {
                report.problem("cert_pfx: \(path) puede ser leído por otros usuarios; ejecute chmod 600 \(path)")
            }
        }
        do {
            let key = try SigningKey(credentials: credentials)
            let info = try key.certificateInfo()
            let which = credentials.certificateBase64 != nil ? "cert_pfx_base64" : credentials.certificatePEM != nil ? "cert_pem" : "cert_pfx"
            report.ok("certificado (\(which)): se abre con su clave; \(info.subject)")
        } catch {
            report.problem("el certificado no se puede abrir con cert_password (\(error))")
        }
    }

    private static func describe(_ source: SecretSource?) -> String {
        switch source {
        case .file: return "en el archivo de secretos"
        case .legacyFile(let path): return "en \(path) (formato anterior)"
        case .environment(let name): return "variable de entorno \(name)"
        case nil: return "falta"
        }
    }

    /// Moves the entries of today's `sunat-credenciales` into the secrets file, then deletes it.
    static func migrate(_ context: CommandContext) throws -> Int32 {
        let env = context.environment
        let path = Secrets.path(environment: env)
        let legacy = EInvoicingCredentials.defaultPath(environment: env)
        guard FileManager.default.fileExists(atPath: legacy) else {
            Console.out("No hay nada que mover: no existe \(legacy). Los secretos están en \(path).")
            return 0
        }
        let old = try EInvoicingCredentials.readFile(legacy).filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        for (key, _) in old where !SecretsFile.isValidKey(key) {
            throw CLIError.failure("\(legacy): la clave «\(key.prefix(40))» solo admite a–z, 0–9 y «_»; corríjala y repita")
        }
        var existing: [String: String] = [:]
        if FileManager.default.fileExists(atPath: path) {
            for entry in try SecretsFile.read(path) { existing[entry.key] = entry.value }
        }
        for (key, value) in old where existing[key] != nil && existing[key] != value {
            throw SecretsError.conflict(key: key, path: path)
        }
        let moving = old.filter { existing[$0.key] == nil }
        try SecretsFile.upsert(moving.map { (key: $0.key, value: $0.value) }, at: path, header: header)
        // Read back before deleting the old file: every value must be there.
        var written: [String: String] = [:]
        for entry in try SecretsFile.read(path) { written[entry.key] = entry.value }
        for (key, value) in old where written[key] != value {
            throw CLIError.failure("no se eliminó \(legacy): «\(key)» no se leyó igual en \(path)")
        }
        guard unlink(legacy) == 0 || errno == ENOENT else {
            throw CLIError.failure("se copiaron las claves a \(path), pero no se pudo borrar \(legacy): \(String(cString: strerror(errno)))")
        }
        let names = old.map { $0.key }.joined(separator: ", ")
        Console.out("Se movieron \(old.count) claves (\(names)) de \(legacy) a \(path) (permisos 600); \(legacy) fue eliminado.")
        return 0
    }

    static let header = """
        # Secretos de esta instalación de bytek (permisos 600: solo su dueño los lee). Una clave=valor por línea.
        # SUNAT: sol_user, sol_password, cert_pfx (ruta) o cert_pfx_base64 o cert_pem + cert_key_pem, cert_password.
        # Correo: smtp_host, smtp_port, smtp_starttls (si/no), smtp_user, smtp_password.
        # Pasarelas: izipay_url, izipay_shop_id, izipay_password, izipay_public_key, izipay_hmac_key; niubiz_url, niubiz_merchant_id, niubiz_user, niubiz_password.
        # Cada clave puede venir también de la variable de entorno BYTEK_SECRET_<CLAVE> (gana sobre este archivo).
        """
}
