import Foundation

/// What a sign-off approves, as one hash: SHA-256 over the milestone's deliverables listed as
/// `sha256sum` prints them — one line `"<sha256>  <file name>\n"` per deliverable (two spaces), the lines
/// sorted (byte order) and concatenated. In the deliverables' folder, `sha256sum * | LC_ALL=C sort | sha256sum`
/// gives the same hash, so anyone can check what was approved from the files themselves.
public enum MilestoneSignoffHash {
    public struct Item: Sendable, Hashable {
        public var sha256: String
        public var fileName: String
        public init(sha256: String, fileName: String) { self.sha256 = sha256; self.fileName = fileName }
    }

    /// The listing hashed (sorted lines, each ending in a newline).
    public static func listing(_ items: [Item]) -> String {
        items.map { "\($0.sha256)  \($0.fileName)\n" }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.joined()
    }

    /// The lowercase hexadecimal SHA-256 of `listing(items)`.
    public static func hash(_ items: [Item]) -> String { SHA256.hex(listing(items)) }
}

/// The rule for the name of a delivered file (it becomes a file name on disk and in the portal).
public enum DeliverableName {
    public static let maxBytes: Int64 = 200 * 1024 * 1024

    /// Nil when `name` is acceptable; else the Spanish reason naming the field.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "Nombre del archivo: está vacío; indique el archivo a adjuntar." }
        if name.utf8.count > 200 { return "Nombre del archivo: tiene más de 200 caracteres; acórtelo." }
        if name.contains("/") || name.contains("\\") { return "Nombre del archivo: no puede contener «/» ni «\\»." }
        if name == "." || name == ".." || name.contains("..") { return "Nombre del archivo: no puede contener «..»." }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "Nombre del archivo: contiene caracteres de control; renómbrelo."
        }
        return nil
    }

    /// `name` made unique among `taken`: "informe.pdf" → "informe (2).pdf", "informe (3).pdf"...
    public static func unique(_ name: String, taken: Set<String>) -> String {
        guard taken.contains(name) else { return name }
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        var n = 2
        while true {
            let candidate = ext.isEmpty ? "\(stem) (\(n))" : "\(stem) (\(n)).\(ext)"
            if !taken.contains(candidate) { return candidate }
            n += 1
        }
    }
}
