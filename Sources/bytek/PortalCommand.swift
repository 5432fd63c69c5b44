import BytekStore
import BytekWeb

/// `bytek portal invite CORREO [--correo] | invite-tecnico USUARIO [--public-url URL]`: one-time links (72 h)
/// to set a portal password, printed, or (`--correo`) e-mailed by the worker.
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
        let action = try args.requirePositional("la acción (invite o invite-tecnico)")
        let target = try args.requirePositional(action == "invite-tecnico" ? "el usuario técnico" : "el correo del contacto")
        try args.finish()
        let store = try context.openStore()
        let admin = try context.requireAdmin(store)
        do {
            switch action {
            case "invite":
                let invited = try PortalInvitations.inviteContact(email: target, db: store.db, actor: admin.login,
                                                                  publicURL: publicURL, byMail: byMail)
                let names = invited.customers.map { "\($0.legalName) (\($0.docType) \($0.docNumber))" }
                Console.out("Invitación para \(target.lowercased()), contacto de: \(names.joined(separator: "; ")).")
                if let link = invited.link {
                    Console.out("Enlace (un solo uso, vence en 72 horas): \(link)")
                } else {
                    Console.out("El enlace saldrá por correo con el trabajador (bytek worker).")
                }
            case "invite-tecnico":
                let link = try PortalInvitations.inviteTechnician(login: target, db: store.db, actor: admin.login,
                                                                  publicURL: publicURL)
                Console.out("Invitación para el técnico \(target).")
                Console.out("Enlace (un solo uso, vence en 72 horas): \(link)")
            default:
                throw CLIError.usage("acción desconocida: \(action) (use invite o invite-tecnico)", command: "portal")
            }
        } catch let problem as PortalInvitations.Problem {
            throw CLIError.failure(problem.description)
        } catch let problem as PortalRepositoryError {
            throw CLIError.failure(problem.description)
        }
        return 0
    }
}
