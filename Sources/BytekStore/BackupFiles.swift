import Foundation

/// The files bytek keeps beside the database that belong in a backup: the folders `documentos/`
/// (generated PDFs and XML), `plantillas/` (contract templates), `adjuntos/` (attachments) and `cdr/`,
/// and the company logo when its path is relative to the data folder. Secrets (`bytek-secretos`,
/// `sunat-credenciales`), the `backups/` folder, hidden files and the database itself never are; nor is
/// SUNAT's padrón (`padron.sqlite`, 1.6 GB of reference data rebuilt from SUNAT's file, not backed up).
public enum BackupFiles {
    public static let folders = ["documentos", "plantillas", "adjuntos", "cdr"]
    static let neverIncluded: Set<String> = [
        Secrets.fileName, "sunat-credenciales", PadronFiles.fileName, PadronFiles.fileName + PadronFiles.temporarySuffix,
    ]

    /// Relative paths ("documentos/F001-1.pdf") of the regular files to back up, sorted.
    public static func list(dataFolder: String, extra: [String] = []) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for folder in folders {
            let root = dataFolder + "/" + folder
            guard let walker = fm.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let parts = relative.split(separator: "/")
                guard !parts.contains(where: { $0.hasPrefix(".") }),
                      !neverIncluded.contains(String(parts.last ?? "")) else { continue }
                if isRegularFile(root + "/" + relative) { out.append(folder + "/" + relative) }
            }
        }
        for path in extra where isSafeRelative(path) && !out.contains(path) && isRegularFile(dataFolder + "/" + path)
            && !neverIncluded.contains((path as NSString).lastPathComponent) {
            out.append(path)
        }
        return out.sorted()
    }

    /// A relative path that stays inside the data folder (no `..`, not absolute, no control characters).
    public static func isSafeRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
            && !path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f }
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}
