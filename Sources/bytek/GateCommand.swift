import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek compuerta estado | levantar | terminar | bloqueados | alarmas`: the payment gate of U2 projects.
@MainActor
enum GateCommand {
    nonisolated static let help = """
    La compuerta de pago de los proyectos por hitos (U2): cuando una factura de hito tiene una parte (neto o
    detracción) impaga más de hitos.gracia_dias días (0 por omisión) después de su vencimiento, las tareas de
    los hitos siguientes no pasan a «en curso», no se registran horas en ellos ni se liberan entregables.
    El pago registrado en Cobranzas la abre sola; finanzas o admin pueden levantarla antes, con motivo y fecha.

      bytek compuerta estado PROYECTO                         Qué la cierra: comprobantes, días de atraso y deuda;
                                                              el levantamiento vigente (quién, por qué, hasta cuándo).
      bytek compuerta levantar PROYECTO --motivo TEXTO --hasta FECHA
                                                              La levanta hasta FECHA inclusive (hoy a hoy + 90 días;
                                                              finanzas, admin). Si sigue impaga, vuelve a cerrarse.
      bytek compuerta terminar PROYECTO                       Termina el levantamiento vigente antes de su fecha.
      bytek compuerta bloqueados                              Los proyectos bloqueados por pago, con su motivo y deuda.
      bytek compuerta alarmas [--responsable LOGIN]           Hitos de los próximos 7 días, bloqueados y aprobaciones
                                                              en espera más de 3 días hábiles (el trabajador los envía
                                                              cada día a las 07:45 al correo de cada responsable,
                                                              ajuste correo.LOGIN).
    PROYECTO es su código (PRY-0007) o su número; las fechas se escriben aaaa-mm-dd.
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        switch args.positional() {
        case "estado":
            let code = try args.requirePositional("el PROYECTO")
            try args.finish()
            let s = try open(context)
            let p = try s.projectGate.project(code: code)
            let st = try s.projectGate.status(projectId: p.id)
            Console.out("\(p.code) \(p.name) (responsable \(p.manager))")
            if let b = st.overdue {
                Console.out(st.lift == nil ? ProjectGateError.blocked(b).message : "Vencido: " + b.message)
            } else {
                Console.out("Sin bloqueo por pago.")
            }
            if let l = st.lift {
                Console.out("Levantado por \(l.liftedBy) hasta el \(l.until): \(l.reason)")
            }
            return 0
        case "levantar":
            let reason = try args.option("--motivo") ?? ""
            let untilText = try args.option("--hasta")
            let code = try args.requirePositional("el PROYECTO")
            try args.finish()
            guard let untilText else { throw CLIError.usage("falta --hasta FECHA (aaaa-mm-dd)", command: args.command) }
            let until = try ProjectGateService.date(untilText)
            let s = try open(context)
            let p = try s.projectGate.project(code: code)
            let l = try s.projectGate.lift(projectId: p.id, reason: reason, until: until)
            Console.out("Bloqueo por pago de \(p.code) levantado hasta el \(l.until) (inclusive): \(l.reason)")
            return 0
        case "terminar":
            let code = try args.requirePositional("el PROYECTO")
            try args.finish()
            let s = try open(context)
            let p = try s.projectGate.project(code: code)
            try s.projectGate.endLift(projectId: p.id)
            let b = try s.projectGate.status(projectId: p.id).block
            Console.out("Levantamiento terminado en \(p.code). " + (b.map { ProjectGateError.blocked($0).message } ?? "Sin bloqueo por pago."))
            return 0
        case "bloqueados":
            try args.finish()
            let s = try open(context)
            let alarms = try s.projectAlarms.alarms()
            if alarms.blocked.isEmpty { Console.out("Ningún proyecto bloqueado por pago."); return 0 }
            for b in alarms.blocked {
                Console.out("\(b.project.code)  \(b.project.name)  (\(b.project.manager))  \(b.block.message)")
            }
            return 0
        case "alarmas":
            let manager = try args.option("--responsable")
            try args.finish()
            let a = try open(context).projectAlarms.alarms(manager: manager)
            if a.isEmpty { Console.out("Sin alarmas de proyectos."); return 0 }
            for line in a.lines { Console.out(line) }
            return 0
        case let other?:
            throw CLIError.usage("subcomando desconocido: \(other) (use estado, levantar, terminar, bloqueados o alarmas)",
                                 command: args.command)
        case nil:
            throw CLIError.usage("falta el subcomando: estado, levantar, terminar, bloqueados o alarmas", command: args.command)
        }
    }

    private static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }
}
