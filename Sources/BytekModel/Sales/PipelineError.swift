/// Why a pipeline or deal change is refused. The TUI turns each case into Spanish text.
public enum PipelineError: Error, Sendable, Hashable {
    case stageNameMissing
    case probabilityOutOfRange(Int)
    case expectedDaysNegative(Int)
    /// A pipeline keeps one active won stage and one active lost stage.
    case needsWonAndLostStage
    /// A stage of another pipeline, or unknown.
    case stageNotInPipeline(Int64)
    /// A retired stage takes no new deals.
    case stageRetired(Int64)
    /// Moving to a lost stage needs the reason.
    case lostReasonRequired
    /// A deal is for a lead or a customer.
    case dealWithoutParty
    case dealTitleMissing
    case estimatedValueNegative
    case leadNameMissing
}
