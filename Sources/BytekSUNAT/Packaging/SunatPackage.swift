import Foundation

/// The name SUNAT requires for a submission, and the ZIP that carries it.
///
/// Single documents: `RUC-TT-SERIE-NUMERO` (e.g. `20123456789-01-F001-1`, number without leading zeros).
/// Daily summary (resumen diario): `RUC-RC-YYYYMMDD-N`; void communication (comunicación de baja):
/// `RUC-RA-YYYYMMDD-N`, where the date is the day the summary/communication is generated (Lima time)
/// and N its sequence within that day. The XML inside is `<name>.xml`, the archive `<name>.zip`.
public struct SunatPackage: Sendable, Hashable {
    /// Document types SUNAT receives one file at a time (catálogo 01): factura, boleta, notes, guía,
    /// retención, percepción.
    public static let documentTypeCodes: Set<String> = ["01", "03", "07", "08", "09", "20", "40"]
    /// Peru's civil time (UTC−5, no daylight saving), used for the date in RC/RA names.
    public static let limaTimeZone = TimeZone(secondsFromGMT: -5 * 3600) ?? .gmt

    /// The issuer's RUC.
    public let ruc: String
    /// The name without extension, e.g. `20123456789-01-F001-1`.
    public let baseName: String

    public var xmlFileName: String { baseName + ".xml" }
    public var zipFileName: String { baseName + ".zip" }

    /// A factura, boleta, credit or debit note (or other single document): `RUC-TT-SERIE-NUMERO`.
    public static func document(ruc: String, typeCode: String, series: String, number: Int) throws(SunatPackageError) -> SunatPackage {
        try checkRUC(ruc)
        guard documentTypeCodes.contains(typeCode) else { throw .invalidDocumentType(typeCode) }
        guard series.count == 4, series.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            throw .invalidSeries(series)
        }
        let first = series.first.map(String.init) ?? ""
        switch typeCode {
        case "01": guard first == "F" else { throw .invalidSeries(series) }
        case "03": guard first == "B" else { throw .invalidSeries(series) }
        case "07", "08": guard first == "F" || first == "B" else { throw .invalidSeries(series) }
        default: break
        }
        guard (1...99_999_999).contains(number) else { throw .invalidNumber(number) }
        return SunatPackage(ruc: ruc, baseName: "\(ruc)-\(typeCode)-\(series)-\(number)")
    }

    /// A resumen diario of boletas: `RUC-RC-YYYYMMDD-N`.
    public static func dailySummary(ruc: String, generatedOn date: Date, sequence: Int,
                                    timeZone: TimeZone = limaTimeZone) throws(SunatPackageError) -> SunatPackage {
        try grouped(ruc: ruc, code: "RC", date: date, sequence: sequence, timeZone: timeZone)
    }

    /// A comunicación de baja: `RUC-RA-YYYYMMDD-N`.
    public static func voidedDocuments(ruc: String, generatedOn date: Date, sequence: Int,
                                       timeZone: TimeZone = limaTimeZone) throws(SunatPackageError) -> SunatPackage {
        try grouped(ruc: ruc, code: "RA", date: date, sequence: sequence, timeZone: timeZone)
    }

    /// The ZIP to send: one deflated entry `<baseName>.xml` holding exactly the signed bytes.
    public func zip(_ signed: SignedDocument, modified: Date = Date()) throws(SunatZipError) -> Data {
        try SunatZip.make(entryName: xmlFileName, xml: signed.bytes, modified: modified)
    }

    /// The ZIP for already signed bytes (e.g. re-sending the stored document).
    public func zip(signedXML: [UInt8], modified: Date = Date()) throws(SunatZipError) -> Data {
        try SunatZip.make(entryName: xmlFileName, xml: signedXML, modified: modified)
    }

    // MARK: - private

    private init(ruc: String, baseName: String) {
        self.ruc = ruc
        self.baseName = baseName
    }

    private static func checkRUC(_ ruc: String) throws(SunatPackageError) {
        guard ruc.count == 11, ruc.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .invalidRUC(ruc) }
    }

    private static func grouped(ruc: String, code: String, date: Date, sequence: Int,
                                timeZone: TimeZone) throws(SunatPackageError) -> SunatPackage {
        try checkRUC(ruc)
        guard (1...99_999).contains(sequence) else { throw .invalidSequence(sequence) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        let stamp = String(format: "%04d%02d%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        return SunatPackage(ruc: ruc, baseName: "\(ruc)-\(code)-\(stamp)-\(sequence)")
    }
}
