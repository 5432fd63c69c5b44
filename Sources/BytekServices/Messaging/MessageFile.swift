/// An attachment resolved to its bytes when the message goes out.
public struct MessageFile: Sendable, Hashable {
    public var filename: String
    public var mediaType: String
    public var bytes: [UInt8]
    public init(filename: String, mediaType: String, bytes: [UInt8]) {
        self.filename = filename; self.mediaType = mediaType; self.bytes = bytes
    }
}
