import BytekModel
import BytekStore
import Foundation

/// Issues documents: the repository's transaction with the UBL writer, the signer and the packager.
public struct EDocumentIssuer: Sendable {
    public let repository: EDocumentRepository
    public let key: SigningKey
    public let algorithm: SignatureAlgorithm
    /// Tests only: runs between the pre-flight and the numbering transaction (another user issuing meanwhile).
    var afterPreflight: (@Sendable () throws -> Void)?

    public init(repository: EDocumentRepository, key: SigningKey, algorithm: SignatureAlgorithm = .default) {
        self.repository = repository; self.key = key; self.algorithm = algorithm
    }

    /// Validates, numbers, builds, signs, zips, stores and enqueues `document` in one transaction.
    ///
    /// When the settings name SUNAT's rules folder (`rulesFolder`), the document is first built and signed
    /// with its series' next number as a candidate and run through SUNAT's rules, outside the write
    /// transaction (the rules take milliseconds to seconds; nobody waits for the lock meanwhile). A rejection
    /// throws `EDocumentError.rejectedBySunatRules` and takes no number. If another user took the candidate
    /// number meanwhile, the document is rebuilt and re-signed with the number it finally gets.
    @discardableResult
    public func issue(_ document: EDocument, quoteNumber: String? = nil,
                      alongside: ((Int64) throws -> Void)? = nil) throws -> EDocumentRecord {
        guard let preflight = try SunatPreflight.configured(in: repository.db) else {
            return try repository.issue(document, quoteNumber: quoteNumber, alongside: alongside) { doc in
                try Self.prepare(doc, key: key, algorithm: algorithm)
            }
        }
        var candidate = document
        candidate.number = try Numbering.last(document.series.code, in: repository.db) + 1
        _ = try candidate.validate()
        let checked = try Self.prepare(candidate, key: key, algorithm: algorithm)
        try preflight.check(checked, documentID: candidate.id, ruleSet: SunatRuleSet(kind: candidate.kind))
        try afterPreflight?()
        return try repository.issue(document, quoteNumber: quoteNumber, alongside: alongside) { doc in
            doc.number == candidate.number ? checked : try Self.prepare(doc, key: key, algorithm: algorithm)
        }
    }

    /// UBL → signed XML → ZIP for a numbered document.
    public static func prepare(_ doc: EDocument, key: SigningKey, algorithm: SignatureAlgorithm = .default) throws -> PreparedEDocument {
        let xml = try UBLWriter.document(doc)
        let signed = try XMLSigner.sign(xml, key: key, algorithm: algorithm)
        let package = try SunatPackage.document(ruc: doc.issuer.ruc, typeCode: doc.kind.code, series: doc.series.code,
                                                number: doc.number)
        let zip = try package.zip(signed, modified: doc.issuedAt)
        return PreparedEDocument(signedXML: signed.bytes, zip: zip, digestValue: signed.digestValue,
                                 fileName: package.baseName)
    }
}
