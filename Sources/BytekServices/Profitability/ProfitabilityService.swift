import BytekModel
import BytekStore
import Foundation

/// Profitability per project, live (issue 13 §5): a project's figures, the list of projects by margin
/// (worst first) and its CSV. For admin, finanzas and operaciones; the conventions are
/// `ProjectProfitability`'s.
public struct ProfitabilityService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var query: ProfitabilityQuery { ProfitabilityQuery(db: services.db) }

    /// The figures of one project (a line whose `problem` says why when they cannot be computed).
    public func project(_ projectId: Int64) throws -> ProfitabilityLine {
        try actor.authorize(.profitabilityView)
        guard let source = try query.source(projectId: projectId) else { throw ServiceError.notFound }
        return ProfitabilityLine(source)
    }

    /// The figures of a project given by its code ("PRY-2026-00001") or id.
    public func project(code: String) throws -> ProfitabilityLine {
        try actor.authorize(.profitabilityView)
        let t = code.trimmingCharacters(in: .whitespaces)
        let id: Int64?
        if let n = Int64(t) { id = n } else {
            id = try services.db.scalar("SELECT id FROM project WHERE code = ? COLLATE NOCASE", [.text(t)]).intValue
        }
        guard let id else { throw ServiceError.notFound }
        return try project(id)
    }

    /// Projects not archived (or all), worst margin over sold first; at most `limit`.
    public func byMargin(includeArchived: Bool = false, limit: Int = .max) throws -> [ProfitabilityLine] {
        try actor.authorize(.profitabilityView)
        let lines = try query.sources(includeArchived: includeArchived).map(ProfitabilityLine.init)
        return Array(lines.sorted(by: ProfitabilityLine.byMargin).prefix(max(0, limit)))
    }

    /// The list by margin as CSV bytes (UTF-8 with BOM, text cells guarded against formulas).
    public func csv(includeArchived: Bool = false) throws -> [UInt8] {
        ProfitabilityCSV.encode(try byMargin(includeArchived: includeArchived))
    }
}

extension Services {
    public var profitability: ProfitabilityService { ProfitabilityService(services: self) }
}
