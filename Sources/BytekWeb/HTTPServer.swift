import CMicroHTTPD
import Foundation

/// An HTTP server over libmicrohttpd: its internal polling thread with a thread pool, a connection limit,
/// a per-connection timeout and a body size limit (413). Requests reach `handler` complete (body read,
/// form fields parsed by libmicrohttpd's post processor); every response gets the security headers.
public final class HTTPServer: @unchecked Sendable {
    public let host: String
    public let requestedPort: UInt16
    let limits: ServerLimits
    let handler: any RequestHandler
    let addresses: ClientAddress
    let log: AccessLog
    private var daemon: OpaquePointer?
    private let inFlight = InFlight()

    public init(host: String, port: UInt16, limits: ServerLimits, handler: any RequestHandler,
                trustedProxies: [String] = [], accessLog: Bool = true) {
        self.host = host; self.requestedPort = port; self.limits = limits; self.handler = handler
        self.addresses = ClientAddress(trustedProxies: trustedProxies)
        self.log = AccessLog(enabled: accessLog)
    }

    public enum Failure: Error, CustomStringConvertible {
        case cannotListen(String)
        public var description: String {
            switch self {
            case .cannotListen(let what): return "no se pudo escuchar en \(what) (¿dirección inválida o puerto en uso?)"
            }
        }
    }

    /// Starts listening; returns the port (the real one when `port` was 0).
    @discardableResult
    public func start() throws -> UInt16 {
        let me = Unmanaged.passUnretained(self).toOpaque()
        let d = bytek_mhd_start(host, requestedPort, UInt32(limits.threads), UInt32(limits.connectionLimit),
                                UInt32(limits.timeoutSeconds), 64 * 1024, HTTPServer.access, me,
                                HTTPServer.completed, me)
        guard let d else { throw Failure.cannotListen("\(host):\(requestedPort)") }
        daemon = d
        return bytek_mhd_port(d)
    }

    /// Graceful stop: stops accepting, lets requests in progress finish (up to `grace` seconds), then stops.
    public func stop(grace: TimeInterval = 10) {
        guard let d = daemon else { return }
        let listener = MHD_quiesce_daemon(d)
        // libmicrohttpd no longer accepts, but the kernel would still complete handshakes into the backlog:
        // shut the listening socket so new connections are refused (closed only after the stop, as the
        // library asks when it runs threads).
        if listener >= 0 { shutdown(listener, Int32(SHUT_RDWR)) }
        let deadline = Date().addingTimeInterval(grace)
        while inFlight.count > 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        MHD_stop_daemon(d)
        if listener >= 0 { close(listener) }
        daemon = nil
    }

