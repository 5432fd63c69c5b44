/// Why an import of the padrón stopped. The previous `padron.sqlite` is left as it was.
public enum PadronImportError: Error, CustomStringConvertible, Sendable, Equatable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case badZip(path: String, reason: String)
    case zipWithoutText(path: String)
    /// Not one line of the file was a valid taxpayer.
    case noValidLines(path: String, malformed: Int)
    case database(String)
    /// Another import into the same folder is running.
    case busy(folder: String)

    /// The Spanish sentence the CLI prints.
    public var message: String {
        let kept = "; el padrón anterior se mantiene"
        switch self {
        case .notFound(let path): return "no existe el archivo \(path)" + kept
        case .unreadable(let path, let reason): return "no se pudo leer \(path): \(reason)" + kept
        case .badZip(let path, let reason):
            return "el ZIP \(path) está dañado o incompleto (\(reason)); descárguelo de nuevo" + kept
        case .zipWithoutText(let path): return "el ZIP \(path) no contiene el archivo .txt del padrón" + kept
        case .noValidLines(let path, let malformed):
            return "\(path) no tiene ninguna línea válida del padrón (\(malformed) con errores)" + kept
        case .database(let reason): return "no se pudo escribir el padrón: \(reason)" + kept
        case .busy(let folder): return "otra importación del padrón está en curso en \(folder); espere a que termine"
        }
    }

    public var description: String { message }
}
