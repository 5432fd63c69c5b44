extension DocumentCustomer {
    /// The buyer as a document states it, from the customer file: RUC → 6, DNI → 1, carné de extranjería → 4,
    /// passport → 7 (`CustomerDocumentType.init(_:)`), the legal name (the razón social SUNAT knows, never
    /// the trade name), and one address line: street, district, province, department, the non-empty ones
    /// joined by " - " (nil when all are empty).
    public init(customer: Customer) {
        let parts = [customer.address, customer.district, customer.province, customer.department]
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        self.init(documentType: CustomerDocumentType(customer.docType),
                  number: customer.docType.normalize(customer.docNumber),
                  name: customer.legalName.trimmingCharacters(in: .whitespacesAndNewlines),
                  address: parts.isEmpty ? nil : parts.joined(separator: " - "))
    }
}
