/// The issuing company as printed in a document header (BYTEK's own data, from settings).
public struct CompanyInfo: Sendable, Hashable {
    public var legalName: String
    public var tradeName: String
    public var ruc: String
    public var address: String
    public var phone: String
    public var email: String
    public var website: String
    /// The company's legal representative, named in contracts.
    public var representative: String
    /// Their DNI, printed under the company's signature in contracts.
    public var representativeDocument: String
    /// A PNG in the data folder; empty or missing means no logo (not an error).
    public var logoPath: String

    public init(legalName: String, tradeName: String = "", ruc: String, address: String, phone: String = "",
                email: String = "", website: String = "", representative: String = "",
                representativeDocument: String = "", logoPath: String = "") {
        self.legalName = legalName
        self.tradeName = tradeName
        self.ruc = ruc
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.representative = representative
        self.representativeDocument = representativeDocument
        self.logoPath = logoPath
    }

    /// The name to show big: the trade name, or the legal name when there is none.
    public var displayName: String { tradeName.isEmpty ? legalName : tradeName }
}
