/// The buyer's identity document as an e-document states it (SUNAT catálogo 06 codes as raw values),
/// including the two codes for buyers without a Peruvian document.
public enum CustomerDocumentType: String, CaseIterable, Sendable, Codable, Hashable {
    case ruc = "6"
    case dni = "1"
    case ce = "4"
    case passport = "7"
    /// "0": non-domiciled buyer without RUC (doc. trib. no dom. sin RUC).
    case nonDomiciled = "0"
    /// "-": "varios", a boleta of S/ 700 or less to a buyer who gave no document.
    case none = "-"

    /// The catálogo 06 code.
    public var code: String { rawValue }

    public init(_ type: DocumentType) {
        switch type {
        case .ruc: self = .ruc
        case .dni: self = .dni
        case .ce: self = .ce
        case .passport: self = .passport
        }
    }

    /// The customer-file document type it corresponds to, nil for "0" and "-".
    public var documentType: DocumentType? {
        switch self {
        case .ruc: return .ruc
        case .dni: return .dni
        case .ce: return .ce
        case .passport: return .passport
        case .nonDomiciled, .none: return nil
        }
    }
}

/// The buyer (adquirente) as printed on the document.
public struct DocumentCustomer: Sendable, Hashable, Codable {
    public var documentType: CustomerDocumentType
    /// The document number; "-" for `.none`.
    public var number: String
    public var name: String
    /// One line; omitted from the XML when nil or empty.
    public var address: String?

    public init(documentType: CustomerDocumentType, number: String, name: String, address: String? = nil) {
        self.documentType = documentType; self.number = number; self.name = name; self.address = address
    }

    /// A buyer with no document ("-"), allowed on boletas up to S/ 700.
    public static func anonymous(name: String = "CLIENTES VARIOS") -> DocumentCustomer {
        DocumentCustomer(documentType: .none, number: "-", name: name)
    }
}
