/// The customer as printed on a quote or a contract.
public struct DocumentCustomer: Sendable, Hashable {
    /// Razón social or full name.
    public var name: String
    /// "RUC", "DNI", "CE"...
    public var documentType: String
    public var documentNumber: String
    public var address: String
    /// The person the quote is addressed to ("Atención").
    public var contactName: String
    public var contactEmail: String
    public var contactPhone: String
    /// Who signs the contract for the customer, and their DNI.
    public var representative: String
    public var representativeDocument: String

    public init(name: String, documentType: String, documentNumber: String, address: String = "",
                contactName: String = "", contactEmail: String = "", contactPhone: String = "",
                representative: String = "", representativeDocument: String = "") {
        self.name = name
        self.documentType = documentType
        self.documentNumber = documentNumber
        self.address = address
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.representative = representative
        self.representativeDocument = representativeDocument
    }

    /// "RUC 20123456789".
    public var documentLabel: String { documentType + " " + documentNumber }
}
