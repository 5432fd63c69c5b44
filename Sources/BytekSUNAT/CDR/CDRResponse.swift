import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SUNAT's constancia de recepción (CDR): an ApplicationResponse inside a ZIP.
public struct CDRResponse: Sendable, Equatable {
    /// "0" accepted; 2000–3999 rejected; 4000+ never here (observations come as notes with code 0).
    public var responseCode: String
    public var description: String
    /// Observations, "4287 - ..." each.
    public var notes: [String]
    /// The document it answers ("F001-1").
    public var referenceID: String
    /// The XML as received (R-<name>.xml).
    public var xml: Data

    /// The numeric response code (nil when not a number).
    public var code: Int? { Int(responseCode) }
    public var isAccepted: Bool { code == 0 }
    public var isRejected: Bool { code.map { (2000...3999).contains($0) } ?? false }
    /// Observations whose code is 4000 or more.
    public var observations: [String] {
        notes.filter { note in
            let digits = note.prefix { $0.isNumber }
            return Int(digits).map { $0 >= 4000 } ?? false
        }
    }
}

/// Why a CDR could not be read.
public enum CDRError: Error, Sendable, Equatable {
    case notAZip(String)
    case noXML
    case unreadableXML
    case missingResponseCode

    public var message: String {
        switch self {
        case .notAZip(let m): return "El CDR no es un ZIP válido: \(m)"
        case .noXML: return "El CDR no contiene un XML"
        case .unreadableXML: return "El XML del CDR no se puede leer"
        case .missingResponseCode: return "El CDR no tiene cbc:ResponseCode"
        }
    }
}

/// Reads CDR ZIPs and their ApplicationResponse.
public enum CDRReader {
    /// Unzips (picking the .xml entry: SUNAT's ZIPs also hold an empty `dummy/` folder) and parses.
    public static func read(zip: Data) throws(CDRError) -> CDRResponse {
        let entries: [SunatZipEntry]
        do { entries = try SunatZip.read(zip) } catch { throw .notAZip(String(describing: error)) }
        guard let xml = entries.first(where: { $0.name.lowercased().hasSuffix(".xml") }) else { throw .noXML }
        return try parse(xml: Data(xml.bytes))
    }

    /// Parses an ApplicationResponse: cac:DocumentResponse/cac:Response/{ReferenceID, ResponseCode, Description}
    /// and every cbc:Note.
    public static func parse(xml: Data) throws(CDRError) -> CDRResponse {
        let collector = XMLLeafCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else { throw .unreadableXML }
        let paths = collector.paths
        guard let code = paths["Response/ResponseCode"]?.first ?? collector.values["ResponseCode"]?.first else {
            throw .missingResponseCode
        }
        return CDRResponse(
            responseCode: code,
            description: paths["Response/Description"]?.first ?? collector.values["Description"]?.first ?? "",
            notes: collector.values["Note"] ?? [],
            referenceID: paths["Response/ReferenceID"]?.first ?? collector.values["ReferenceID"]?.first ?? "",
            xml: xml)
    }
}
