/// How a customer gets its accepted documents by e-mail: on or off, to whom (empty: its billing contacts — the
/// contacts whose role says facturación, cobranza, contabilidad or pagos; else every contact with an e-mail; else
/// the customer's own e-mail), and which files go with it.
public struct DocumentMailPreference: Sendable, Hashable, Codable {
    public var enabled: Bool
    public var recipients: [String]
    public var attachPDF: Bool
    public var attachXML: Bool
    public var attachCDR: Bool

    public init(enabled: Bool = true, recipients: [String] = [], attachPDF: Bool = true, attachXML: Bool = true,
                attachCDR: Bool = true) {
        self.enabled = enabled; self.recipients = recipients; self.attachPDF = attachPDF; self.attachXML = attachXML
        self.attachCDR = attachCDR
    }

    /// The attachments of document `id` this preference asks for.
    public func attachments(documentId id: Int64) -> [MessageAttachment] {
        (attachPDF ? [.invoicePDF(id)] : []) + (attachXML ? [.invoiceXML(id)] : []) + (attachCDR ? [.invoiceCDR(id)] : [])
    }

    /// Words in a contact's role that make it a billing contact.
    public static let billingRoleWords = ["factur", "cobran", "contab", "pago", "tesorer"]

    /// The billing contacts among `contacts` (name, role, e-mail), by the rule above.
    public static func billingEmails(contacts: [(role: String, email: String)], customerEmail: String) -> [String] {
        let withEmail = contacts.filter { !$0.email.isEmpty }
        let billing = withEmail.filter { c in
            let role = c.role.lowercased()
            return billingRoleWords.contains { role.contains($0) }
        }
        let chosen = (billing.isEmpty ? withEmail : billing).map(\.email)
        if !chosen.isEmpty { return chosen }
        return customerEmail.isEmpty ? [] : [customerEmail]
    }
}
