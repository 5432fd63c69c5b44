import BytekModel
import Foundation

/// The pipelines of the three units and their stages. Stages are renamed, added, reordered and
/// retired, never deleted, so no deal ever loses its stage. Every change is one transaction with
/// its audit entry.
public struct PipelineRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    private var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }

    // MARK: reading

    /// The three pipelines, by unit, each with all its stages (retired ones too) in board order.
    public func pipelines() throws -> [Pipeline] {
        try db.read {
            try db.query("SELECT id, unit, name FROM pipeline ORDER BY unit").map { row in
                Pipeline(id: row.int("id"), unit: SalesColumns.unit(row.string("unit")), name: row.string("name"),
                         stages: try stages(pipelineId: row.int("id")))
            }
        }
    }

    /// The pipeline of `unit`, with all its stages (retired ones too) in board order.
    public func pipeline(for unit: BusinessUnit) throws -> Pipeline? {
        try db.read {
            guard let row = try db.queryOne("SELECT id, name FROM pipeline WHERE unit = ?", [.text(unit.rawValue)]) else {
                return nil
            }
            return Pipeline(id: row.int("id"), unit: unit, name: row.string("name"),
                            stages: try stages(pipelineId: row.int("id")))
        }
    }

    /// One stage and the unit whose pipeline holds it.
    public func stage(_ id: Int64) throws -> (stage: Stage, unit: BusinessUnit)? {
        guard let row = try db.queryOne(
            "SELECT s.*, p.unit AS unit FROM pipeline_stage s JOIN pipeline p ON p.id = s.pipeline_id WHERE s.id = ?",
            [.int(id)]) else { return nil }
        return (PipelineRepository.decodeStage(row), SalesColumns.unit(row.string("unit")))
    }

    /// Every stage by id (for forecasts and boards that need probabilities and expected days).
    public func stagesById() throws -> [Int64: Stage] {
        var result: [Int64: Stage] = [:]
        try db.forEach("SELECT * FROM pipeline_stage") { row in result[row.int("id")] = PipelineRepository.decodeStage(row) }
        return result
    }

    private func stages(pipelineId: Int64) throws -> [Stage] {
        try db.query("SELECT * FROM pipeline_stage WHERE pipeline_id = ? ORDER BY position, id", [.int(pipelineId)])
            .map(PipelineRepository.decodeStage)
    }

    static func decodeStage(_ row: Row) -> Stage {
        Stage(id: row.int("id"), name: row.string("name"), probability: Int(row.int("probability")),
              expectedDays: Int(row.int("expected_days")), kind: StageKind(rawValue: row.string("kind")) ?? .open,
              active: row.bool("active"))
    }

    // MARK: writing

    /// Adds a stage to `unit`'s pipeline at `position` (0-based among all stages; nil = before the
    /// won/lost stages, i.e. after the last open one).
    @discardableResult
    public func addStage(_ stage: Stage, to unit: BusinessUnit, at position: Int? = nil) throws -> Stage {
        do { try stage.validate() } catch { throw SalesRepositoryError.pipeline(error) }
        return try db.write {
            guard var pipeline = try pipeline(for: unit), let pipelineId = pipeline.id else {
                throw SalesRepositoryError.notFound("pipeline", 0)
            }
            var s = stage
            s.id = nil
            let index = position.map { min(max(0, $0), pipeline.stages.count) }
                ?? (pipeline.stages.lastIndex { $0.kind == .open }.map { $0 + 1 } ?? 0)
            pipeline.stages.insert(s, at: index)
            try db.execute(
                "INSERT INTO pipeline_stage(pipeline_id, name, position, probability, expected_days, kind, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [.int(pipelineId), .text(s.name), .int(Int64(index + 1)), .int(Int64(s.probability)),
                 .int(Int64(s.expectedDays)), .text(s.kind.rawValue), .int(s.active ? 1 : 0)])
            s.id = db.lastInsertRowID
            pipeline.stages[index] = s
            try writePositions(pipeline.stages)
            try audit.append(entity: SalesAuditEntity.pipelineStage, entityId: s.id, action: .create,
                             summary: "\(unit.code) \(s.name)", after: s)
            return s
        }
    }

    /// Saves a stage's name, probability, expected days and kind. The pipeline must keep an active
    /// won and an active lost stage.
    @discardableResult
    public func updateStage(_ stage: Stage) throws -> Stage {
        guard let id = stage.id else { throw SalesRepositoryError.notFound(SalesAuditEntity.pipelineStage, 0) }
        do { try stage.validate() } catch { throw SalesRepositoryError.pipeline(error) }
        return try db.write {
            guard let (before, unit) = try self.stage(id) else {
                throw SalesRepositoryError.notFound(SalesAuditEntity.pipelineStage, id)
            }
            var after = stage
            after.active = before.active
            if after == before { return before }
            try checkPipeline(unit, replacing: after)
            try db.execute("UPDATE pipeline_stage SET name = ?, probability = ?, expected_days = ?, kind = ? WHERE id = ?",
                           [.text(after.name), .int(Int64(after.probability)), .int(Int64(after.expectedDays)),
                            .text(after.kind.rawValue), .int(id)])
            try audit.append(entity: SalesAuditEntity.pipelineStage, entityId: id, action: .update,
                             summary: "\(unit.code) \(after.name)", before: before, after: after)
            return after
        }
    }

    /// Renames a stage; its deals stay in it.
    @discardableResult
    public func renameStage(_ id: Int64, to name: String) throws -> Stage {
        guard var s = try stage(id)?.stage else { throw SalesRepositoryError.notFound(SalesAuditEntity.pipelineStage, id) }
        s.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try updateStage(s)
    }

    /// Puts the stages of `unit`'s pipeline in the order of `stageIds`, which must list each of its
    /// stages (retired ones too) exactly once.
    public func reorder(_ unit: BusinessUnit, stageIds: [Int64]) throws {
        try db.write {
            guard let pipeline = try pipeline(for: unit) else { throw SalesRepositoryError.notFound("pipeline", 0) }
            let current = pipeline.stages.compactMap(\.id)
            guard stageIds.count == current.count, Set(stageIds) == Set(current) else {
                throw SalesRepositoryError.stageOrderMismatch
            }
            if stageIds == current { return }
            var ordered: [Stage] = []
            for id in stageIds { if let s = pipeline.stage(id: id) { ordered.append(s) } }
            try writePositions(ordered)
            try audit.append(entity: SalesAuditEntity.pipelineStage, entityId: nil, action: .update,
                             summary: "\(unit.code) orden: " + ordered.map(\.name).joined(separator: " → "),
                             before: current, after: stageIds)
        }
    }

    /// Retires a stage: it takes no new deals and leaves the board's columns, but keeps its deals.
    /// The pipeline must keep an active won and an active lost stage.
    @discardableResult
    public func retireStage(_ id: Int64) throws -> Stage { try setActive(id, false) }

    /// Brings a retired stage back.
    @discardableResult
    public func restoreStage(_ id: Int64) throws -> Stage { try setActive(id, true) }

    private func setActive(_ id: Int64, _ active: Bool) throws -> Stage {
        try db.write {
            guard let (before, unit) = try stage(id) else {
                throw SalesRepositoryError.notFound(SalesAuditEntity.pipelineStage, id)
            }
            guard before.active != active else { return before }
            var after = before
            after.active = active
            try checkPipeline(unit, replacing: after)
            try db.execute("UPDATE pipeline_stage SET active = ? WHERE id = ?", [.int(active ? 1 : 0), .int(id)])
            try audit.append(entity: SalesAuditEntity.pipelineStage, entityId: id, action: active ? .restore : .archive,
                             summary: "\(unit.code) \(after.name)", before: before, after: after)
            return after
        }
    }

    private func checkPipeline(_ unit: BusinessUnit, replacing stage: Stage) throws {
        guard var pipeline = try pipeline(for: unit) else { throw SalesRepositoryError.notFound("pipeline", 0) }
        if let i = pipeline.stages.firstIndex(where: { $0.id == stage.id }) { pipeline.stages[i] = stage }
        do { try pipeline.validate() } catch { throw SalesRepositoryError.pipeline(error) }
    }

    private func writePositions(_ stages: [Stage]) throws {
        for (i, s) in stages.enumerated() {
            guard let id = s.id else { continue }
            try db.execute("UPDATE pipeline_stage SET position = ? WHERE id = ?", [.int(Int64(i + 1)), .int(id)])
        }
    }
}
