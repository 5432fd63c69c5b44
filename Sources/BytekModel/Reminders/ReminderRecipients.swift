/// Who a customer's reminders go to, from its contacts: those whose role speaks of collections
/// (cobranzas, pagos, tesorería, facturación, contabilidad), else every contact with an e-mail, else the
/// customer's own e-mail. WhatsApp goes to the first of those contacts with a Peruvian mobile number.
public struct ReminderRecipients: Sendable, Hashable {
    public var emails: [String]
    /// 51 + nine digits starting with 9 (the form WhatsApp's API takes).
    public var whatsapp: String?

    public init(emails: [String], whatsapp: String?) { self.emails = emails; self.whatsapp = whatsapp }

    static let collectionRoles = ["cobranz", "pago", "tesorer", "factura", "contab", "finanz"]

    /// Valid by the customer form's rule and by the outbox's (nothing that could break a mail header).
    static func usableEmail(_ e: String) -> Bool { EmailAddress.isValid(e) && MessageAddress.isEmail(e) }

    public static func pick(contacts: [Contact], customerEmail: String) -> ReminderRecipients {
        let usable = contacts.map { $0.normalized() }.filter { !$0.isBlank }
        let collections = usable.filter { c in
            let role = TextFold.fold(c.role)
            return collectionRoles.contains { role.contains($0) }
        }
        let chosen = collections.isEmpty ? usable : collections
        var emails: [String] = []
        for c in chosen where usableEmail(c.email) && !emails.contains(c.email) { emails.append(c.email) }
        let own = customerEmail.trimmingCharacters(in: .whitespaces).lowercased()
        if emails.isEmpty, usableEmail(own) { emails.append(own) }
        let phone = chosen.lazy.compactMap { WhatsAppNumber.normalize($0.whatsapp) ?? WhatsAppNumber.normalize($0.phone) }.first
        return ReminderRecipients(emails: emails, whatsapp: phone)
    }
}

/// A Peruvian mobile number in the form WhatsApp's API takes: "51" + 9 digits starting with 9.
public enum WhatsAppNumber {
    /// "987 654 321", "+51 987-654-321", "51987654321" → "51987654321"; anything else (a landline, too
    /// few or too many digits, letters) → nil.
    public static func normalize(_ text: String) -> String? {
        let kept = text.filter { !" -().+".contains($0) }
        guard !kept.isEmpty, kept.count <= 15, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let national = kept.count == 11 && kept.hasPrefix("51") ? String(kept.dropFirst(2)) : kept
        guard national.count == 9, national.hasPrefix("9") else { return nil }
        return "51" + national
    }
}
