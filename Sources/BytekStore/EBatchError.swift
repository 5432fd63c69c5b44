/// Why a baja cannot be requested, or a batch operation cannot proceed. `message` is the Spanish text.
public enum EBatchError: Error, Sendable, Equatable {
    case documentNotFound(Int64)
    /// Only documents SUNAT accepted (aceptado or observado) can be voided.
    case notAccepted(document: String, status: EDocumentStatus)
    case alreadyVoided(String)
    case voidAlreadyRequested(String)
    case emptyReason
    /// SUNAT's VoidReasonDescription holds up to `EDocumentRepository.maxVoidReasonLength` characters.
    case reasonTooLong(Int)
    /// SUNAT receives bajas up to 7 calendar days after the issue date.
    case voidWindowExpired(document: String, issueDate: String, lastDay: String)
    case batchNotFound(Int64)

    public var message: String {
        switch self {
        case .documentNotFound(let id):
            return "no existe el comprobante con id \(id)"
        case .notAccepted(let doc, let status):
            return "\(doc) está \(status.rawValue): solo se puede dar de baja un comprobante aceptado por SUNAT"
        case .alreadyVoided(let doc):
            return "\(doc) ya está anulado"
        case .voidAlreadyRequested(let doc):
            return "ya se solicitó la baja de \(doc); SUNAT aún no responde"
        case .emptyReason:
            return "indique el motivo de la baja"
        case .reasonTooLong(let n):
            return "el motivo de la baja tiene \(n) caracteres; SUNAT admite hasta \(EDocumentRepository.maxVoidReasonLength)"
        case .voidWindowExpired(let doc, let issued, let last):
            return "\(doc) se emitió el \(issued): SUNAT recibe la baja hasta 7 días después (el \(last)); "
                + "emita una nota de crédito"
        case .batchNotFound(let id):
            return "no existe el lote \(id)"
        }
    }
}
