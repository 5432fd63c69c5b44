import BytekModel

/// What the printed representation of an issued electronic document needs: the document as it
/// was signed, the DigestValue of its signature (printed as "Hash" and put in the QR code) and,
/// optionally, the path of the company logo (a PNG; a missing or unreadable file is skipped).
public struct InvoicePrintData: Sendable {
    public var document: EDocument
    public var digestValue: String
    public var logoPath: String?
    /// Words across every page of a document SUNAT rejected or has not accepted yet
    /// (`InvoiceContent.watermark(status:)`); nil for a valid one.
    public var watermark: String?

    public init(document: EDocument, digestValue: String, logoPath: String? = nil, watermark: String? = nil) {
        self.document = document
        self.digestValue = digestValue
        self.logoPath = logoPath
        self.watermark = watermark
    }
}
