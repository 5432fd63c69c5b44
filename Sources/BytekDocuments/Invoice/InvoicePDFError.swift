import BytekModel

/// Why a printed invoice could not be produced. `message` is the Spanish text for the user.
public enum InvoicePDFError: Error, Sendable, Hashable {
    /// The document's figures cannot be computed (the model refused it).
    case amounts(EDocumentError)
    /// libqrencode could not encode the QR text (too long, or out of memory).
    case qrCode
    /// Cairo or the fonts failed.
    case pdf(PDFError)

    /// Spanish text for the user (es-PE).
    public var message: String {
        switch self {
        case .amounts(let e): return "No se pudieron calcular los importes del comprobante: \(e.message)"
        case .qrCode: return "No se pudo generar el código QR del comprobante."
        case .pdf(let e): return e.message
        }
    }
}
