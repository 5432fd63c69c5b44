/// What went wrong sending a WhatsApp message: `permanent` ones will not succeed on a retry (a template
/// parameter mismatch, outside the 24-hour window, a bad number); `transient` ones may (network, 5xx, rate limit).
public enum WhatsAppError: Error, Sendable, Equatable, CustomStringConvertible {
    case permanent(code: Int, message: String)
    case transient(String)

    public var isPermanent: Bool { if case .permanent = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .permanent(let code, let message): return "WhatsApp rechazó el mensaje (\(code)): \(Self.spanish(code: code, message))"
        case .transient(let m): return "WhatsApp no respondió bien; se reintentará: \(m)"
        }
    }

    /// The Cloud API's error codes BYTEK explains in Spanish (the API's own text otherwise).
    static func spanish(code: Int, _ message: String) -> String {
        switch code {
        case 132000: return "la cantidad de parámetros no coincide con la plantilla aprobada"
        case 132001: return "la plantilla no existe o no está aprobada en ese idioma"
        case 131047: return "pasaron más de 24 horas desde el último mensaje del cliente: solo se pueden enviar plantillas"
        case 131026: return "el número no tiene WhatsApp o no puede recibir el mensaje"
        case 190: return "el token de acceso no es válido o venció (whatsapp_token)"
        default: return message
        }
    }

    /// Codes the API documents as worth retrying: rate limits and its own temporary failures.
    static func isTransient(code: Int, httpStatus: Int) -> Bool {
        httpStatus >= 500 || httpStatus == 429 || [4, 80007, 130429, 131000, 131016, 131048, 131056, 133004].contains(code)
    }
}
