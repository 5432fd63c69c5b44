/// Why a PDF could not be produced. `message` is the Spanish text for the user.
public enum PDFError: Error, Hashable, Sendable {
    /// Cairo reported an error (for example the output file cannot be written); its own description.
    case cairo(String)
    /// A font file that must be embedded is missing (the fonts-liberation2 package is not installed).
    case fontMissing(path: String)
    /// The document changed page count between the counting pass and the drawing pass.
    case unstableLayout(counted: Int, drawn: Int)

    /// Spanish text for the user (es-PE).
    public var message: String {
        switch self {
        case .cairo(let reason): return "No se pudo generar el PDF: \(reason)."
        case .fontMissing(let path): return "Falta la fuente \(path) (instale el paquete fonts-liberation2)."
        case .unstableLayout(let counted, let drawn):
            return "Error interno al paginar el PDF (\(counted) páginas contadas, \(drawn) dibujadas)."
        }
    }
}
