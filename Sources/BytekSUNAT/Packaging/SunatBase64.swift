import Foundation

/// Base64 for the SOAP layer (sendBill's contentFile, the CDR's applicationResponse).
public enum SunatBase64 {
    /// Standard base64 without line breaks, as SUNAT expects inside the SOAP body.
    public static func encode(_ data: Data) -> String { data.base64EncodedString() }

    public static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// Decodes base64 that may be wrapped over several lines; any other stray character is an error.
    public static func decode(_ text: String) throws(SunatBase64Error) -> Data {
        let compact = text.unicodeScalars.filter { !" \t\r\n".unicodeScalars.contains($0) }
        guard let data = Data(base64Encoded: String(String.UnicodeScalarView(compact))) else { throw .invalid }
        return data
    }
}

/// The text was not base64.
public enum SunatBase64Error: Error, Equatable, Sendable {
    case invalid
}
