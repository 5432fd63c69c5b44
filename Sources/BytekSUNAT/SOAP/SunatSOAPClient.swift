import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// SUNAT's SOAP services over HTTP(S) with URLSession, WS-Security UsernameToken and a timeout.
///
/// Calls block the calling thread (the worker runs one job at a time on its own thread). HTTP 500 answers
/// carrying a SOAP fault become `.fault` with SUNAT's code; no answer at all becomes `.network`.
public struct SunatSOAPClient: SunatService {
    public let endpoints: (billService: URL, consultService: URL)
    public let username: String
    public let password: String
    public let timeout: TimeInterval

    /// `username` is RUC + SOL user ("20123456786MODDATOS").
    public init(billService: URL, consultService: URL, username: String, password: String, timeout: TimeInterval = 30) {
        self.endpoints = (billService, consultService)
        self.username = username; self.password = password; self.timeout = timeout
    }

    public func sendBill(fileName: String, zip: Data) throws(SunatSOAPError) -> Data {
        let values = try call(endpoints.billService, "sendBill",
                              [("fileName", fileName), ("contentFile", SunatBase64.encode(zip))])
        guard let b64 = values["applicationResponse"]?.first, let data = try? SunatBase64.decode(b64) else {
            throw .malformedResponse("sendBill sin applicationResponse")
        }
        return data
    }

    public func sendSummary(fileName: String, zip: Data) throws(SunatSOAPError) -> String {
        let values = try call(endpoints.billService, "sendSummary",
                              [("fileName", fileName), ("contentFile", SunatBase64.encode(zip))])
        guard let ticket = values["ticket"]?.first, !ticket.isEmpty else { throw .malformedResponse("sendSummary sin ticket") }
        return ticket
    }

    public func getStatus(ticket: String) throws(SunatSOAPError) -> SunatStatusResponse {
        let values = try call(endpoints.billService, "getStatus", [("ticket", ticket)])
        return try status(values, "getStatus")
    }

    public func getStatusCdr(ruc: String, kind: String, series: String, number: Int) throws(SunatSOAPError) -> SunatStatusResponse {
        let values = try call(endpoints.consultService, "getStatusCdr",
                              [("rucComprobante", ruc), ("tipoComprobante", kind), ("serieComprobante", series),
                               ("numeroComprobante", String(number))])
        return try status(values, "getStatusCdr")
    }

    // MARK: - private

    private func status(_ values: [String: [String]], _ op: String) throws(SunatSOAPError) -> SunatStatusResponse {
        guard let code = values["statusCode"]?.first else { throw .malformedResponse("\(op) sin statusCode") }
        var content: Data?
        if let b64 = values["content"]?.first, !b64.isEmpty { content = try? SunatBase64.decode(b64) }
        return SunatStatusResponse(statusCode: code, statusMessage: values["statusMessage"]?.first, content: content)
    }

    private func call(_ url: URL, _ operation: String, _ fields: [(String, String)]) throws(SunatSOAPError) -> [String: [String]] {
        let envelope = SunatSOAPEnvelope.make(username: username, password: password, operation: operation, fields: fields)
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("text/xml; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("urn:\(operation)", forHTTPHeaderField: "SOAPAction")
        request.httpBody = Data(envelope.utf8)
        let (data, status) = try Self.perform(request, timeout: timeout)
        guard let values = XMLLeafCollector.collect(data) else {
            if status != 200 { throw .httpStatus(status, String(decoding: data.prefix(300), as: UTF8.self)) }
            throw .malformedResponse("XML ilegible")
        }
        if let faultCode = values["faultcode"]?.first {
            let code = faultCode.split(separator: ".").last.map(String.init) ?? faultCode
            let message = values["faultstring"]?.first ?? ""
            throw .fault(code: code, message: message, httpStatus: status)
        }
        guard status == 200 else { throw .httpStatus(status, String(decoding: data.prefix(300), as: UTF8.self)) }
        return values
    }

    /// One blocking HTTP exchange. Any transport error (refused, dropped, timed out) is `.network`.
    static func perform(_ request: URLRequest, timeout: TimeInterval) throws(SunatSOAPError) -> (Data, Int) {
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: config)
        defer { session.finishTasksAndInvalidate() }
        let box = ResultBox()
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                box.set(.failure(.network(error.localizedDescription)))
            } else {
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                box.set(.success((data ?? Data(), status)))
            }
        }
        task.resume()
        // URLSession's own timeout should fire first; this is the backstop against a hung transfer.
        guard box.wait(seconds: timeout + 5) else {
            task.cancel()
            throw .network("tiempo de espera agotado (\(Int(timeout)) s)")
        }
        switch box.result {
        case .success(let pair)?: return pair
        case .failure(let e)?: throw e
        case nil: throw .network("sin respuesta")
        }
    }
}

/// A one-shot result handed from URLSession's delegate queue to the waiting thread.
private final class ResultBox: @unchecked Sendable {
    // @unchecked: `value` is written once under `lock` before `done` is signalled and read after.
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var value: Result<(Data, Int), SunatSOAPError>?

    func set(_ v: Result<(Data, Int), SunatSOAPError>) {
        lock.withLock { value = v }
        done.signal()
    }

    func wait(seconds: TimeInterval) -> Bool { done.wait(timeout: .now() + seconds) == .success }

    var result: Result<(Data, Int), SunatSOAPError>? { lock.withLock { value } }
}
