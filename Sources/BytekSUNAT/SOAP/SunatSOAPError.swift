/// Why a SOAP call did not give an answer. `isRetryable` says whether the worker should try later.
public enum SunatSOAPError: Error, Sendable, Equatable {
    /// SUNAT answered with a SOAP fault: `code` is the numeric part of faultcode ("0102", "1033").
    case fault(code: String, message: String, httpStatus: Int)
    /// No answer: connection refused or dropped, timeout, DNS... (`detail` from URLSession).
    case network(String)
    /// An HTTP status other than 200 without a readable fault.
    case httpStatus(Int, String)
    /// A 200 answer without the expected element.
    case malformedResponse(String)

    /// Network problems, HTTP 5xx without a SUNAT code, and SUNAT exceptions 0100–1999 (except 1033,
    /// which means "already registered") are retried; SUNAT's 2000–3999 and client errors are not.
    public var isRetryable: Bool {
        switch self {
        case .network, .malformedResponse: return true
        case .httpStatus(let status, _): return status >= 500 || status == 429
        case .fault(let code, _, _):
            guard let n = Int(code) else { return true }
            if n == 1033 { return false }
            return n < 2000 || n >= 4000
        }
    }

    /// True for "El comprobante fue registrado previamente" (1033): fetch the CDR instead of resending.
    public var isAlreadyRegistered: Bool {
        if case .fault(let code, _, _) = self { return code == "1033" }
        return false
    }

    /// Spanish text for the user and the job log.
    public var message: String {
        switch self {
        case .fault(let code, let message, _): return "SUNAT respondió \(code): \(message)"
        case .network(let detail): return "Sin respuesta de SUNAT (red): \(detail)"
        case .httpStatus(let status, let body): return "SUNAT respondió HTTP \(status): \(body.prefix(200))"
        case .malformedResponse(let detail): return "Respuesta de SUNAT no reconocida: \(detail)"
        }
    }
}
