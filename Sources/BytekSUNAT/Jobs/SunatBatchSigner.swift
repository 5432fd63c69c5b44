import BytekModel
import BytekStore
import Foundation

/// Builds, signs and zips resúmenes diarios (RC) and comunicaciones de baja (RA) for the company.
public struct SunatBatchSigner: Sendable {
    public let issuer: Issuer
    public let key: SigningKey
    public let algorithm: SignatureAlgorithm

    public init(issuer: Issuer, key: SigningKey, algorithm: SignatureAlgorithm = .default) {
        self.issuer = issuer; self.key = key; self.algorithm = algorithm
    }

    /// How a job gets its signer: the worker's database in, the company's issuer and key out.
    public typealias Factory = (Database) throws -> SunatBatchSigner

    /// The usual factory: the issuer from the saved settings, the certificate from the credentials file or
    /// the environment (as `SunatSendJob.serviceFactory` loads them).
    public static func factory(environment: [String: String]) -> Factory {
        { db in
            let settings = try EInvoicingSettingsRepository(db: db).require()
            let credentials = try EInvoicingCredentials.load(environment: environment)
            return SunatBatchSigner(issuer: settings.issuer, key: try SigningKey(credentials: credentials))
        }
    }

    /// UBL → signed XML → ZIP `RUC-RC-YYYYMMDD-N.zip` holding `RUC-RC-YYYYMMDD-N.xml`.
    public func prepare(_ s: SummaryDocument, modified: Date) throws -> PreparedBatch {
        let signed = try XMLSigner.sign(try UBLWriter.summary(s), key: key, algorithm: algorithm)
        let zip = try SunatZip.make(entryName: s.fileName + ".xml", xml: signed.bytes, modified: modified)
        return PreparedBatch(kind: .resumen, identifier: s.id, issueDate: s.issueDate.description, sequence: s.sequence,
                             referenceDate: s.referenceDate.description, issuerRUC: s.issuer.ruc, fileName: s.fileName,
                             signedXML: signed.bytes, zip: zip, digestValue: signed.digestValue)
    }

    /// UBL → signed XML → ZIP `RUC-RA-YYYYMMDD-N.zip` holding `RUC-RA-YYYYMMDD-N.xml`.
    public func prepare(_ v: VoidedDocuments, modified: Date) throws -> PreparedBatch {
        let signed = try XMLSigner.sign(try UBLWriter.voided(v), key: key, algorithm: algorithm)
        let zip = try SunatZip.make(entryName: v.fileName + ".xml", xml: signed.bytes, modified: modified)
        return PreparedBatch(kind: .baja, identifier: v.id, issueDate: v.issueDate.description, sequence: v.sequence,
                             referenceDate: v.referenceDate.description, issuerRUC: v.issuer.ruc, fileName: v.fileName,
                             signedXML: signed.bytes, zip: zip, digestValue: signed.digestValue)
    }
}
