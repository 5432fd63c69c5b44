/// Why a contract template cannot be filled in. `message` is the Spanish text for the user.
public enum ContractTemplateError: Error, Hashable, Sendable {
    /// `{{name}}` is not a placeholder the contract provides (a typo in the template, say).
    case unknownPlaceholder(String, line: Int)
    /// `{{` without its closing `}}`.
    case unclosedPlaceholder(line: Int)
    /// The template file could not be read or written.
    case file(path: String, reason: String)

    /// Spanish text for the user (es-PE).
    public var message: String {
        switch self {
        case .unknownPlaceholder(let name, let line):
            return "La plantilla usa un campo desconocido {{\(name)}} (línea \(line))."
        case .unclosedPlaceholder(let line):
            return "La plantilla tiene un campo sin cerrar: falta \"}}\" (línea \(line))."
        case .file(let path, let reason):
            return "No se pudo usar la plantilla \(path): \(reason)."
        }
    }
}
