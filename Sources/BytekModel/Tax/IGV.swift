import Foundation

/// Peru's general sales tax (Impuesto General a las Ventas), as charged on a `gravado` item.
public enum IGV {
    /// 18% (16% IGV + 2% IPM), as a fraction: 0.18. Exact, never a Double.
    public static let rate = Decimal(sign: .plus, exponent: -2, significand: 18)

    /// The rate as a percentage: 18.
    public static let percent = Decimal(18)

    /// What a price that includes IGV is divided by to get its value without IGV: 1.18.
    public static let inclusionFactor = Decimal(1) + rate
}
