import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer from a gateway: the status and the body, whatever the status (the gateways' envelopes say
/// more than their HTTP codes).
public struct GatewayHTTPAnswer: Sendable {
    public let status: Int
    public let body: Data
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Blocking HTTP exchanges with a gateway (URLSession), bounded by `timeout`, with the transport failures
/// mapped the way the charge engine must treat them:
/// - nothing was sent (connection refused, host not found, no network): `.unavailable` — safe to retry;
/// - the request may have arrived (timeout, connection cut, unreadable answer): `.indeterminate` — ask the
///   gateway for the order before any retry.
/// HTTP 5xx is mapped by the clients (an answer came, but not the gateway's: `.indeterminate`).
public struct GatewayHTTP: Sendable {
    public let timeout: TimeInterval

    public init(timeout: TimeInterval) { self.timeout = timeout }

    public func send(_ method: String, _ url: URL, headers: [String: String], body: Data?) throws(GatewayError)
        -> GatewayHTTPAnswer
    {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout
        config.httpMaximumConnectionsPerHost = 1
        let session = URLSession(configuration: config)
        defer { session.finishTasksAndInvalidate() }
        let slot = AnswerSlot()
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                slot.fill(.failure(Self.classify(error)))
            } else if let http = response as? HTTPURLResponse {
                slot.fill(.success(GatewayHTTPAnswer(status: http.statusCode, body: data ?? Data())))
            } else {
                slot.fill(.failure(.indeterminate("respuesta sin encabezado HTTP")))
            }
        }
        task.resume()
        // URLSession's own timeout fires first; this only guards against a transfer that never ends.
        guard let result = slot.wait(seconds: timeout + 5) else {
            task.cancel()
            throw .indeterminate("sin respuesta en \(Self.seconds(timeout))")
        }
        return try result.get()
    }

    /// Which failures mean "never sent".
    static func classify(_ error: any Error) -> GatewayError {
        let code = (error as? URLError)?.code ?? URLError.Code(rawValue: (error as NSError).code) ?? .unknown
        switch code {
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
             .unsupportedURL, .badURL, .secureConnectionFailed, .serverCertificateUntrusted,
             .serverCertificateHasBadDate, .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .unavailable(describe(code, error))
        default:
            return .indeterminate(describe(code, error))
        }
    }

    private static func describe(_ code: URLError.Code, _ error: any Error) -> String {
        switch code {
        case .timedOut: return "tiempo de espera agotado"
        case .cannotConnectToHost: return "conexión rechazada"
        case .cannotFindHost, .dnsLookupFailed: return "no se encontró el servidor"
        case .networkConnectionLost: return "la conexión se cortó"
        case .badServerResponse: return "respuesta ilegible"
        default: return error.localizedDescription
        }
    }

    static func seconds(_ t: TimeInterval) -> String {
        t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
    }

    /// HTTP Basic credentials.
    public static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}

/// The one answer handed from URLSession's queue to the waiting thread.
private final class AnswerSlot: @unchecked Sendable {
    // @unchecked: `value` is written once under `lock` before `done` is signalled, and read after.
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var value: Result<GatewayHTTPAnswer, GatewayError>?

    func fill(_ v: Result<GatewayHTTPAnswer, GatewayError>) {
        lock.withLock { if value == nil { value = v } }
        done.signal()
    }

    func wait(seconds: TimeInterval) -> Result<GatewayHTTPAnswer, GatewayError>? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { value }
    }
}
