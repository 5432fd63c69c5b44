/// Why SUNAT's rules could not be run on a document (as opposed to the rules finding errors in it).
public enum SunatRulesError: Error, Sendable, Hashable {
    /// The configured folder does not exist or does not hold SUNAT's ValidaExprReg stylesheets.
    case folderUnusable(folder: String, detail: String)
    /// The engine failed: a stylesheet that does not compile, a document that is not XML…
    case engine(String)

    /// Spanish text for the user.
    public var message: String {
        switch self {
        case .folderUnusable(let folder, let detail):
            return "La carpeta de reglas de SUNAT \(folder) no se puede usar (\(detail)). Instale ahí las reglas "
                + "de validación que publica SUNAT o quite rulesFolder de los ajustes de facturación."
        case .engine(let detail):
            return "No se pudieron aplicar las reglas de validación de SUNAT: \(detail)"
        }
    }
}
