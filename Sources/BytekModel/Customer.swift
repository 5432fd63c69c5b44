import Foundation

/// A customer: a company with RUC or a person with DNI, carné de extranjería or passport.
/// Customers are archived, never deleted.
public struct Customer: Sendable, Hashable, Codable {
    /// Nil until the store saves it.
    public var id: Int64?
    public var docType: DocumentType
    public var docNumber: String
    public var legalName: String
    public var tradeName: String
    public var address: String
    public var department: String
    public var province: String
    public var district: String
    public var email: String
    public var phone: String
    /// The business units that serve this customer.
    public var units: Set<BusinessUnit>
    public var creditDays: Int
    public var creditLimit: Money
    public var notes: String
    public var archived: Bool
    /// Agente de retención: SUNAT appointed it to withhold 3 % of facturas over S/ 700 (Cobranzas expects a
    /// comprobante de retención for that part).
    public var retentionAgent: Bool = false
    public var contacts: [Contact]
    /// Set by the store.
    public var createdAt: Date?
    /// Set by the store; when non-nil on update, the store refuses the change if the record
    /// was modified since (someone else saved it first).
    public var updatedAt: Date?

    public static let creditDaysRange = 0...365
    public static let maxNameLength = 200

    public init(
        id: Int64? = nil, docType: DocumentType, docNumber: String, legalName: String, tradeName: String = "",
        address: String = "", department: String = "", province: String = "", district: String = "",
        email: String = "", phone: String = "", units: Set<BusinessUnit> = [], creditDays: Int = 0,
        creditLimit: Money = .zero(.pen), notes: String = "", archived: Bool = false, contacts: [Contact] = [],
        createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.id = id; self.docType = docType; self.docNumber = docNumber; self.legalName = legalName
        self.tradeName = tradeName; self.address = address; self.department = department
        self.province = province; self.district = district; self.email = email; self.phone = phone
        self.units = units; self.creditDays = creditDays; self.creditLimit = creditLimit; self.notes = notes
        self.archived = archived; self.contacts = contacts; self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    /// The trade name when there is one, else the legal name.
    public var displayName: String { tradeName.isEmpty ? legalName : tradeName }

    /// Spaces trimmed, document number upper-cased, e-mails lower-cased, blank contacts dropped,
    /// credit limit rounded to cents.
    /// The store saves the normalized form.
    public func normalized() -> Customer {
        let t: (String) -> String = { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var c = self
        c.docNumber = docType.normalize(docNumber)
        c.legalName = t(legalName); c.tradeName = t(tradeName); c.address = t(address)
        c.department = t(department); c.province = t(province); c.district = t(district)
        c.email = t(email).lowercased(); c.phone = t(phone); c.notes = t(notes)
        c.creditLimit = creditLimit.rounded()
        c.contacts = contacts.filter { !$0.isBlank }.map { $0.normalized() }
        return c
    }

    /// Every problem, by field; empty when the customer can be saved. Call on `normalized()`.
    public func validate() -> [CustomerField: CustomerError] {
        var errors: [CustomerField: CustomerError] = [:]
        if let e = docType.validate(docNumber) { errors[.docNumber] = .invalidDocument(e) }
        if legalName.trimmingCharacters(in: .whitespaces).isEmpty { errors[.legalName] = .required }
        else if legalName.count > Customer.maxNameLength { errors[.legalName] = .tooLong(max: Customer.maxNameLength) }
        if tradeName.count > Customer.maxNameLength { errors[.tradeName] = .tooLong(max: Customer.maxNameLength) }
        if !email.isEmpty && !EmailAddress.isValid(email) { errors[.email] = .invalidEmail }
        if !Customer.creditDaysRange.contains(creditDays) { errors[.creditDays] = .outOfRange(Customer.creditDaysRange) }
        if creditLimit.isNegative { errors[.creditLimit] = .negativeAmount }
        for (i, contact) in contacts.enumerated() where !contact.isBlank {
            if contact.name.trimmingCharacters(in: .whitespaces).isEmpty { errors[.contactName(i)] = .required }
            if !contact.email.isEmpty && !EmailAddress.isValid(contact.email) { errors[.contactEmail(i)] = .invalidEmail }
        }
        return errors
    }

    // Units are written sorted so that equal customers give byte-equal JSON in the audit log.
    private enum CodingKeys: String, CodingKey {
        case id, docType, docNumber, legalName, tradeName, address, department, province, district, email, phone
        case units, creditDays, creditLimit, notes, archived, contacts, createdAt, updatedAt
        case retentionAgent
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decodeIfPresent(Int64.self, forKey: .id), docType: try c.decode(DocumentType.self, forKey: .docType),
            docNumber: try c.decode(String.self, forKey: .docNumber), legalName: try c.decode(String.self, forKey: .legalName),
            tradeName: try c.decode(String.self, forKey: .tradeName), address: try c.decode(String.self, forKey: .address),
            department: try c.decode(String.self, forKey: .department), province: try c.decode(String.self, forKey: .province),
            district: try c.decode(String.self, forKey: .district), email: try c.decode(String.self, forKey: .email),
            phone: try c.decode(String.self, forKey: .phone), units: try c.decode(Set<BusinessUnit>.self, forKey: .units),
            creditDays: try c.decode(Int.self, forKey: .creditDays), creditLimit: try c.decode(Money.self, forKey: .creditLimit),
            notes: try c.decode(String.self, forKey: .notes), archived: try c.decode(Bool.self, forKey: .archived),
            contacts: try c.decode([Contact].self, forKey: .contacts),
            createdAt: try c.decodeIfPresent(Date.self, forKey: .createdAt), updatedAt: try c.decodeIfPresent(Date.self, forKey: .updatedAt))
        // Absent in what was saved before the field existed (drafts, audit entries).
        retentionAgent = try c.decodeIfPresent(Bool.self, forKey: .retentionAgent) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(docType, forKey: .docType)
        try c.encode(docNumber, forKey: .docNumber)
        try c.encode(legalName, forKey: .legalName)
        try c.encode(tradeName, forKey: .tradeName)
        try c.encode(address, forKey: .address)
        try c.encode(department, forKey: .department)
        try c.encode(province, forKey: .province)
        try c.encode(district, forKey: .district)
        try c.encode(email, forKey: .email)
        try c.encode(phone, forKey: .phone)
        try c.encode(units.sorted(), forKey: .units)
        try c.encode(creditDays, forKey: .creditDays)
        try c.encode(creditLimit, forKey: .creditLimit)
        try c.encode(notes, forKey: .notes)
        try c.encode(archived, forKey: .archived)
        if retentionAgent { try c.encode(retentionAgent, forKey: .retentionAgent) }
        try c.encode(contacts, forKey: .contacts)
        try c.encodeIfPresent(createdAt, forKey: .createdAt)
        try c.encodeIfPresent(updatedAt, forKey: .updatedAt)
    }
}
