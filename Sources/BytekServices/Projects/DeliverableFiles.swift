import BytekModel
import BytekStore
import Foundation

/// The files of milestones, kept beside the database: `<data folder>/entregables/<project code>/<milestone
/// position>/<file name>` (evidence of sign-offs in `…/evidencias/`). A file is copied in chunks while its
/// SHA-256 is computed (a 200 MB file is never held in memory), to a temporary name first and renamed once
/// whole; a name already taken gets a suffix ("informe (2).pdf").
public enum DeliverableFiles {
    public static let folder = "entregables"
    static let chunk = 1 << 20

    /// What a copy produced: the path relative to the data folder, the name kept, its hash and size.
    public struct Stored: Sendable, Hashable {
        public var relativePath: String
        public var fileName: String
        public var sha256: String
        public var bytes: Int64
    }

    /// The relative folder of a milestone's files.
    public static func relativeFolder(projectCode: String, position: Int, evidence: Bool = false) -> String {
        "\(folder)/\(projectCode)/\(position)" + (evidence ? "/evidencias" : "")
    }

    /// Copies `source` into `relativeFolder` under the data folder `data`, named `name` (or a free variant).
    public static func copy(source: String, name: String, data: String, relativeFolder: String) throws -> Stored {
        if let problem = DeliverableName.problem(name) { throw MilestoneServiceError.invalid(problem) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDir), !isDir.boolValue,
              let input = FileHandle(forReadingAtPath: source) else {
            throw MilestoneServiceError.invalid("Archivo: no se puede leer «\(source)»; revise la ruta.")
        }
        defer { try? input.close() }
        let size = ((try? FileManager.default.attributesOfItem(atPath: source))?[.size] as? NSNumber)?.int64Value ?? 0
        guard size <= DeliverableName.maxBytes else { throw MilestoneServiceError.tooLarge(size) }
        let dir = data + "/" + relativeFolder
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let taken = Set((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
        let finalName = DeliverableName.unique(name, taken: taken)
        let temp = dir + "/.subiendo-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: temp, contents: nil), let output = FileHandle(forWritingAtPath: temp) else {
            throw MilestoneServiceError.invalid("Archivo: no se pudo escribir en \(dir).")
        }
        let hasher = SHA256.Hasher()
        var total: Int64 = 0
        do {
            defer { try? output.close() }
            while true {
                let data = try input.read(upToCount: chunk) ?? Data()
                if data.isEmpty { break }
                total += Int64(data.count)
                guard total <= DeliverableName.maxBytes else { throw MilestoneServiceError.tooLarge(total) }
                data.withUnsafeBytes { hasher.update($0) }
                try output.write(contentsOf: data)
            }
            try output.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error
        }
        try FileManager.default.moveItem(atPath: temp, toPath: dir + "/" + finalName)
        return Stored(relativePath: relativeFolder + "/" + finalName, fileName: finalName, sha256: hasher.finishHex(), bytes: total)
    }

    /// Removes a copied file whose record could not be written (nothing half-written stays).
    static func discard(_ stored: Stored, data: String) {
        try? FileManager.default.removeItem(atPath: data + "/" + stored.relativePath)
    }
}
