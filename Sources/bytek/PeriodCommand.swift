import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek periodo cerrar|reabrir|listar`: the monthly close. Closing (finanzas, admin) is the user's
/// confirmation that the month's sales register was filed in SIRE; reopening is for admins, with a reason.
@MainActor
enum PeriodCommand {
    nonisolated static let help = """
    El cierre mensual: cuando el registro de ventas de un mes se presentó en SIRE, finanzas cierra el mes y
    ya no se emite, anula, anota ni cobra nada con fecha de ese mes (la corrección va en el mes abierto).

      bytek periodo cerrar AAAA-MM [--nota TEXTO]     Cierra el mes (finanzas, admin): confirma que su registro
                                                      de ventas se presentó en SIRE; la nota guarda el número
                                                      de ticket o constancia.
      bytek periodo reabrir AAAA-MM --motivo TEXTO    Reabre un mes cerrado (solo admin; queda en la auditoría).
      bytek periodo listar                            Los meses con su estado, quién los cerró y su historial.
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando: cerrar, reabrir o listar", command: args.command)
        }
        switch sub {
        case "cerrar":
            let note = try args.option("--nota") ?? ""
            let text = try args.requirePositional("el MES (aaaa-mm)")
            try args.finish()
            let services = try open(context)
            let month = try PeriodService.month(text)
            try services.periods.close(month, sireFiled: true, note: note)
            Console.out("Período \(PeriodMonth.name(month)) cerrado" + (note.isEmpty ? "." : " (SIRE: \(note))."))
            return 0
        case "reabrir":
            let reason = try args.option("--motivo") ?? ""
            let text = try args.requirePositional("el MES (aaaa-mm)")
            try args.finish()
            let services = try open(context)
            let month = try PeriodService.month(text)
            try services.periods.reopen(month, reason: reason)
            Console.out("Período \(PeriodMonth.name(month)) reabierto.")
            return 0
        case "listar", "list":
            try args.finish()
            let services = try open(context)
            Console.out("Mes      Estado   Cerrado por   Nota SIRE")
            for p in try services.periods.months() {
                Console.out(p.month.description + "  " + (p.closed ? "cerrado" : "abierto").padding(toLength: 8, withPad: " ", startingAt: 0)
                            + " " + p.closedBy.padding(toLength: 13, withPad: " ", startingAt: 0) + " " + p.sireNote)
                for e in p.history where e.action == .reabrir {
                    Console.out("         reabierto por \(e.user) el \(e.at.prefix(10)): \(e.text)")
                }
            }
            return 0
        default:
            throw CLIError.usage("subcomando desconocido: \(sub) (use cerrar, reabrir o listar)", command: args.command)
        }
    }

    private static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }
}
