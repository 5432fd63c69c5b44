import Foundation

/// A company or person that may buy but is not yet a customer.
public struct Lead: Sendable, Hashable, Codable {
    /// Set by the store.
    public var id: Int64?
    public var name: String
    /// Optional until it is converted into a customer (validated then).
    public var docType: DocumentType?
    public var docNumber: String
    public var contactName: String
    public var phone: String
    public var email: String
    public var notes: String
    /// The customer it became, once converted.
    public var customerId: Int64?

    public init(id: Int64? = nil, name: String, docType: DocumentType? = nil, docNumber: String = "",
                contactName: String = "", phone: String = "", email: String = "", notes: String = "",
                customerId: Int64? = nil) {
        self.id = id; self.name = name; self.docType = docType; self.docNumber = docNumber
        self.contactName = contactName; self.phone = phone; self.email = email; self.notes = notes
        self.customerId = customerId
    }

    public func validate() throws(PipelineError) {
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .leadNameMissing }
    }
}
