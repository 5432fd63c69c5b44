/// Reasons for a credit note (catálogo 09).
public enum CreditNoteReason: String, CaseIterable, Sendable, Codable, Hashable {
    case anulacion = "01"
    case descuentoGlobal = "04"
    case devolucionTotal = "06"
    case devolucionPorItem = "07"
    case ajusteMontosFechas = "13"

    public var code: String { rawValue }
    public var displayName: String {
        switch self {
        case .anulacion: return "Anulación de la operación"
        case .descuentoGlobal: return "Descuento global"
        case .devolucionTotal: return "Devolución total"
        case .devolucionPorItem: return "Devolución por ítem"
        case .ajusteMontosFechas: return "Ajustes de montos y/o fechas de pago"
        }
    }
}

/// Reasons for a debit note (catálogo 10).
public enum DebitNoteReason: String, CaseIterable, Sendable, Codable, Hashable {
    case interesesPorMora = "01"
    case aumentoEnElValor = "02"
    case penalidades = "03"

    public var code: String { rawValue }
    public var displayName: String {
        switch self {
        case .interesesPorMora: return "Intereses por mora"
        case .aumentoEnElValor: return "Aumento en el valor"
        case .penalidades: return "Penalidades / otros conceptos"
        }
    }
}

/// Why a note is issued: a credit reason (catálogo 09) or a debit reason (catálogo 10).
public enum NoteReason: Sendable, Hashable, Codable {
    case credit(CreditNoteReason)
    case debit(DebitNoteReason)

    public var code: String {
        switch self {
        case .credit(let r): return r.code
        case .debit(let r): return r.code
        }
    }
}

/// The document a note modifies: its kind (factura or boleta), series and number.
public struct DocumentReference: Sendable, Hashable, Codable {
    public var kind: DocumentKind
    public var series: Series
    public var number: Int

    public init(kind: DocumentKind, series: Series, number: Int) {
        self.kind = kind; self.series = series; self.number = number
    }

    /// "F001-123": SERIE-NÚMERO without leading zeros.
    public var id: String { series.code + "-" + String(number) }
}

/// What a credit or debit note adds to a document.
public struct NoteDetails: Sendable, Hashable, Codable {
    public var reference: DocumentReference
    public var reason: NoteReason
    /// Sustento: why, in the user's words (required by SUNAT, non-empty).
    public var description: String

    public init(reference: DocumentReference, reason: NoteReason, description: String) {
        self.reference = reference; self.reason = reason; self.description = description
    }
}
