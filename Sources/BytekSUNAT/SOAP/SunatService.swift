import Foundation

/// The answer of getStatus (ticket) or getStatusCdr: SUNAT's status code and, when there is one, the CDR ZIP.
public struct SunatStatusResponse: Sendable, Equatable {
    /// getStatus: "0" accepted, "98" in process, "99" rejected. getStatusCdr: "0004" CDR exists, "0011" no document...
    public var statusCode: String
    public var statusMessage: String?
    public var content: Data?

    public init(statusCode: String, statusMessage: String? = nil, content: Data? = nil) {
        self.statusCode = statusCode; self.statusMessage = statusMessage; self.content = content
    }
}

/// SUNAT's billService and billConsultService operations. Implemented over HTTP by `SunatSOAPClient`;
/// tests may substitute their own. Every method throws `SunatSOAPError`.
public protocol SunatService: Sendable {
    /// Sends one document ZIP (`fileName` with .zip); returns the CDR ZIP (applicationResponse).
    func sendBill(fileName: String, zip: Data) throws(SunatSOAPError) -> Data
    /// Sends a summary or void ZIP; returns the ticket.
    func sendSummary(fileName: String, zip: Data) throws(SunatSOAPError) -> String
    /// Asks for a ticket's result.
    func getStatus(ticket: String) throws(SunatSOAPError) -> SunatStatusResponse
    /// Asks for the CDR of a document already sent (billConsultService).
    func getStatusCdr(ruc: String, kind: String, series: String, number: Int) throws(SunatSOAPError) -> SunatStatusResponse
}
