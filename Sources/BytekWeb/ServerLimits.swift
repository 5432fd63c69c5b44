/// The server's limits: threads, connections, per-connection timeout and request body size.
public struct ServerLimits: Sendable {
    public var threads: Int = 4
    public var connectionLimit: Int = 256
    public var timeoutSeconds: Int = 15
    public var maxBodyBytes: Int = 64 * 1024

    public init(threads: Int = 4, connectionLimit: Int = 256, timeoutSeconds: Int = 15, maxBodyBytes: Int = 64 * 1024) {
        self.threads = threads; self.connectionLimit = connectionLimit; self.timeoutSeconds = timeoutSeconds
        self.maxBodyBytes = maxBodyBytes
    }
}
