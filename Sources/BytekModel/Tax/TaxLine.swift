import Foundation

/// The computed figures of one line, every money figure rounded to 2 decimals (half up) except the
/// unit figures, which keep up to 10 decimals as SUNAT allows for unit values.
///
/// The 2-decimal figures are held as integer céntimos (exact, and cheap to add up for a long
/// document); the `Money` accessors read them. They always satisfy, exactly:
/// `grossValue − lineDiscount − globalDiscount = base` and `base + igv = total`.
public struct TaxLine: Sendable, Hashable {
    public var category: TaxCategory
    public var currency: Currency
    public var quantity: Decimal
    /// Valor unitario: the price of one unit without IGV (≤ 10 decimals).
    public var unitValue: Money
    /// Precio unitario: the price of one unit with IGV for a gravado line, else the unit value (≤ 10 decimals).
    public var unitPrice: Money
    /// quantity × unit value, before any discount, without IGV, in céntimos.
    public var grossValueCents: Int64
    /// This line's share of the document's global discount, in céntimos (see `TaxEngine`).
    public var globalDiscountCents: Int64
    /// Valor de venta after both discounts, in céntimos.
    public var baseCents: Int64
    public var igvCents: Int64
    /// The IGV before any global discount, so `TaxEngine.combine` can apply a new global discount
    /// to lines that already carry one.
    var igvBeforeGlobalCents: Int64

    /// quantity × unit value, before any discount, without IGV.
    public var grossValue: Money { Money(minorUnits: grossValueCents, currency) }
    /// The line's own discount, without IGV.
    public var lineDiscount: Money { Money(minorUnits: grossValueCents - globalDiscountCents - baseCents, currency) }
    /// This line's share of the document's global discount, without IGV.
    public var globalDiscount: Money { Money(minorUnits: globalDiscountCents, currency) }
    /// Valor de venta: what the line is worth without IGV after both discounts.
    public var base: Money { Money(minorUnits: baseCents, currency) }
    public var igv: Money { Money(minorUnits: igvCents, currency) }
    /// Base plus IGV.
    public var total: Money { Money(minorUnits: totalCents, currency) }
    public var totalCents: Int64 { baseCents + igvCents }
}
