/// What the server calls for each complete request, on one of its pool threads.
public protocol RequestHandler: Sendable {
    func handle(_ request: HTTPRequest) -> HTTPResponse
}
