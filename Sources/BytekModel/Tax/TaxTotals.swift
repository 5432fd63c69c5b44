import Foundation

/// The totals of a document as a Peruvian buyer (and SUNAT) reads them. Each figure is the sum of
/// the already rounded line figures, so `gravadas + exoneradas + inafectas + igv = total` holds exactly.
public struct TaxTotals: Sendable, Hashable {
    public var currency: Currency
    /// Total valor de venta of gravado lines (op. gravadas).
    public var gravadas: Money
    /// Op. exoneradas.
    public var exoneradas: Money
    /// Op. inafectas.
    public var inafectas: Money
    /// Sum of the line discounts, without IGV (already taken off the three bases).
    public var lineDiscounts: Money
    /// The global discount, without IGV (already taken off the three bases).
    public var globalDiscount: Money
    public var igv: Money
    /// Importe total.
    public var total: Money

    public static func zero(_ currency: Currency) -> TaxTotals {
        let z = Money.zero(currency)
        return TaxTotals(currency: currency, gravadas: z, exoneradas: z, inafectas: z, lineDiscounts: z,
                         globalDiscount: z, igv: z, total: z)
    }

    /// The three bases together: total valor de venta.
    public var base: Money { gravadas + exoneradas + inafectas }
}

/// Lines and totals computed together.
public struct TaxComputation: Sendable, Hashable {
    public var lines: [TaxLine]
    public var totals: TaxTotals
}