    /// Per-request state kept by libmicrohttpd between the calls of one request.
    final class RequestState {
        let started = Date()
        var body: [UInt8] = []
        var tooLarge = false
        var form: [String: String] = [:]
    }

    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
        func add(_ n: Int) { lock.lock(); value += n; lock.unlock() }
    }

    // MARK: libmicrohttpd callbacks (nonisolated statics: they run on libmicrohttpd's threads)

    static let access: MHD_AccessHandlerCallback = { cls, connection, url, method, _, uploadData, uploadSize, conCls in
        guard let cls, let connection, let conCls, let uploadSize else { return MHD_Result.NO }
        let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
        return server.access(connection, url.map { String(cString: $0) } ?? "/",
                             method.map { String(cString: $0) } ?? "GET", uploadData, uploadSize, conCls)
    }

    static let completed: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
        guard let cls, let conCls, let state = conCls.pointee else { return }
        Unmanaged<RequestState>.fromOpaque(state).release()
        conCls.pointee = nil
        Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue().inFlight.add(-1)
    }

    private func access(_ connection: OpaquePointer, _ url: String, _ method: String,
                        _ uploadData: UnsafePointer<CChar>?, _ uploadSize: UnsafeMutablePointer<Int>,
                        _ conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>) -> MHD_Result {
        guard let raw = conCls.pointee else {
            // First call: headers only. Refuse a declared body that is too large before reading it.
            let state = RequestState()
            conCls.pointee = Unmanaged.passRetained(state).toOpaque()
            inFlight.add(1)
            if let length = header(connection, "Content-Length").flatMap(Int.init), length > limits.maxBodyBytes {
                state.tooLarge = true
                return send(connection, state, method, url, peer(connection), tooLarge())
            }
            return MHD_Result.YES
        }
        let state = Unmanaged<RequestState>.fromOpaque(raw).takeUnretainedValue()
        if uploadSize.pointee > 0 {
            let n = uploadSize.pointee
            if !state.tooLarge, state.body.count + n <= limits.maxBodyBytes, let uploadData {
                uploadData.withMemoryRebound(to: UInt8.self, capacity: n) {
                    state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n))
                }
            } else {
                state.tooLarge = true
                state.body = []
            }
            uploadSize.pointee = 0
            return MHD_Result.YES
        }
        let peerAddress = peer(connection)
        if state.tooLarge { return send(connection, state, method, url, peerAddress, tooLarge()) }
        let (client, scheme) = addresses.resolve(peer: peerAddress, forwardedFor: header(connection, "X-Forwarded-For"),
                                                 forwardedProto: header(connection, "X-Forwarded-Proto"))
        var request = HTTPRequest(method: method, path: url, clientAddress: client, scheme: scheme)
        request.headers = Dictionary(values(connection, MHD_ValueKind.HEADER_KIND).map { ($0.0.lowercased(), $0.1) },
                                     uniquingKeysWith: { a, _ in a })
        request.cookies = Dictionary(values(connection, MHD_ValueKind.COOKIE_KIND), uniquingKeysWith: { a, _ in a })
        request.query = Dictionary(values(connection, MHD_ValueKind.GET_ARGUMENT_KIND), uniquingKeysWith: { a, _ in a })
        request.body = state.body
        if method == "POST", (request.headers["content-type"] ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded") {
            request.form = parseForm(connection, state)
        }
        return send(connection, state, method, url, client, handler.handle(request))
    }

    private func tooLarge() -> HTTPResponse {
        .text("La solicitud es demasiado grande (máximo \(limits.maxBodyBytes) bytes).", status: 413)
    }

    private func send(_ connection: OpaquePointer, _ state: RequestState, _ method: String, _ path: String,
                      _ client: String, _ response: HTTPResponse) -> MHD_Result {
        let r = response.filePath.flatMap(Self.fileResponse) ?? response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                            MHD_ResponseMemoryMode.RESPMEM_MUST_COPY)
        }
        guard let r else { return MHD_Result.NO }
        defer { MHD_destroy_response(r) }
        for (name, value) in response.headersToSend {
            _ = MHD_add_response_header(r, name, value)
        }
        if state.tooLarge { _ = MHD_add_response_header(r, "Connection", "close") }
        log.write(AccessLog.line(at: Date(), client: client, method: method, path: path, status: response.status,
                                 millis: Int(Date().timeIntervalSince(state.started) * 1000)))
        return MHD_queue_response(connection, UInt32(response.status), r)
    }

    /// A response reading the file at `path` as it is sent (libmicrohttpd closes the descriptor).
    private static func fileResponse(_ path: String) -> OpaquePointer? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0 else { close(fd); return nil }
        guard let r = MHD_create_response_from_fd64(UInt64(st.st_size), fd) else { close(fd); return nil }
        return r
    }

    // MARK: reading what libmicrohttpd parsed

    private func header(_ connection: OpaquePointer, _ name: String) -> String? {
        MHD_lookup_connection_value(connection, MHD_ValueKind.HEADER_KIND, name).map { String(cString: $0) }
    }

    private func peer(_ connection: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        bytek_mhd_client_address(connection, &buffer, buffer.count)
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    final class Pairs { var items: [(String, String)] = [] }

    private func values(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [(String, String)] {
        let pairs = Pairs()
        let box = Unmanaged.passUnretained(pairs).toOpaque()
        _ = MHD_get_connection_values(connection, kind, { cls, _, key, value in
            guard let cls, let key else { return MHD_Result.YES }
            Unmanaged<Pairs>.fromOpaque(cls).takeUnretainedValue().items
                .append((String(cString: key), value.map { String(cString: $0) } ?? ""))
            return MHD_Result.YES
        }, box)
        return withExtendedLifetime(pairs) { pairs.items }
    }

    /// The fields of an x-www-form-urlencoded body, decoded by libmicrohttpd's post processor.
    private func parseForm(_ connection: OpaquePointer, _ state: RequestState) -> [String: String] {
        final class Fields { var bytes: [String: [UInt8]] = [:] }
        let fields = Fields()
        let box = Unmanaged.passUnretained(fields).toOpaque()
        guard let pp = MHD_create_post_processor(connection, 4096, { cls, _, key, _, _, _, data, _, size in
            guard let cls, let key else { return MHD_Result.YES }
            let f = Unmanaged<Fields>.fromOpaque(cls).takeUnretainedValue()
            let name = String(cString: key)
            if let data, size > 0 {
                data.withMemoryRebound(to: UInt8.self, capacity: size) {
                    f.bytes[name, default: []].append(contentsOf: UnsafeBufferPointer(start: $0, count: size))
                }
            } else if f.bytes[name] == nil {
                f.bytes[name] = []
            }
            return MHD_Result.YES
        }, box) else { return [:] }
        state.body.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { _ = MHD_post_process(pp, $0.baseAddress, $0.count) }
        }
        _ = MHD_destroy_post_processor(pp)
        return withExtendedLifetime(fields) {
            fields.bytes.mapValues { String(decoding: $0, as: UTF8.self) }
        }
    }
}
