/// One file read from a ZIP archive.
public struct SunatZipEntry: Sendable, Hashable {
    /// The entry's name as stored (directories are not returned).
    public let name: String
    /// The uncompressed bytes.
    public let bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
