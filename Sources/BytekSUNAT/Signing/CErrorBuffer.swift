/// Runs a C signer call with a message buffer and returns its result with the message it wrote.
enum CErrorBuffer {
    static let capacity = 2048

    static func call<T>(_ body: (UnsafeMutablePointer<CChar>, Int) -> T) -> (result: T, message: String) {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        defer { buffer.deallocate() }
        let result = body(buffer, capacity)
        return (result, String(cString: buffer))
    }
}
