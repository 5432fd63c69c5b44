/// Why a reminder policy, a level or a customer's reminder setting was refused. `message` is the Spanish
/// sentence the fronts show: it names the field and what to fix.
public enum ReminderPolicyError: Error, Sendable, Equatable {
    case emptyName
    case nameTooLong
    case offsetNotANumber(String)
    case offsetOutOfRange(String)
    case duplicateOffset(Int)
    case graceOutOfRange(Int)
    case unknownPlaceholders(field: String, names: [String])
    case emptyTemplate(field: String)
    case templateTooLong(field: String, max: Int)
    case invalidWhatsAppName(String)
    case invalidWhatsAppLanguage(String)
    case tooManyParameters(Int)
    case invalidCopyAddress(String)
    case tooManyLevels
    case promiseInPast(String)
    case noteTooLong

    public var message: String {
        switch self {
        case .emptyName: return "Nombre: escriba el nombre de la política."
        case .nameTooLong: return "Nombre: use hasta 80 caracteres."
        case .offsetNotANumber(let t):
            return "Días: «\(Self.clip(t))» no es un número entero de días (p. ej. -3, 0, +7)."
        case .offsetOutOfRange(let t):
            return "Días: «\(Self.clip(t))» está fuera de rango; use de -60 (antes del vencimiento) a +365 (después)."
        case .duplicateOffset(let d):
            return "Días: la política ya tiene un nivel en \(ReminderLevel.offsetText(d)); cada nivel necesita un día distinto."
        case .graceOutOfRange(let n): return "Días de gracia: \(n) no vale; use de 0 a 60."
        case .unknownPlaceholders(let field, let names):
            return "\(field.prefix(1).uppercased() + field.dropFirst()): no se conoce "
                + names.map { "{\(Self.clip($0))}" }.joined(separator: ", ")
                + "; use " + ReminderPlaceholder.allCases.map(\.token).joined(separator: ", ") + "."
        case .emptyTemplate(let field): return "\(field.prefix(1).uppercased() + field.dropFirst()): escriba el texto del mensaje."
        case .templateTooLong(let field, let max):
            return "\(field.prefix(1).uppercased() + field.dropFirst()): el texto es demasiado largo; use hasta \(max) caracteres."
        case .invalidWhatsAppName(let n):
            return "Plantilla: «\(Self.clip(n))» no es un nombre de plantilla de WhatsApp (minúsculas, números y _; como en el administrador de Meta)."
        case .invalidWhatsAppLanguage(let l): return "Idioma: «\(Self.clip(l))» no es un código de idioma de WhatsApp (p. ej. es, es_PE)."
        case .tooManyParameters(let n): return "Parámetros: \(n) son demasiados; una plantilla de WhatsApp lleva hasta 10 aquí."
        case .invalidCopyAddress(let a): return "Copia a: «\(Self.clip(a))» no es un correo válido."
        case .tooManyLevels: return "Niveles: una política tiene hasta 20 niveles."
        case .promiseInPast(let d): return "Promesa hasta: \(d) ya pasó; indique una fecha de hoy en adelante."
        case .noteTooLong: return "Nota: use hasta 500 caracteres."
        }
    }

    /// A value quoted back, cut so a 100,000-character paste does not fill the screen.
    static func clip(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }
}
