/// Why a message was sent to a customer. A raw string, so that a module can name a purpose of its own
/// (`MessagePurpose(rawValue: "…")`) without touching this file; the common ones are named here.
public struct MessagePurpose: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let recordatorio = MessagePurpose(rawValue: "recordatorio")
    public static let comprobante = MessagePurpose(rawValue: "comprobante")
    public static let cotizacion = MessagePurpose(rawValue: "cotizacion")
    public static let recibo = MessagePurpose(rawValue: "recibo")
    public static let tarjetaPorVencer = MessagePurpose(rawValue: "tarjeta_por_vencer")
    public static let cobroRechazado = MessagePurpose(rawValue: "cobro_rechazado")
    public static let estadoCuenta = MessagePurpose(rawValue: "estado_cuenta")

    public var description: String { rawValue }

    /// The Spanish label shown in lists (the raw value, readable, for purposes not named here).
    public var displayName: String {
        switch rawValue {
        case "recordatorio": return "Recordatorio"
        case "comprobante": return "Comprobante"
        case "cotizacion": return "Cotización"
        case "recibo": return "Recibo de pago"
        case "tarjeta_por_vencer": return "Tarjeta por vencer"
        case "cobro_rechazado": return "Cobro rechazado"
        case "estado_cuenta": return "Estado de cuenta"
        default: return rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}
