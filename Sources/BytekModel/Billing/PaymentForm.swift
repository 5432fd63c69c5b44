import Foundation

/// One instalment (cuota) of a credit sale: an amount in the document currency and its due date.
public struct Installment: Sendable, Hashable, Codable {
    public var amount: Decimal
    public var dueDate: LocalDate

    public init(amount: Decimal, dueDate: LocalDate) { self.amount = amount; self.dueDate = dueDate }
}

/// Forma de pago (required on facturas since 2021): paid at once, or on credit in instalments that
/// add up to the net pending amount (total minus detracción).
public enum PaymentForm: Sendable, Hashable, Codable {
    case contado
    case credito([Installment])
}

/// Detracción (SPOT): the buyer deposits part of the price in the issuer's Banco de la Nación account.
///
/// The amount is `round(total × rate%, 2)` in soles: a USD document is converted with the document's
/// exchange rate first (`EDocument.exchangeRate`). SUNAT lets the depositor round to whole soles when
/// paying; the document states the amount to the céntimo.
public struct Detraccion: Sendable, Hashable, Codable {
    /// Catálogo 54 code of the good or service: "037" demás servicios gravados con el IGV, "022" otros servicios empresariales…
    public var code: String
    /// The rate as a percentage: 12 is 12%.
    public var ratePercent: Decimal
    /// The issuer's Banco de la Nación account for detracciones.
    public var account: String
    /// Catálogo 59 medio de pago: "001" depósito en cuenta.
    public var paymentMeansCode: String

    public init(code: String = "037", ratePercent: Decimal = 12, account: String, paymentMeansCode: String = "001") {
        self.code = code; self.ratePercent = ratePercent; self.account = account
        self.paymentMeansCode = paymentMeansCode
    }

    /// The legend (catálogo 52, code 2006) a document with detracción carries.
    public static let legend = "Operación sujeta al Sistema de Pago de Obligaciones Tributarias"
    /// The smallest total (in soles) from which a service is subject to detracción: it must exceed S/ 700.
    public static let thresholdPEN = Decimal(700)
}

/// Tipo de operación (catálogo 51).
public enum OperationType: String, CaseIterable, Sendable, Codable, Hashable {
    case ventaInterna = "0101"
    /// Exportación de bienes: every line is affectation 40.
    case exportacion = "0200"
    case sujetaADetraccion = "1001"

    public var code: String { rawValue }
}
