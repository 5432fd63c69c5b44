import BytekModel
import BytekStore

/// The pipelines of the three units: everyone with access to Ventas reads them; only an
/// administrator changes their stages (deals always keep their stage).
extension SalesService {
    /// The three pipelines, each with all its stages (retired ones too) in board order.
    public func pipelines() throws -> [Pipeline] {
        try actor.authorize(.pipelineView)
        return try pipelineRepository.pipelines()
    }

    /// The pipeline of `unit`.
    public func pipeline(for unit: BusinessUnit) throws -> Pipeline? {
        try actor.authorize(.pipelineView)
        return try pipelineRepository.pipeline(for: unit)
    }

    /// One stage and the unit whose pipeline holds it.
    public func stage(_ stageId: Int64) throws -> (stage: Stage, unit: BusinessUnit)? {
        try actor.authorize(.pipelineView)
        return try pipelineRepository.stage(stageId)
    }

    /// Every stage by id.
    public func stagesById() throws -> [Int64: Stage] {
        try actor.authorize(.pipelineView)
        return try pipelineRepository.stagesById()
    }

    /// Adds a stage to `unit`'s pipeline (nil position: after the last open stage).
    @discardableResult
    public func addStage(_ stage: Stage, to unit: BusinessUnit, at position: Int? = nil) throws -> Stage {
        try actor.authorize(.pipelineEdit)
        return try pipelineRepository.addStage(stage, to: unit, at: position)
    }

    /// Saves a stage's name, probability, expected days and kind.
    @discardableResult
    public func updateStage(_ stage: Stage) throws -> Stage {
        try actor.authorize(.pipelineEdit)
        return try pipelineRepository.updateStage(stage)
    }

    /// Puts `unit`'s stages in the order of `stageIds` (each of its stages exactly once).
    public func reorderStages(_ unit: BusinessUnit, stageIds: [Int64]) throws {
        try actor.authorize(.pipelineEdit)
        try pipelineRepository.reorder(unit, stageIds: stageIds)
    }

    /// Retires a stage (it keeps its deals) or brings it back.
    @discardableResult
    public func setStageActive(_ stageId: Int64, _ active: Bool) throws -> Stage {
        try actor.authorize(.pipelineEdit)
        return active ? try pipelineRepository.restoreStage(stageId) : try pipelineRepository.retireStage(stageId)
    }
}
