import Foundation

/// One step of a reminder policy: a number of days relative to the due date (−3 = three days before,
/// 0 = on the day, +7 = a week late) and how the message goes out.
public struct ReminderLevel: Sendable, Hashable, Codable {
    /// The stored row's id (nil before it is saved). `reminder_sent` points here: a level once sent to a
    /// receivable is never sent to it again.
    public var id: Int64?
    public var offsetDays: Int
    public var channel: ReminderLevelChannel

    public init(id: Int64? = nil, offsetDays: Int, channel: ReminderLevelChannel) {
        self.id = id; self.offsetDays = offsetDays; self.channel = channel
    }

    /// The allowed offsets: two months before the due date to a year after it.
    public static let offsetRange = -60...365

    /// "−3", "0", "+7" (days relative to the due date).
    public var offsetText: String { Self.offsetText(offsetDays) }

    public static func offsetText(_ days: Int) -> String { days > 0 ? "+\(days)" : days < 0 ? "−\(-days)" : "0" }

    /// An offset typed by a user ("-3", "+7", "0", "−3"): a whole number of days within `offsetRange`.
    public static func parseOffset(_ text: String) throws(ReminderPolicyError) -> Int {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "−", with: "-")
        let sign = t.hasPrefix("-") ? -1 : 1
        let digits = t.hasPrefix("-") || t.hasPrefix("+") ? String(t.dropFirst()) : t
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .offsetNotANumber(text) }
        // More digits than any offset in range has: out of range without parsing (10 digits never overflow here).
        guard digits.count <= 3, let n = Int(digits), offsetRange.contains(sign * n) else { throw .offsetOutOfRange(text) }
        return sign * n
    }

    /// The day this level falls on for a receivable due on `due`.
    public func day(for due: LocalDate) -> LocalDate { due.adding(days: offsetDays) }
}

/// How a level's message goes out.
public enum ReminderLevelChannel: Sendable, Hashable, Codable {
    case email(EmailReminderTemplate)
    case whatsapp(WhatsAppReminderTemplate)

    /// "correo" or "whatsapp", as stored and printed.
    public var name: String {
        switch self {
        case .email: return "correo"
        case .whatsapp: return "whatsapp"
        }
    }
}

/// A Spanish e-mail written here, with placeholders (`ReminderPlaceholder`), and addresses copied on every
/// message of the level (e.g. finanzas on the +30 one).
public struct EmailReminderTemplate: Sendable, Hashable, Codable {
    public var subject: String
    public var body: String
    public var copyTo: [String]

    public init(subject: String, body: String, copyTo: [String] = []) {
        self.subject = subject; self.body = body; self.copyTo = copyTo
    }

    public static let maxSubject = 200
    public static let maxBody = 20_000
}

/// A template approved in Meta's WhatsApp manager: its name, its language code and the placeholders that
/// fill its body parameters {{1}}, {{2}}, … in that order. Its text is Meta's: it cannot be edited here.
public struct WhatsAppReminderTemplate: Sendable, Hashable, Codable {
    public var name: String
    public var language: String
    public var parameters: [ReminderPlaceholder]

    public init(name: String, language: String = "es", parameters: [ReminderPlaceholder]) {
        self.name = name; self.language = language; self.parameters = parameters
    }

    /// Meta's names: lower-case letters, digits and underscores, at most 512.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 512 && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }

    /// A language code as Meta writes it: "es", "es_PE", "en_US".
    public static func isValidLanguage(_ code: String) -> Bool {
        let parts = code.split(separator: "_", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.count == 1 || (parts[1].count == 2 && parts[1].allSatisfy { $0.isASCII && $0.isUppercase })
    }

    /// Reads "cliente,total,enlace_pago" (spaces and braces allowed); unknown names refused, named.
    public static func parseParameters(_ text: String) throws(ReminderPolicyError) -> [ReminderPlaceholder] {
        let names = text.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
        }.filter { !$0.isEmpty }
        let unknown = names.filter { ReminderPlaceholder(rawValue: $0) == nil }
        guard unknown.isEmpty else { throw .unknownPlaceholders(field: "parámetros", names: unknown) }
        return names.compactMap(ReminderPlaceholder.init(rawValue:))
    }
}
