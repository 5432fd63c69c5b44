/// The amount columns of one RVIE line (fields 14–26), in the document's currency, signed: a credit note's
/// are negative, a voided document's are zero.
public struct RVIEAmounts: Sendable, Hashable {
    public var export: Money
    public var taxable: Money
    public var baseDiscount: Money
    public var igv: Money
    public var igvDiscount: Money
    public var exonerado: Money
    public var inafecto: Money
    public var isc: Money
    public var ivapBase: Money
    public var ivap: Money
    public var icbper: Money
    public var otherTaxes: Money
    public var total: Money

    public static func zero(_ currency: Currency) -> RVIEAmounts {
        let z = Money.zero(currency)
        return RVIEAmounts(export: z, taxable: z, baseDiscount: z, igv: z, igvDiscount: z, exonerado: z, inafecto: z,
                           isc: z, ivapBase: z, ivap: z, icbper: z, otherTaxes: z, total: z)
    }

    /// The columns in file order (14 … 26) with the name the comparison and the CSV print.
    /// Key paths are immutable values; the array is never changed.
    nonisolated(unsafe) public static let columns: [(name: String, key: WritableKeyPath<RVIEAmounts, Money>)] = [
        ("valor exportación", \.export), ("base imponible", \.taxable), ("descuento base", \.baseDiscount),
        ("IGV", \.igv), ("descuento IGV", \.igvDiscount), ("exonerado", \.exonerado), ("inafecto", \.inafecto),
        ("ISC", \.isc), ("base IVAP", \.ivapBase), ("IVAP", \.ivap), ("ICBPER", \.icbper),
        ("otros tributos", \.otherTaxes), ("total", \.total),
    ]

    /// Every column with its sign flipped (a credit note).
    public var negated: RVIEAmounts {
        var out = self
        for c in Self.columns { out[keyPath: c.key] = -self[keyPath: c.key] }
        return out
    }

    /// Column by column sum; both in the same currency.
    public static func + (a: RVIEAmounts, b: RVIEAmounts) -> RVIEAmounts {
        var out = a
        for c in columns { out[keyPath: c.key] = a[keyPath: c.key] + b[keyPath: c.key] }
        return out
    }
}
