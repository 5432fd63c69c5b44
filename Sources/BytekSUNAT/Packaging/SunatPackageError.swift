/// Why a SUNAT file name cannot be formed.
public enum SunatPackageError: Error, Equatable, Sendable, Hashable {
    /// The issuer's RUC is not 11 digits.
    case invalidRUC(String)
    /// The document type is not one SUNAT packages one by one (01, 03, 07, 08...).
    case invalidDocumentType(String)
    /// The series is not 4 letters/digits or does not fit the document type (F... for facturas, B... for boletas).
    case invalidSeries(String)
    /// The correlative is outside 1...99999999.
    case invalidNumber(Int)
    /// The summary/void sequence of the day is outside 1...99999.
    case invalidSequence(Int)
}
