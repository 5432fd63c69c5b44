import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek proyectos …`: projects, their cards and the boards' WIP limits, and the packages' templates.
@MainActor
enum ProjectCommand {
    nonisolated static let help = """
    Proyectos: lo vendido convertido en trabajo (se crean al aceptar una cotización, o a mano), sus tareas
    (las tarjetas de los tableros), los límites WIP y las plantillas de los paquetes U1.

      bytek proyectos [listar] [--estado activo|pausado|terminado|archivado] [--unidad U1|U2|U3]
                      [--cliente RUC] [--responsable USUARIO] [--buscar TEXTO] [--archivados] [--limite N]
                                                  La lista: código, nombre, cliente, responsable, avance,
                                                  fecha prometida y salud (ok, en riesgo, atrasado, bloqueado).
      bytek proyectos ver CODIGO                  Un proyecto: datos, roles (horas vendidas y tarifas), hitos y tareas.
      bytek proyectos nuevo --cliente RUC --nombre NOMBRE --responsable USUARIO --prometida FECHA
                      [--unidad U1] [--tipo kanban|hitos] [--inicio FECHA] [--vendido IMPORTE] [--moneda PEN|USD]
                      [--rol "ROL=HORAS@TARIFA"]... [--plantilla NOMBRE]
                                                  Crea un proyecto a mano (con la plantilla, sus tareas con fechas
                                                  contadas hacia atrás desde la prometida).
      bytek proyectos editar CODIGO [--nombre N] [--responsable U] [--prometida F] [--estado E] [--notas T]
      bytek proyectos archivar CODIGO [--motivo TEXTO]   Archiva (nunca se borra).
      bytek proyectos tareas CODIGO               Las tareas: id, columna, vence, asignado, lista, bloqueo.
      bytek proyectos tarea CODIGO TITULO [--asignado U] [--vence F] [--rol R] [--hito HITO] [--item TEXTO]...
                                                  Agrega una tarea (con su lista de verificación); con --hito,
                                                  del hito HITO (su número en bytek hitos list), que la compuerta
                                                  de pago retiene como al hito.
      bytek proyectos mover TAREA > | < | COLUMNA [--forzar MOTIVO]
                                                  Mueve una tarjeta (por_hacer, en_curso, revision, hecho). Sobre
                                                  el límite WIP solo con --forzar y un motivo (queda auditado).
      bytek proyectos bloquear TAREA --motivo TEXTO | desbloquear TAREA | cancelar TAREA [--motivo T]
      bytek proyectos check TAREA [TEXTO]         Sin TEXTO muestra la lista; con TEXTO lo agrega.
      bytek proyectos marcar ITEM                 Marca o desmarca un ítem de la lista.
      bytek proyectos tablero U1|CODIGO [--filtro TEXTO]  Las columnas de un tablero con sus tarjetas y límites.
      bytek proyectos wip U1|CODIGO [COLUMNA LIMITE|-]    Muestra o fija (o quita con -) un límite WIP
                                                  (operaciones y admin).
      bytek proyectos plantillas [NOMBRE]         Las plantillas; con NOMBRE, sus pasos, días hábiles y listas.
      bytek proyectos atrasos [--fecha FECHA]     Lo que no llegará a su fecha: tarjetas vencidas (atrasada) o que
                                                  vencen al día hábil siguiente o cuyo proyecto se promete en 2 días
                                                  hábiles (por vencer), por proyecto y responsable. El trabajo diario
                                                  proyectos.atrasos de las 07:30 envía a cada responsable y asignado
                                                  sus tarjetas por correo (ajuste correo.LOGIN), una vez al día.
    Las fechas se escriben aaaa-mm-dd.
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        switch args.positional() {
        case nil, "listar": return try list(&args, context)
        case "ver": return try show(&args, context)
        case "nuevo": return try create(&args, context)
        case "editar": return try edit(&args, context)
        case "archivar":
            let reason = try args.option("--motivo") ?? ""
            let code = try args.requirePositional("el CODIGO del proyecto")
            try args.finish()
            let s = try open(context)
            let p = try s.projects.archive(try project(code, s).id, reason: reason)
            Console.out("Archivado: \(p.code) «\(p.name)».")
            return 0
        case "tareas": return try tasks(&args, context)
        case "tarea": return try addTask(&args, context)
        case "mover": return try move(&args, context)
        case "bloquear":
            return try onTask(&args, context, reason: true, done: "Bloqueada") { s, id, reason in try s.projects.block(id, reason: reason) }
        case "desbloquear":
            return try onTask(&args, context, reason: false, done: "Desbloqueada") { s, id, _ in try s.projects.unblock(id) }
        case "cancelar":
            return try onTask(&args, context, reason: true, done: "Cancelada") { s, id, reason in try s.projects.cancelTask(id, reason: reason) }
        case "check": return try checklist(&args, context)
        case "marcar":
            guard let id = Int64(try args.requirePositional("el ITEM (número)")) else {
                throw CLIError.usage("ITEM: escriba el número del ítem (bytek proyectos check TAREA)", command: args.command)
            }
            try args.finish()
            let c = try open(context).projects.toggleCheck(id)
            Console.out("\(c.done ? "[x]" : "[ ]") \(c.text)")
            return 0
        case "tablero": return try board(&args, context)
        case "wip": return try wip(&args, context)
        case "plantillas": return try templates(&args, context)
        case "atrasos": return try late(&args, context)
        case let other?:
            throw CLIError.usage("subcomando desconocido: \(other)", command: args.command)
        }
    }

    // MARK: projects

    static func list(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        var query = ProjectQuery()
        if let s = try args.option("--estado") {
            guard let st = ProjectStatus(rawValue: s) else { throw CLIError.usage("--estado: activo, pausado, terminado o archivado", command: args.command) }
            query.status = st
        }
        if let u = try args.option("--unidad") { query.unit = try unit(u, &args) }
        let ruc = try args.option("--cliente")
        query.manager = try args.option("--responsable")
        query.text = try args.option("--buscar") ?? ""
        query.includeArchived = args.flag("--archivados")
        let limit = try args.option("--limite").map { text -> Int in
            guard let n = Int(text), (1...100_000).contains(n) else { throw CLIError.usage("--limite: un número de 1 a 100000", command: args.command) }
            return n
        } ?? 200
        try args.finish()
        let s = try open(context)
        if let ruc { query.customerId = try customer(ruc, s) }
        let rows = try s.projects.list(query).first(limit)
        Console.out(col("Código", 15) + col("Nombre", 32) + col("Cliente", 24) + col("Responsable", 12) + col("Avance", 7)
                    + col("Prometida", 11) + "Salud")
        for row in rows.map(\.item) {
            Console.out(col(row.project.code, 15) + col(row.project.name, 32) + col(row.project.customerName, 24)
                        + col(row.project.manager, 12) + col("\(row.progressPercent)%", 7) + col(row.project.promisedDate.description, 11)
                        + row.health.displayName + (row.gateMessage.map { " — \($0)" } ?? ""))
        }
        Console.out("\(rows.count) \(rows.count == 1 ? "proyecto" : "proyectos").")
        return 0
    }

    static func show(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let (s, p) = try onlyProject(&args, context)
        Console.out("\(p.code) «\(p.name)»")
        Console.out("Cliente: \(p.customerName)   Unidad: \(p.unit.label)   Tipo: \(p.kind.displayName)   Estado: \(p.status.displayName)")
        Console.out("Responsable: \(p.manager)   Inicio: \(p.startDate)   Prometida: \(p.promisedDate)   Vendido: \(p.sold.formatted)")
        if !p.notes.isEmpty { Console.out("Notas: \(p.notes)") }
        let roles = try s.projects.roles(p.id)
        if !roles.isEmpty {
            Console.out("Roles:")
            for r in roles { Console.out("  \(col(r.role, 24)) \(hours(r.quotedMinutes)) h vendidas, \(r.billRate.formatted)/h") }
        }
        let ms = try s.projects.milestones(p.id)
        if !ms.isEmpty {
            Console.out("Hitos:")
            for m in ms {
                Console.out("  \(m.position). \(col(m.name, 24)) \(col(m.percent.description + "%", 6)) \(col(m.amount.formatted, 16)) \(m.plannedDate)  \(m.state.displayName)")
            }
        }
        let tasks = try s.projects.tasks(p.id)
        let open = tasks.filter { $0.state != .cancelled }
        Console.out("Tareas: \(open.filter { $0.state == .done }.count) de \(open.count) hechas.")
        return 0
    }

    static func create(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let ruc = try args.option("--cliente")
        let name = try args.option("--nombre") ?? ""
        let manager = try args.option("--responsable") ?? ""
        let unitText = try args.option("--unidad") ?? "U1"
        let kindText = try args.option("--tipo")
        let startText = try args.option("--inicio")
        let promisedText = try args.option("--prometida")
        let soldText = try args.option("--vendido")
        let currencyText = try args.option("--moneda") ?? "PEN"
        let templateName = try args.option("--plantilla")
        var roleTexts: [String] = []
        while let r = try args.option("--rol") { roleTexts.append(r) }
        try args.finish()
        guard let ruc else { throw CLIError.usage("falta --cliente RUC", command: args.command) }
        guard let promisedText else { throw CLIError.usage("falta --prometida FECHA", command: args.command) }
        guard let currency = Currency(rawValue: currencyText.uppercased()) else { throw CLIError.failure("moneda: PEN o USD") }
        let unit = try unit(unitText, &args)
        let kind: ProjectKind
        if let kindText {
            guard let k = ProjectKind(rawValue: kindText) else { throw CLIError.failure("tipo: kanban o hitos") }
            kind = k
        } else { kind = unit == .software ? .milestones : .kanban }
        let s = try open(context)
        let start = try startText.map { try ProjectLimits.date($0, field: "inicio") } ?? s.projects.today
        let promised = try ProjectLimits.date(promisedText, field: "fecha prometida")
        let sold: Money
        do { sold = try soldText.map { try Money.parse($0, currency: currency) } ?? .zero(currency) }
        catch let e as MoneyError { throw CLIError.failure("vendido: " + Messages.text(e)) }
        let roles = try roleTexts.map { try role($0, currency) }
        var templateId: Int64?
        if let templateName {
            guard let t = try s.projects.template(named: templateName) else { throw ProjectError.templateNotFound(templateName) }
            templateId = t.id
        }
        let p = try s.projects.create(Project(name: name, unit: unit, kind: kind, customerId: try customer(ruc, s), templateId: templateId,
                                              manager: manager, sold: sold, startDate: start, promisedDate: promised), roles: roles)
        Console.out("Creado: \(p.code) «\(p.name)» (\(p.kind.displayName)), prometido para el \(p.promisedDate).")
        if templateId != nil { Console.out("\(try s.projects.tasks(p.id).count) tareas de la plantilla.") }
        return 0
    }

    static func edit(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        var changes = ProjectChanges()
        changes.name = try args.option("--nombre")
        changes.manager = try args.option("--responsable")
        if let d = try args.option("--prometida") { changes.promisedDate = try ProjectLimits.date(d, field: "fecha prometida") }
        if let st = try args.option("--estado") {
            guard let status = ProjectStatus(rawValue: st), status != .archived else {
                throw CLIError.usage("--estado: activo, pausado o terminado (para archivar: bytek proyectos archivar)", command: args.command)
            }
            changes.status = status
        }
        changes.notes = try args.option("--notas")
        let code = try args.requirePositional("el CODIGO del proyecto")
        try args.finish()
        let s = try open(context)
        let p = try s.projects.update(try project(code, s).id, changes)
        Console.out("Guardado: \(p.code) «\(p.name)», \(p.status.displayName), prometido para el \(p.promisedDate).")
        return 0
    }

    // MARK: tasks

    static func tasks(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let (s, p) = try onlyProject(&args, context)
        Console.out(col("Tarea", 8) + col("Columna", 12) + col("Título", 32) + col("Vence", 11) + col("Asignado", 12) + col("Lista", 7) + "Bloqueo")
        for t in try s.projects.tasks(p.id) {
            Console.out(col("#\(t.id)", 8) + col(t.state.displayName, 12) + col(t.title, 32) + col(t.dueDate?.description ?? "-", 11)
                        + col(t.assignee ?? "-", 12) + col("\(t.checklistDone)/\(t.checklistTotal)", 7)
                        + (t.blocked ? "BLOQUEADA: \(t.blockedReason)" : ""))
        }
        return 0
    }

    static func addTask(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let assignee = try args.option("--asignado")
        let due = try args.option("--vence")
        let role = try args.option("--rol") ?? ""
        let milestone = try args.option("--hito").map { try MilestoneCommand.milestoneId($0) }
        var items: [String] = []
        while let i = try args.option("--item") { items.append(i) }
        let code = try args.requirePositional("el CODIGO del proyecto")
        let title = try args.requirePositional("el TITULO de la tarea")
        try args.finish()
        let s = try open(context)
        let p = try project(code, s)
        let t = try s.projects.addTask(ProjectTask(projectId: p.id, milestoneId: milestone, title: title, assignee: assignee, role: role,
                                                   dueDate: try due.map { try ProjectLimits.date($0, field: "vence") }), checklist: items)
        Console.out("Tarea #\(t.id) «\(t.title)» en \(p.code) (\(t.state.displayName)).")
        return 0
    }

    static func move(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let override = try args.option("--forzar")
        let id = try taskId(&args)
        let where_ = try args.requirePositional("adónde: >, < o una COLUMNA")
        try args.finish()
        let move: TaskMove
        switch where_ {
        case ">": move = .next
        case "<": move = .previous
        default:
            guard let state = TaskState(rawValue: where_), state != .cancelled else { throw ProjectError.noColumn(where_) }
            move = .to(state)
        }
        let t = try open(context).projects.moveTask(id, move, override: override)
        Console.out("#\(t.id) «\(t.title)» → \(t.state.displayName).")
        return 0
    }

    static func checklist(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let id = try taskId(&args)
        let text = args.positional()
        try args.finish()
        let s = try open(context)
        if let text { _ = try s.projects.addCheck(id, text: text) }
        for c in try s.projects.checks(id) { Console.out("\(col("#\(c.id)", 8))\(c.done ? "[x]" : "[ ]") \(c.text)") }
        return 0
    }

    // MARK: boards

    static func board(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let filter = try args.option("--filtro") ?? ""
        let which = try args.requirePositional("el tablero: U1 (el del equipo) o el CODIGO de un proyecto")
        try args.finish()
        let s = try open(context)
        let board = try s.projects.board(try scope(which, s), filter: filter)
        for c in board.columns {
            Console.out("== \(c.state.displayName) (\(c.count)\(c.wipLimit.map { "/\($0)" } ?? ""))" + (c.overLimit ? " SOBRE EL LÍMITE" : ""))
            for card in c.cards {
                Console.out("  #\(card.id) \(card.projectCode) \(card.title) · \(card.customerShortName) · \(card.assignee ?? "sin asignar")"
                            + " · vence \(card.due?.description ?? "-") · \(card.checklistText) · \(card.ageDays) d"
                            + (card.lateness == .onTime ? "" : " · \(card.lateness.displayName.uppercased())")
                            + (card.blocked ? " · BLOQUEADA: \(card.blockedReason)" : ""))
            }
        }
        return 0
    }

    static func wip(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let which = try args.requirePositional("el tablero: U1 (el del equipo) o el CODIGO de un proyecto")
        let column = args.positional()
        let limitText = args.positional()
        try args.finish()
        let s = try open(context)
        let scope = try scope(which, s)
        if let column {
            guard let state = TaskState(rawValue: column), TaskState.columns.contains(state) else { throw ProjectError.noColumn(column) }
            guard let limitText else { throw CLIError.usage("falta el LIMITE (1 a 9999, o - para quitarlo)", command: args.command) }
            var limit: Int?
            if limitText != "-" {
                guard limitText.count <= 5, let n = Int(limitText) else {
                    throw ProjectError.invalid(field: "límite WIP", reason: "entre 1 y 9999 (o vacío para quitarlo)")
                }
                limit = n
            }
            try s.projects.setWipLimit(scope, state: state, limit: limit)
        }
        let limits = try s.projects.wipLimits(scope)
        Console.out("Límites WIP de \(scope.key):")
        for c in TaskState.columns { Console.out("  \(col(c.displayName, 12)) \(limits[c].map(String.init) ?? "sin límite")") }
        return 0
    }

    static func templates(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let name = args.positional()
        try args.finish()
        let s = try open(context)
        if let name {
            guard let t = try s.projects.template(named: name) else { throw ProjectError.templateNotFound(name) }
            Console.out("«\(t.template.name)» \(t.template.unit.label), \(t.template.totalWorkingDays) días hábiles"
                        + (t.active ? "" : " (desactivada)"))
            for (i, step) in t.template.steps.enumerated() {
                Console.out("  \(i + 1). \(col(step.name, 24)) \(step.workingDays) d  \(step.role.displayName)")
                for c in step.checklist { Console.out("       [ ] \(c)") }
            }
            return 0
        }
        for t in try s.projects.templates(includeInactive: true) {
            Console.out(col(t.template.name, 28) + col(t.template.unit.rawValue, 4) + col("\(t.template.steps.count) pasos", 10)
                        + "\(t.template.totalWorkingDays) días hábiles" + (t.active ? "" : " (desactivada)"))
        }
        return 0
    }

    static func late(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let day = try args.option("--fecha").map { try ProjectLimits.date($0, field: "fecha") }
        try args.finish()
        let r = try open(context).projects.lateReport(on: day)
        Console.out("Atrasos al \(r.date): \(r.cardCount) \(r.cardCount == 1 ? "tarjeta" : "tarjetas") en \(r.projects.count) "
                    + (r.projects.count == 1 ? "proyecto." : "proyectos."))
        for p in r.projects {
            Console.out("\(p.code) «\(p.name)» · responsable \(p.manager) · prometido \(p.promised)")
            for c in p.cards {
                Console.out("  #\(c.id) \(col(c.title, 28)) vence \(c.due?.description ?? "-") · \(c.assignee ?? "sin asignar") · "
                            + c.lateness.displayName.uppercased())
            }
        }
        return 0
    }

    /// A change of one card (`TAREA [--motivo TEXTO]`), then "Bloqueada: #12 «diseño»: motivo."
    static func onTask(_ args: inout Arguments, _ context: CommandContext, reason: Bool, done: String,
                       _ change: (Services, Int64, String) throws -> ProjectTask) throws -> Int32 {
        let why = reason ? try args.option("--motivo") ?? "" : ""
        let id = try taskId(&args)
        try args.finish()
        let t = try change(try open(context), id, why)
        Console.out("\(done): #\(t.id) «\(t.title)»" + (t.blocked ? ": \(t.blockedReason)." : "."))
        return 0
    }

    // MARK: helpers

    static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }

    /// The services and the project named by the last argument (`CODIGO`).
    static func onlyProject(_ args: inout Arguments, _ context: CommandContext) throws -> (Services, Project) {
        let code = try args.requirePositional("el CODIGO del proyecto")
        try args.finish()
        let s = try open(context)
        return (s, try project(code, s))
    }

    static func project(_ code: String, _ s: Services) throws -> Project {
        guard let p = try s.projects.get(code: code) else { throw ProjectError.notFound("el proyecto \(code)") }
        return p
    }

    static func scope(_ text: String, _ s: Services) throws -> BoardScope {
        if let u = BusinessUnit(rawValue: text.uppercased()) { return .team(u) }
        return .project(try project(text, s).id)
    }

    static func taskId(_ args: inout Arguments) throws -> Int64 {
        let text = try args.requirePositional("la TAREA (su número, p. ej. 12 o #12)")
        guard let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) else {
            throw CLIError.usage("TAREA: escriba su número (bytek proyectos tareas CODIGO los muestra)", command: args.command)
        }
        return id
    }

    static func unit(_ text: String, _ args: inout Arguments) throws -> BusinessUnit {
        guard let u = BusinessUnit(rawValue: text.uppercased()) else { throw CLIError.usage("unidad: U1, U2 o U3", command: args.command) }
        return u
    }

    static func customer(_ doc: String, _ s: Services) throws -> Int64 {
        let d = doc.trimmingCharacters(in: .whitespaces)
        let type: DocumentType = d.count == 8 ? .dni : .ruc
        guard let c = try s.customers.find(docType: type, docNumber: d), let id = c.id else {
            throw ProjectError.invalid(field: "cliente", reason: "no hay un cliente con el documento \(d)")
        }
        return id
    }

    /// "ROL=HORAS@TARIFA" ("desarrollador=40@80.00").
    static func role(_ text: String, _ currency: Currency) throws -> ProjectRoleHours {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw ProjectError.invalid(field: "rol «\(text)»", reason: "escriba ROL=HORAS@TARIFA, p. ej. desarrollador=40@80.00") }
        let numbers = parts[1].split(separator: "@", maxSplits: 1).map(String.init)
        guard numbers[0].count <= 7, let hours = Decimal(string: numbers[0]), hours >= 0, hours <= 100_000 else {
            throw ProjectError.invalid(field: "horas del rol «\(parts[0])»", reason: "un número de 0 a 100000")
        }
        var rate = Money.zero(currency)
        if numbers.count == 2 {
            do { rate = try Money.parse(numbers[1], currency: currency) }
            catch let e as MoneyError { throw CLIError.failure("tarifa del rol «\(parts[0])»: " + Messages.text(e)) }
        }
        var minutes = hours * 60
        var rounded = Decimal()
        NSDecimalRound(&rounded, &minutes, 0, .plain)
        return ProjectRoleHours(role: parts[0], quotedMinutes: NSDecimalNumber(decimal: rounded).intValue, billRate: rate)
    }

    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60)" : String(format: "%.2f", Double(minutes) / 60).replacingOccurrences(of: ".", with: ",")
    }

    static func col(_ s: String, _ n: Int) -> String {
        let t = s.count > n - 1 ? String(s.prefix(n - 2)) + "…" : s
        return t.padding(toLength: n, withPad: " ", startingAt: 0)
    }
}
