import Foundation

/// Checks of the addresses a message is sent to, with the Spanish message that names what to fix.
public enum MessageAddress {
    /// A plausible e-mail address with nothing that could end a mail header (no spaces, CR, LF, <, >, comma).
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              text.count <= 254 else { return false }
        return !text.unicodeScalars.contains { $0.value <= 32 || "<>,;\"()[]\\".unicodeScalars.contains($0) || $0.value == 127 }
    }

    /// A WhatsApp number as the Cloud API takes it: country code and number, digits only ("51987654321").
    /// Spaces, dashes and a leading "+" are dropped; nil when what is left is not 8–15 digits.
    public static func whatsappNumber(_ text: String) -> String? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("+") { t.removeFirst() }
        let digits = t.filter { $0 != " " && $0 != "-" }
        guard (8...15).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }
}
