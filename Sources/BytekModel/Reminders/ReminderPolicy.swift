/// A named list of reminder levels. One policy is the default; a customer may follow another one.
public struct ReminderPolicy: Sendable, Hashable, Codable {
    public var id: Int64?
    public var name: String
    /// How many days late a level may still go out (a worker stopped over a holiday sends the latest level
    /// due if it fell within these days, never the ones it skipped).
    public var graceDays: Int
    public var isDefault: Bool
    /// By offset, earliest first.
    public var levels: [ReminderLevel]

    public init(id: Int64? = nil, name: String, graceDays: Int = 3, isDefault: Bool = false, levels: [ReminderLevel] = []) {
        self.id = id; self.name = name; self.graceDays = graceDays; self.isDefault = isDefault
        self.levels = levels.sorted { $0.offsetDays < $1.offsetDays }
    }

    public static let maxLevels = 20
    public static let graceRange = 0...60

    /// Checks the policy's own fields (not its levels).
    public func validated() throws(ReminderPolicyError) -> ReminderPolicy {
        var p = self
        p.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !p.name.isEmpty else { throw .emptyName }
        guard p.name.count <= 80 else { throw .nameTooLong }
        guard Self.graceRange.contains(graceDays) else { throw .graceOutOfRange(graceDays) }
        return p
    }

    /// Checks `level` as it would be saved into this policy (replacing the level with the same id):
    /// offset in range and not taken by another level, templates with known placeholders only and within
    /// their lengths. Returns it cleaned (trimmed, copy addresses lower-cased).
    public func check(_ level: ReminderLevel) throws(ReminderPolicyError) -> ReminderLevel {
        guard ReminderLevel.offsetRange.contains(level.offsetDays) else { throw .offsetOutOfRange(String(level.offsetDays)) }
        let others = levels.filter { $0.id == nil || $0.id != level.id }
        if others.contains(where: { $0.offsetDays == level.offsetDays }) { throw .duplicateOffset(level.offsetDays) }
        if level.id == nil || !levels.contains(where: { $0.id == level.id }), others.count >= Self.maxLevels { throw .tooManyLevels }
        var out = level
        switch level.channel {
        case .email(let t):
            let subject = t.subject.trimmingCharacters(in: .whitespacesAndNewlines)
            let body = t.body.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !subject.isEmpty else { throw .emptyTemplate(field: "asunto") }
            guard subject.count <= EmailReminderTemplate.maxSubject else { throw .templateTooLong(field: "asunto", max: EmailReminderTemplate.maxSubject) }
            guard !subject.contains(where: { $0 == "\n" || $0 == "\r" }) else { throw .templateTooLong(field: "asunto", max: EmailReminderTemplate.maxSubject) }
            guard !body.isEmpty else { throw .emptyTemplate(field: "mensaje") }
            guard body.count <= EmailReminderTemplate.maxBody else { throw .templateTooLong(field: "mensaje", max: EmailReminderTemplate.maxBody) }
            let unknownSubject = ReminderPlaceholder.unknown(in: subject)
            guard unknownSubject.isEmpty else { throw .unknownPlaceholders(field: "asunto", names: unknownSubject) }
            let unknownBody = ReminderPlaceholder.unknown(in: body)
            guard unknownBody.isEmpty else { throw .unknownPlaceholders(field: "mensaje", names: unknownBody) }
            var copy: [String] = []
            for a in t.copyTo.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !a.isEmpty {
                guard EmailAddress.isValid(a) else { throw .invalidCopyAddress(a) }
                if !copy.contains(a) { copy.append(a) }
            }
            out.channel = .email(EmailReminderTemplate(subject: subject, body: body, copyTo: copy))
        case .whatsapp(let t):
            let name = t.name.trimmingCharacters(in: .whitespaces)
            let language = t.language.trimmingCharacters(in: .whitespaces)
            guard WhatsAppReminderTemplate.isValidName(name) else { throw .invalidWhatsAppName(name) }
            guard WhatsAppReminderTemplate.isValidLanguage(language) else { throw .invalidWhatsAppLanguage(language) }
            guard t.parameters.count <= 10 else { throw .tooManyParameters(t.parameters.count) }
            out.channel = .whatsapp(WhatsAppReminderTemplate(name: name, language: language, parameters: t.parameters))
        }
        return out
    }
}
