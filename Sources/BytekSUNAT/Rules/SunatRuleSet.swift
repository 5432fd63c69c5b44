import BytekModel

/// SUNAT's stylesheet for each kind of document (the DataPower builds SUNAT publishes).
public enum SunatRuleSet: String, Sendable, CaseIterable {
    case factura = "ValidaExprRegFactura-2.0.1.xsl"
    case boleta = "ValidaExprRegBoleta-2.0.1.xsl"
    case creditNote = "ValidaExprRegNC-2.0.1.xsl"
    case debitNote = "ValidaExprRegND-2.0.1.xsl"
    /// Resumen diario (RC).
    case summary = "ValidaExprRegSummary-1.1.0.xsl"
    /// Comunicación de baja (RA).
    case voided = "ValidaExprRegSummaryVoided-1.0.1.xsl"

    public var fileName: String { rawValue }

    public init(kind: DocumentKind) {
        switch kind {
        case .factura: self = .factura
        case .boleta: self = .boleta
        case .notaCredito: self = .creditNote
        case .notaDebito: self = .debitNote
        }
    }
}
