import BytekModel

extension Operation {
    /// The board, the deal list and `bytek deal list`.
    static let dealList = Operation("venta.listar", .sales, .read)
    /// One deal with its party, its lead and its activities.
    static let dealView = Operation("venta.ver", .sales, .read)
    /// The weighted forecast of open deals.
    static let dealForecast = Operation("venta.pronosticar", .sales, .read)
    /// The pipelines of the three units and their stages.
    static let pipelineView = Operation("embudo.ver", .sales, .read)
    /// A new deal (with its new lead, when it is for one).
    static let dealCreate = Operation("venta.crear", .sales, .write)
    /// A deal's title, party, owner, value, close date and source (and its lead's name and document).
    static let dealEdit = Operation("venta.editar", .sales, .write)
    /// A deal to another stage: won, lost (with its reason) or an open one.
    static let dealMove = Operation("venta.mover", .sales, .write)
    /// "Mis pendientes": the actor's activities due today or before.
    static let activityPending = Operation("actividad.pendientes", .sales, .read)
    static let activityRecord = Operation("actividad.registrar", .sales, .write)
    /// Marks an activity done, or not done again.
    static let activityComplete = Operation("actividad.completar", .sales, .write)
    /// A lead becomes a customer: it writes a customer too, so it needs write access to both modules.
    static let leadConvert = Operation("prospecto.convertir", .sales, .write, rule: { role in
        PermissionMatrix.canWrite(role, .sales) && PermissionMatrix.canWrite(role, .customers)
    })
    /// Adds, edits, reorders, retires and restores stages: an administrator's decision.
    static let pipelineEdit = Operation("embudo.editar", .sales, .write, rule: { $0 == .admin })

    /// The operations on sales (Ventas), in the order the matrix prints them.
    public static let salesOperations = [
        dealList, dealView, dealForecast, pipelineView, dealCreate, dealEdit, dealMove, activityPending, activityRecord,
        activityComplete, leadConvert, pipelineEdit,
    ]
}
