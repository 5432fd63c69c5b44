import BytekModel

/// Why an operation was refused before it did anything. Each door turns these into its own words:
/// a status line in the TUI, a message and exit code in the CLI, a status code on the web.
public enum ServiceError: Error, Equatable, Sendable {
    /// The actor's role (or kind) may not do this operation.
    case forbidden(operation: String, role: Role?)
    /// The record does not exist, or it lies outside the actor's scope: both read the same, so a
    /// customer's contact cannot learn that another customer's invoice exists.
    case notFound
}
