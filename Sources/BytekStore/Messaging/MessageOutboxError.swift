import Foundation

/// Why the outbox refused a message or a change, in Spanish, naming the field and what to fix.
public enum MessageOutboxError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case customerNotFound(Int64)
    case noRecipients
    case badEmail(String)
    case badWhatsApp(String)
    case emptySubject
    case badSubject
    case emptyTemplate
    case badLanguage(String)
    case notFound(Int64)

    public var description: String {
        switch self {
        case .customerNotFound(let id): return "El cliente \(id) no existe: elija un cliente registrado."
        case .noRecipients: return "Destinatarios: indique al menos un correo."
        case .badEmail(let e): return "Destinatarios: «\(e)» no es un correo válido (nombre@dominio.pe, sin espacios)."
        case .badWhatsApp(let n): return "WhatsApp: «\(n)» no es un número válido; escriba el código de país y el número (51987654321)."
        case .emptySubject: return "Asunto: escriba el asunto del correo."
        case .badSubject: return "Asunto: debe ser una sola línea."
        case .emptyTemplate: return "Plantilla: indique el nombre de la plantilla aprobada de WhatsApp."
        case .badLanguage(let l): return "Idioma: «\(l)» no es un código de idioma de plantilla (es, es_PE, en_US)."
        case .notFound(let id): return "El mensaje \(id) no existe."
        }
    }

    public var errorDescription: String? { description }
}
