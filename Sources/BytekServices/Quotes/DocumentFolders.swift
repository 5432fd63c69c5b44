import BytekStore
import Foundation

/// Where documents of a store live: `<data folder>/documentos/` for PDFs and XML, and
/// `<data folder>/plantillas/` for the editable contract templates, where the data folder is the
/// folder holding the database file (so a demo or a test database keeps its documents beside it).
public enum DocumentFolders {
    /// The folder holding the database file.
    public static func data(of store: Store) -> String {
        let dir = (store.path as NSString).deletingLastPathComponent
        return dir.isEmpty ? FileManager.default.currentDirectoryPath : dir
    }

    public static func documents(of store: Store) -> String { data(of: store) + "/documentos" }
    public static func templates(of store: Store) -> String { data(of: store) + "/plantillas" }

    /// `path` when given (its folder created), else `name` in the documents folder.
    static func target(_ path: String?, store: Store, name: String) throws -> String {
        if let path, !path.isEmpty {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            return path
        }
        let folder = documents(of: store)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }
}
