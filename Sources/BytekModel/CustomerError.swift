/// A field of the customer form that a validation error points at.
public enum CustomerField: Hashable, Sendable {
    case docType
    case docNumber
    case legalName
    case tradeName
    case email
    case creditDays
    case creditLimit
    /// The name of the contact at this index of `Customer.contacts`.
    case contactName(Int)
    /// The e-mail of the contact at this index.
    case contactEmail(Int)
}

/// Why a customer field is not valid. The TUI turns each case into Spanish text.
public enum CustomerError: Error, Hashable, Sendable {
    case required
    case invalidDocument(DocumentError)
    case invalidEmail
    /// Credit days must be within `range` (0...365).
    case outOfRange(ClosedRange<Int>)
    case negativeAmount
    case tooLong(max: Int)
}
