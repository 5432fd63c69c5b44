import BytekModel

extension Operation {
    /// Read projects, their tasks, milestones and the boards: everyone who reads Proyectos, and the
    /// worker (the daily list of what will miss its date).
    public static let projectView = Operation("proyecto.ver", .projects, .read, worker: true)
    /// Create a project by hand: who writes Proyectos (admin, operaciones, técnico).
    public static let projectCreate = Operation("proyecto.crear", .projects, .write)
    /// Edit name, manager, promised date, status, notes.
    public static let projectEdit = Operation("proyecto.editar", .projects, .write)
    /// Archive a project (never deleted).
    public static let projectArchive = Operation("proyecto.archivar", .projects, .write)
    /// Add and edit tasks, their checklists, block/unblock and cancel them.
    public static let taskEdit = Operation("tarea.editar", .projects, .write)
    /// Move a card between columns (over a WIP limit only with a reason).
    public static let taskMove = Operation("tarea.mover", .projects, .write)
    /// Set the WIP limits of a board's columns: operaciones and admin.
    public static let boardWip = Operation("tablero.wip", .projects, .write, rule: { [.admin, .operaciones].contains($0) })
    /// Read the packages' templates.
    public static let templateView = Operation("plantilla.ver", .projects, .read)
    /// Create, edit, deactivate templates: operaciones and admin.
    public static let templateEdit = Operation("plantilla.editar", .projects, .write, rule: { [.admin, .operaciones].contains($0) })

    /// The operations of projects, in the order the matrix prints them.
    public static let projectOperations = [projectView, projectCreate, projectEdit, projectArchive, taskEdit, taskMove,
                                           boardWip, templateView, templateEdit]
}
