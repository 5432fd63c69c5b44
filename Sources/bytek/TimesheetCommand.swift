import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek horas …`: one's own hours (log, the week, copy last week's rows, send), the timer, approving
/// weeks, and cost rates (admin and finanzas only).
@MainActor
enum TimesheetCommand {
    nonisolated static let help = """
    Las horas de cada persona: solo se escriben horas y una nota; el rol, si es facturable y las tarifas
    salen del proyecto. Las duraciones se escriben 1:30, 1.5, 90m o 2h (de 1 minuto a 24 h; a lo más 24 h por
    día). Una SEMANA es cualquier día de ella (aaaa-mm-dd) o aaaa-Wnn; por omisión, la actual.

      bytek horas [semana [SEMANA]]                    Su semana: filas (proyecto · tarea) × días, con totales.
      bytek horas registrar PROYECTO DURACION [--tarea TAREA] [--fecha FECHA] [--nota TEXTO]
                                                       Registra horas (por omisión hoy) en PRY-2026-00012 o
                                                       en una de sus tareas (número o título).
      bytek horas copiar-semana [SEMANA]               Copia las FILAS de la semana anterior (sin horas).
      bytek horas enviar [SEMANA]                      Envía la semana para aprobación.
      bytek horas pendientes                           Semanas enviadas que usted aprueba.
      bytek horas aprobar LOGIN SEMANA                 Aprueba (el responsable del proyecto, operaciones o
                                                       admin): las horas se cierran y se congela su costo.
      bytek horas reabrir LOGIN SEMANA                 Reabre una semana aprobada (admin).
      bytek horas tarifa LOGIN MONTO --desde FECHA     Costo por hora (S/) de una persona desde una fecha
                                                       (admin, finanzas).
      bytek horas tarifas [LOGIN]                      Las tarifas de costo (admin, finanzas).
      bytek horas timer [iniciar PROYECTO [--tarea TAREA] [--nota TEXTO] | detener | descartar]
                                                       El cronómetro: uno por persona; al detenerlo registra
                                                       los minutos (redondeados hacia arriba) por día, hasta 24 h.
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        switch args.positional() {
        case nil:
            try args.finish()
            return try week(nil, context)
        case "semana":
            let w = args.positional()
            try args.finish()
            return try week(w, context)
        case "registrar":
            let task = try args.option("--tarea")
            let dayText = try args.option("--fecha")
            let note = try args.option("--nota") ?? ""
            let code = try args.requirePositional("el PROYECTO (p. ej. PRY-2026-00012)")
            let duration = try args.requirePositional("la DURACION (p. ej. 1:30)")
            try args.finish()
            let s = try open(context)
            let key = try target(s, code: code, task: task)
            let day = try dayText.map { try HolidayService.day($0) } ?? s.timesheets.today
            let e = try s.timesheets.log(day: day, on: key, duration: duration, note: note)
            let dayTotal = try s.timesheets.entries(day: day).reduce(0) { $0 + $1.minutes }
            Console.out("Registradas \(TimesheetDuration.text(e.minutes)) el \(e.day) en \(code.uppercased())"
                        + (e.role.isEmpty ? "" : " (\(e.role))") + (e.billable ? ", facturable" : "")
                        + ". Total del día: \(TimesheetDuration.text(dayTotal)).")
            return 0
        case "copiar-semana":
            let w = args.positional()
            try args.finish()
            let s = try open(context)
            let n = try s.timesheets.copyLastWeek(into: weekOf(w, s))
            Console.out("\(n) \(n == 1 ? "fila copiada" : "filas copiadas") de la semana anterior (sin horas).")
            return 0
        case "enviar":
            let w = args.positional()
            try args.finish()
            let s = try open(context)
            let monday = try weekOf(w, s)
            try s.timesheets.submit(week: monday)
            Console.out("Semana \(TimesheetGrid.weekName(monday)) enviada para aprobación.")
            return 0
        case "pendientes":
            try args.finish()
            let rows = try open(context).timesheets.pendingWeeks()
            if rows.isEmpty { Console.out("No hay semanas esperando aprobación.") }
            for p in rows {
                Console.out(pad(p.login, 14) + " " + TimesheetGrid.weekName(p.week) + "  " + pad(TimesheetDuration.text(p.minutes), 7)
                            + " " + p.projectCodes.joined(separator: ", "))
            }
            return 0
        case let verb? where verb == "aprobar" || verb == "reabrir":
            let login = try args.requirePositional("el LOGIN de la persona")
            let weekText = try args.requirePositional("la SEMANA (aaaa-Wnn o un día de ella)")
            try args.finish()
            let s = try open(context)
            let monday = try TimesheetGrid.week(weekText)
            if verb == "aprobar" {
                try s.timesheets.approve(login: login, week: monday)
                Console.out("Semana \(TimesheetGrid.weekName(monday)) de \(login) aprobada: horas cerradas y costo congelado.")
            } else {
                try s.timesheets.reopen(login: login, week: monday)
                Console.out("Semana \(TimesheetGrid.weekName(monday)) de \(login) reabierta.")
            }
            return 0
        case "tarifa":
            let fromText = try args.option("--desde")
            let login = try args.requirePositional("el LOGIN de la persona")
            let amount = try args.requirePositional("el MONTO por hora (S/)")
            try args.finish()
            guard let fromText else { throw CLIError.usage("falta --desde FECHA (aaaa-mm-dd)", command: args.command) }
            let r = try open(context).timesheets.setRate(login: login, rate: amount, from: HolidayService.day(fromText, field: "desde"))
            Console.out("Tarifa de costo de \(r.login) desde el \(r.from): \(r.rate.formatted) por hora.")
            return 0
        case "tarifas":
            let login = args.positional()
            try args.finish()
            for r in try open(context).timesheets.rates(login: login) {
                Console.out(pad(r.login, 14) + " desde " + r.from.description + "  " + r.rate.formatted + " por hora")
            }
            return 0
        case "timer":
            return try timer(&args, context)
        case let other?:
            throw CLIError.usage("subcomando desconocido: \(other)", command: args.command)
        }
    }

    static func timer(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        switch args.positional() {
        case nil:
            try args.finish()
            let s = try open(context)
            guard let t = try s.timesheets.timer() else { Console.out("No hay un cronómetro en marcha."); return 0 }
            Console.out("⏱ " + TimerSplit.clock(TimerSplit.elapsedMinutes(start: t.startedAt, now: s.now())) + " " + t.projectCode)
            return 0
        case "iniciar":
            let task = try args.option("--tarea")
            let note = try args.option("--nota") ?? ""
            let code = try args.requirePositional("el PROYECTO (p. ej. PRY-2026-00012)")
            try args.finish()
            let s = try open(context)
            let logged = try s.timesheets.startTimer(target(s, code: code, task: task), note: note)
            report(logged)
            Console.out("Cronómetro en marcha en \(code.uppercased()).")
            return 0
        case "detener":
            try args.finish()
            report(try open(context).timesheets.stopTimer())
            return 0
        case "descartar":
            try args.finish()
            try open(context).timesheets.discardTimer()
            Console.out("Cronómetro descartado (no se registró nada).")
            return 0
        case let other?:
            throw CLIError.usage("subcomando desconocido: timer \(other) (use iniciar, detener o descartar)", command: args.command)
        }
    }

    static func report(_ logged: [TimesheetEntry]) {
        for e in logged { Console.out("Registradas \(TimesheetDuration.text(e.minutes)) el \(e.day) (cronómetro).") }
    }

    static func week(_ text: String?, _ context: CommandContext) throws -> Int32 {
        let s = try open(context)
        let grid = try s.timesheets.grid(week: weekOf(text, s))
        Console.out("Semana \(TimesheetGrid.weekName(grid.week)) (\(grid.week) al \(grid.week.adding(days: 6))) · \(grid.state.displayName)")
        let names = ["Lun", "Mar", "Mié", "Jue", "Vie", "Sáb", "Dom"]
        Console.out(pad("Fila", 40) + names.map { lpad($0, 6) }.joined() + lpad("Total", 7))
        for row in grid.rows {
            Console.out(pad(String(row.title.prefix(40)), 40) + row.minutes.map { lpad($0 == 0 ? "·" : TimesheetDuration.text($0), 6) }.joined()
                        + lpad(TimesheetDuration.text(row.total), 7))
        }
        Console.out(pad("Total", 40) + grid.dayTotals.map { lpad(TimesheetDuration.text($0), 6) }.joined()
                    + lpad(TimesheetDuration.text(grid.total), 7))
        return 0
    }

    static func weekOf(_ text: String?, _ s: Services) throws -> LocalDate {
        try text.map { try TimesheetGrid.week($0) } ?? TimesheetEntry.week(of: s.timesheets.today)
    }

    /// A project by code and, optionally, one of its tasks by number or title.
    static func target(_ s: Services, code: String, task: String?) throws -> TimesheetRowKey {
        let p = try s.timesheets.project(code: code)
        guard let task else { return TimesheetRowKey(projectId: p.id) }
        let candidates = try s.timesheets.targets().filter { $0.key.projectId == p.id && $0.key.taskId != nil }
        if let id = Int64(task), let t = candidates.first(where: { $0.key.taskId == id }) { return t.key }
        let matches = candidates.filter { $0.taskTitle.localizedCaseInsensitiveContains(task) }
        if let exact = matches.first(where: { $0.taskTitle.compare(task, options: .caseInsensitive) == .orderedSame }) { return exact.key }
        guard matches.count == 1 else { throw TimesheetError.taskNotFound(task) }
        return matches[0].key
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func lpad(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }

    static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }
}
