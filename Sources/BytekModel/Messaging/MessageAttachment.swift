/// A file sent with an e-mail, named by what it is, not by its bytes: the sending job resolves it when the
/// message goes out, so nothing big rests in the database.
public enum MessageAttachment: Sendable, Hashable {
    case invoicePDF(Int64)
    case invoiceXML(Int64)
    case invoiceCDR(Int64)
    case quotePDF(Int64)
    case statementPDF(Int64)

    /// The stored name of the kind.
    public var kind: String {
        switch self {
        case .invoicePDF: return "comprobante_pdf"
        case .invoiceXML: return "comprobante_xml"
        case .invoiceCDR: return "comprobante_cdr"
        case .quotePDF: return "cotizacion_pdf"
        case .statementPDF: return "estado_cuenta_pdf"
        }
    }

    /// The document, quote or customer id the attachment refers to.
    public var id: Int64 {
        switch self {
        case .invoicePDF(let id), .invoiceXML(let id), .invoiceCDR(let id), .quotePDF(let id), .statementPDF(let id): return id
        }
    }

    public init?(kind: String, id: Int64) {
        switch kind {
        case "comprobante_pdf": self = .invoicePDF(id)
        case "comprobante_xml": self = .invoiceXML(id)
        case "comprobante_cdr": self = .invoiceCDR(id)
        case "cotizacion_pdf": self = .quotePDF(id)
        case "estado_cuenta_pdf": self = .statementPDF(id)
        default: return nil
        }
    }
}

extension MessageAttachment: Codable {
    private enum CodingKeys: String, CodingKey { case tipo, id }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .tipo)
        guard let value = MessageAttachment(kind: kind, id: try c.decode(Int64.self, forKey: .id)) else {
            throw DecodingError.dataCorruptedError(forKey: .tipo, in: c, debugDescription: "adjunto desconocido: \(kind)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .tipo)
        try c.encode(id, forKey: .id)
    }
}
