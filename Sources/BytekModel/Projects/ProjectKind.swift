/// How a project's work is run: a Kanban of cards (U1 packages, from a template) or milestones signed off
/// by the customer and invoiced one by one (U2 custom software).
public enum ProjectKind: String, CaseIterable, Sendable, Codable, Hashable {
    case kanban
    case milestones = "hitos"

    /// The name users read (es-PE).
    public var displayName: String {
        switch self {
        case .kanban: return "Kanban"
        case .milestones: return "Por hitos"
        }
    }
}

/// Where a project stands. Projects are archived, never deleted.
public enum ProjectStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case active = "activo"
    case paused = "pausado"
    case finished = "terminado"
    case archived = "archivado"

    public var displayName: String {
        switch self {
        case .active: return "Activo"
        case .paused: return "Pausado"
        case .finished: return "Terminado"
        case .archived: return "Archivado"
        }
    }
}
