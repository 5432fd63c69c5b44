import BytekDocuments
import BytekModel

/// Why a quote or contract PDF could not be produced (each door puts it in Spanish).
public enum QuotePrintingError: Error, Sendable, Hashable {
    case quoteNotFound(String)
    case quoteIdNotFound(Int64)
    /// `bytek company set` (or the TUI) must store the company profile first.
    case companyProfileMissing
    /// The quote has neither a customer nor a deal with a lead to print.
    case partyMissing(String)
    case contract(ContractMappingError)
    /// The version has no contract yet and the actor may not record one (read-only role, a contact).
    case contractNotRecorded(String, Int)
}

/// What producing a contract PDF gave: the file, the recorded contract, whether this call recorded
/// it, and whether the template text differs from the one the contract was first generated with
/// (the PDF then follows the edited template; the record keeps the first hash).
public struct ContractOutput: Sendable {
    public var path: String
    public var contract: Contract
    public var created: Bool
    public var templateChanged: Bool
    public var scopeHash: String { contract.scopeHash }
}
