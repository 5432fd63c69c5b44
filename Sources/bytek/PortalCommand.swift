import BytekServices
import BytekStore
import BytekWeb

/// `bytek portal invite CORREO [--correo] | invite-tecnico USUARIO | reset CORREO [--public-url URL]`: one-time
/// links (72 h) to set a portal password, printed, or (`--correo`, `reset`) e-mailed by the worker.
@MainActor
enum PortalCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let publicURL = try args.option("--public-url").map { text in
            guard let clean = WebConfig.parsePublicURL(text) else {
                throw CLIError.usage("--public-url espera una dirección http:// o https://, no «\(text)»", command: "portal")
            }
            return clean
        } ?? context.environment["BYTEK_PUBLIC_URL"].flatMap(WebConfig.parsePublicURL) ?? "http://127.0.0.1:8080"
        let byMail = args.flag("--correo")
        let action = try args.requirePositional("la acción (invite, invite-tecnico o reset)")
        let target = try args.requirePositional(action == "invite-tecnico" ? "el usuario técnico" : "el correo del contacto")
        try args.finish()
        let store = try context.openStore()
        let portal = context.services(store, try context.requireUser(store)).portalAccounts
        switch action {
        case "invite":
                let invited = try portal.inviteContact(email: target, publicURL: publicURL, byMail: byMail)
                let names = invited.customers.map { "\($0.legalName) (\($0.docType) \($0.docNumber))" }
                Console.out("Invitación para \(target.lowercased()), contacto de: \(names.joined(separator: "; ")).")
                if let link = invited.link {
                    Console.out("Enlace (un solo uso, vence en 72 horas): \(link)")
                } else {
                    Console.out("El enlace saldrá por correo con el trabajador (bytek worker).")
                }
        case "invite-tecnico":
                let link = try portal.inviteTechnician(login: target, publicURL: publicURL)
                Console.out("Invitación para el técnico \(target).")
                Console.out("Enlace (un solo uso, vence en 72 horas): \(link)")
        case "reset":
                let ended = try portal.resetContact(email: target, publicURL: publicURL)
                Console.out("Acceso de \(target.lowercased()) restablecido: \(ended) sesión(es) cerradas; "
                    + "el trabajador (bytek worker) enviará un enlace nuevo por correo.")
        default:
                throw CLIError.usage("acción desconocida: \(action) (use invite, invite-tecnico o reset)", command: "portal")
        }
        return 0
    }
}
