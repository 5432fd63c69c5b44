import Foundation

/// The text of the QR code SUNAT requires on the printed representation of an electronic
/// document: ten fields separated by `|`, with a trailing `|`:
///
/// `RUC emisor | tipo | serie | número | IGV | importe total | fecha (AAAA-MM-DD) | tipo doc. adquirente |
/// número doc. adquirente | valor resumen (DigestValue) |`
///
/// Amounts are the document's own figures (`EDocument.amounts()`), written with two decimals and a
/// dot, without grouping or symbol (`1234.50`), the same figures the XML states (TaxTotal/TaxAmount
/// and PayableAmount). The number is the correlative without leading zeros, as in cbc:ID. Pure.
public enum SunatQRPayload {
    /// The QR text of `document`, whose figures are computed here; fails only when they cannot be.
    public static func text(for document: EDocument, digestValue: String) throws(EDocumentError) -> String {
        text(for: document, amounts: try document.amounts(), digestValue: digestValue)
    }

    /// The QR text from already computed figures (`amounts` must be `document.amounts()`).
    public static func text(for document: EDocument, amounts: EDocumentAmounts, digestValue: String) -> String {
        let fields = [
            document.issuer.ruc, document.kind.code, document.series.code, String(document.number),
            amounts.taxes.igv.plainAmount, amounts.total.plainAmount, document.issueDate.description,
            document.customer.documentType.code, document.customer.number, digestValue,
        ]
        return fields.map(clean).joined(separator: "|") + "|"
    }

    /// A field never carries the separator or line breaks (they would shift every field after it).
    private static func clean(_ field: String) -> String {
        String(field.trimmingCharacters(in: .whitespacesAndNewlines)
            .map { $0 == "|" || $0.isNewline ? " " : $0 })
    }
}
