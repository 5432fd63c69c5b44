import BytekModel

/// Why a customer change was refused. The TUI and the CLI turn each case into Spanish text.
public enum CustomerRepositoryError: Error, Equatable {
    case invalid([CustomerField: CustomerError])
    /// Another customer (`existingId`) already has this document.
    case duplicateDocument(DocumentType, String, existingId: Int64)
    case notFound(Int64)
    /// Someone saved this customer after it was read; reload and apply the change again.
    case modifiedElsewhere(Int64)
}
