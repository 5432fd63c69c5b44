import Foundation

/// A person to talk to at a customer. Stored with the customer, in the order given.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String
    public var role: String
    public var email: String
    public var phone: String
    public var whatsapp: String

    public init(name: String = "", role: String = "", email: String = "", phone: String = "", whatsapp: String = "") {
        self.name = name; self.role = role; self.email = email; self.phone = phone; self.whatsapp = whatsapp
    }

    /// True when no field has any text (such a row in a form is ignored, not an error).
    public var isBlank: Bool {
        [name, role, email, phone, whatsapp].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Surrounding spaces removed; e-mail lower-cased.
    public func normalized() -> Contact {
        let t: (String) -> String = { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return Contact(name: t(name), role: t(role), email: t(email).lowercased(), phone: t(phone), whatsapp: t(whatsapp))
    }
}
