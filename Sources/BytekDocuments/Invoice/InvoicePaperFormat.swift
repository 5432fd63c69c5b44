/// The paper an invoice is printed on: an A4 sheet (paginated) or an 80 mm thermal ticket (one
/// tall page whose height follows the content).
public enum InvoicePaperFormat: String, Sendable, CaseIterable {
    case a4
    case ticket80

    /// 80 mm in points (80 / 25.4 × 72).
    public static let ticketWidth = 226.77
}
