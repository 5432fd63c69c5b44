import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek hitos …`: the milestones of a U2 project — deliverables, readiness, sign-off recorded by staff,
/// and the milestone invoices (issued by the worker, or by finanzas from the list "por facturar").
@MainActor
enum MilestoneCommand {
    nonisolated static let help = """
    Los hitos de un proyecto U2: entregables (archivos con su SHA-256), aprobación del cliente y factura del hito.

      bytek hitos list PROYECTO                     Los hitos con estado, importe, fecha prevista, sus entregables
                                                    y las aprobaciones (quién, cómo, cuándo, huella aprobada).
      bytek hitos adjuntar HITO ARCHIVO [--nombre N] Copia el archivo como entregable del hito (hasta 200 MB).
      bytek hitos liberar ENTREGABLE                Lo deja descargable en el portal (si el pago no lo retiene).
      bytek hitos listo HITO                        Listo para aprobación (necesita al menos un entregable).
      bytek hitos aprobar HITO --via correo|acta|otro --evidencia ARCHIVO --por NOMBRE [--comentario T]
                                                    Registra una aprobación recibida por otro medio.
      bytek hitos cambios HITO --via correo|acta|otro --evidencia ARCHIVO --por NOMBRE --comentario T
                                                    Registra un pedido de cambios recibido por otro medio.
      bytek hitos facturar HITO                     Emite la factura del hito aprobado (finanzas, admin).
      bytek hitos por-facturar                      Los hitos aprobados que esperan su factura.
      bytek hitos facturacion [automatica|finanzas] Qué pasa al aprobar un hito (solo admin para cambiarlo).
    La huella aprobada es el SHA-256 de la lista ordenada de líneas «sha256  archivo» de los entregables
    (lo mismo que `sha256sum * | LC_ALL=C sort | sha256sum` en su carpeta).
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let sub = args.positional()
        switch sub {
        case "list", "listar":
            let code = try args.requirePositional("el código del PROYECTO")
            try args.finish()
            return try list(code, try open(context))
        case "adjuntar":
            let name = try args.option("--nombre")
            let id = try milestoneId(try args.requirePositional("el HITO (número)"))
            let path = try args.requirePositional("el ARCHIVO")
            try args.finish()
            let d = try open(context).milestones.attach(milestoneId: id, path: path, name: name)
            Console.out("Adjuntado: \(d.fileName) (\(d.bytes) bytes) SHA-256 \(d.sha256)")
            return 0
        case "liberar":
            let id = try milestoneId(try args.requirePositional("el ENTREGABLE (número)"))
            try args.finish()
            try open(context).milestones.release(deliverableId: id)
            Console.out("Entregable \(id) liberado en el portal.")
            return 0
        case "listo":
            let id = try milestoneId(try args.requirePositional("el HITO (número)"))
            try args.finish()
            try open(context).milestones.markReady(milestoneId: id)
            Console.out("Hito \(id) listo para aprobación.")
            return 0
        case "aprobar", "cambios":
            let via = try args.option("--via") ?? ""
            let evidence = try args.option("--evidencia") ?? ""
            let who = try args.option("--por") ?? ""
            let comment = try args.option("--comentario") ?? ""
            let id = try milestoneId(try args.requirePositional("el HITO (número)"))
            try args.finish()
            guard let channel = SignoffChannel(rawValue: via), channel != .portal else {
                throw CLIError.usage("--via: use correo, acta u otro", command: args.command)
            }
            let s = try open(context).milestones.recordSignoff(milestoneId: id, decision: sub == "aprobar" ? .approved : .changes,
                                                               channel: channel, who: who, evidencePath: evidence, comment: comment)
            Console.out((sub == "aprobar" ? "Aprobado" : "Cambios pedidos") + " por \(s.who) (\(channel.displayName)); huella \(s.approvedHash)")
            return 0
        case "facturar":
            let id = try milestoneId(try args.requirePositional("el HITO (número)"))
            try args.finish()
            let r = try open(context).milestones.issueInvoice(milestoneId: id)
            Console.out("Emitido \(r.documentID) por el hito \(id).")
            return 0
        case "por-facturar":
            try args.finish()
            let rows = try open(context).milestones.queuedForFinance()
            if rows.isEmpty { Console.out("No hay hitos por facturar.") }
            for m in rows {
                Console.out("\(m.milestone.id)  \(m.projectCode)  Hito \(m.milestone.position) de \(m.count): \(m.milestone.name)  "
                            + "\(m.customerName)  \(m.milestone.amount.formatted)")
            }
            return 0
        case "facturacion":
            let value = args.positional()
            try args.finish()
            let services = try open(context)
            if let value {
                guard let mode = MilestoneBillingMode(rawValue: value) else {
                    throw CLIError.usage("use automatica o finanzas", command: args.command)
                }
                try services.milestones.setBillingMode(mode)
            }
            Console.out("Facturación de hitos aprobados: \(try services.milestones.billingMode().rawValue)")
            return 0
        default:
            throw CLIError.usage("subcomando desconocido: \(sub ?? "(ninguno)") (use list, adjuntar, liberar, listo, aprobar, "
                                 + "cambios, facturar, por-facturar o facturacion)", command: args.command)
        }
    }

    static func milestoneId(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw CLIError.failure("«\(text)» no es un número de hito o entregable; véalos con bytek hitos list PROYECTO.")
        }
        return id
    }

    private static func list(_ code: String, _ services: Services) throws -> Int32 {
        let rows = try services.milestones.milestones(projectCode: code)
        Console.out("\(rows.first?.projectCode ?? code) · \(rows.first?.projectName ?? "") · \(rows.first?.customerName ?? "")")
        for m in rows {
            let doc = m.documentNumber.map { "  factura \($0)" } ?? (m.milestone.invoiceQueuedAt != nil ? "  por facturar (finanzas)" : "")
            Console.out("Hito \(m.milestone.position) [\(m.milestone.id)] \(m.milestone.name)  \(m.milestone.state.displayName)  "
                        + "\(m.milestone.amount.formatted)  previsto \(m.milestone.plannedDate)\(doc)")
            for d in try services.milestones.deliverables(milestoneId: m.milestone.id) {
                Console.out("  entregable [\(d.id)] \(d.fileName)  \(d.bytes) bytes  sha256 \(d.sha256)\(d.released ? "  liberado" : "")")
            }
            for s in try services.milestones.signoffs(milestoneId: m.milestone.id) {
                let comment = s.comment.isEmpty ? "" : "  «\(s.comment)»"
                Console.out("  \(s.decision) por \(s.who) vía \(s.how) el \(s.decidedAt)  hash \(s.approvedHash)\(comment)")
            }
        }
        return 0
    }

    private static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }
}
