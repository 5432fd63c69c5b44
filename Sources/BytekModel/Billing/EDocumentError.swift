import Foundation

/// Why an electronic document cannot be issued. Checked before anything is built or sent; each
/// case names one rule so the TUI can say exactly what to fix (in Spanish).
public enum EDocumentError: Error, Sendable, Hashable {
    /// A document needs at least one line.
    case noLines
    /// Line `line` (1-based) has a quantity of zero or less.
    case nonPositiveQuantity(line: Int)
    /// Line `line` has no description.
    case emptyDescription(line: Int)
    /// Line `line` is a free transfer with a discount (a free line has nothing to discount).
    case discountOnFreeLine(line: Int)
    /// An onerous line of a factura or boleta whose value is zero (a 100% discount): SUNAT rejects it (3105).
    case lineWithoutValue(line: Int)
    /// A credit note 13 (ajuste de montos y/o fechas de pago) modifies only facturas (SUNAT 3259), states
    /// the new cuotas (3246/3257) and has a total of zero (3315).
    case adjustmentNoteOnlyOnFacturas
    case adjustmentNoteNeedsInstallments
    case adjustmentNoteMustBeZero
    /// SUNAT observes a credit note 04 (descuento global) on a boleta (4367): it is refused.
    case noteReasonNotForBoletas(String)
    /// An export (affectation 40, operation type 0200) is a factura with only export lines.
    case exportMismatch
    /// The line or global discount cannot be applied.
    case tax(TaxError)
    /// Line `line` (1-based) has a figure beyond `AmountLimits` (quantity, unit price, its amount).
    case lineLimit(line: Int, AmountLimitError)
    /// The document breaks a limit of `AmountLimits` (number of lines, exchange rate, total).
    case limit(AmountLimitError)
    /// The issue date breaks SUNAT's window (see `IssueDateRule`).
    case issueDate(IssueDateError)
    /// A note breaks what its referenced document allows (see `CreditLimit`).
    case noteLimit(NoteLimitError)
    /// The series does not suit the document kind (F for facturas, B for boletas).
    case series(SeriesError)
    /// Correlative numbers run from 1 to 99,999,999.
    case numberOutOfRange(Int)
    /// The issuer's RUC is not valid.
    case invalidIssuerRUC(DocumentError)
    /// A factura (or a note on one) is issued to a customer identified by RUC only.
    case facturaRequiresRUC
    /// The customer's RUC fails its check.
    case invalidCustomerRUC(DocumentError)
    /// The customer's DNI, CE or passport number fails its check.
    case invalidCustomerDocument(DocumentError)
    /// The customer has no name.
    case emptyCustomerName
    /// A boleta whose total exceeds S/ 700 must identify the buyer (DNI, CE, passport or RUC).
    case boletaRequiresCustomerDocument(totalPEN: Decimal)
    /// A USD document needs the exchange rate (soles per dollar) to check a limit stated in soles.
    case exchangeRateRequired
    /// A note must carry the referenced document and reason; other kinds must not.
    case noteDetailsMissing
    case noteDetailsNotAllowed
    /// The referenced document is a factura or a boleta, never another note.
    case referenceMustBeFacturaOrBoleta
    /// A note in an F series modifies a factura, in a B series a boleta (and the reference's own series must match its kind).
    case referenceFamilyMismatch
    /// A credit note takes a catálogo 09 reason, a debit note a catálogo 10 reason.
    case reasonDoesNotMatchKind
    /// A note needs its sustento.
    case emptyNoteDescription
    /// Detracción applies only to facturas.
    case detraccionOnlyOnFacturas
    /// Detracción applies to services: at least one line must be a service or subscription.
    case detraccionRequiresService
    /// Detracción applies to totals over S/ 700.
    case detraccionBelowThreshold(totalPEN: Decimal)
    /// The rate is a percentage above 0 and at most 100.
    case detraccionRateOutOfRange(Decimal)
    /// The catálogo 54 code is three digits.
    case detraccionInvalidCode(String)
    /// The Banco de la Nación account is required.
    case detraccionAccountMissing
    /// Operation type 1001 goes with a detracción, and a detracción with 1001.
    case operationTypeMismatch
    /// Credit needs at least one cuota.
    case noInstallments
    /// Cuota `index` (1-based) is not a positive amount with at most 2 decimals.
    case invalidInstallmentAmount(index: Int)
    /// Cuota `index` falls due on or before the issue date.
    case installmentDueNotAfterIssue(index: Int)
    /// The cuotas add up to `found`; they must add up to the pending amount `expected` (total minus detracción).
    case installmentsDoNotMatchPending(expected: Decimal, found: Decimal)
    /// SUNAT's validation rules (pre-flight, before the number is taken) reject `document` ("F001-8")
    /// with `code` and SUNAT's `message`.
    case rejectedBySunatRules(document: String, code: String, message: String)
    /// The pre-flight could not run (rules folder missing or broken): nothing is issued.
    case sunatRulesUnavailable(String)
}
