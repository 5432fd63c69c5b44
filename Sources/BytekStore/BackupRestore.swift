import Foundation

/// Restores a backup archive: the database and the files beside it. The whole archive is extracted
/// and checked in a scratch folder beside the target first; only then is the database swapped in
/// (`BackupService.restore`, which refuses while other processes hold it) and each folder of
/// `BackupFiles` replaced by the archive's (a folder the archive does not have is emptied, as it was
/// when the copy was taken). A bare `.sqlite` backup of the earlier format restores the database only.
public enum BackupRestore {
    public struct Outcome: Sendable, Equatable {
        public var files: Int
        /// Nil for a bare database file.
        public var manifest: BackupManifest?
    }

    public static func restore(from source: String, into target: String) throws -> Outcome {
        let src = BackupService.absolute(source)
        let dst = BackupService.absolute(target)
        guard FileManager.default.fileExists(atPath: src) else { throw BackupError.sourceMissing(path: src) }
        guard BackupArchive.isArchive(src) else {
            try BackupService.restore(from: src, into: dst)
            return Outcome(files: 0, manifest: nil)
        }
        let holders = DatabaseHolders.others(of: dst)
        guard holders.isEmpty else { throw BackupError.inUse(path: dst, holders: holders) }
        let dataFolder = (dst as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true) } catch {
            throw BackupError.io(path: dataFolder, message: error.localizedDescription)
        }
        let work = try BackupArchive.scratchFolder(beside: dst)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let extracted = work + "/copia"
        let manifest = try BackupArchive.extract(src, into: extracted)
        try BackupCheck.compare(extracted: extracted, manifest: manifest)

        try BackupService.restore(from: extracted + "/" + BackupManifest.databaseEntry, into: dst)
        let files = extracted + "/" + BackupManifest.filesPrefix
        let fm = FileManager.default
        for folder in BackupFiles.folders {
            let live = dataFolder + "/" + folder
            if fm.fileExists(atPath: live) { try move(live, to: work + "/antes-" + folder) }
            if fm.fileExists(atPath: files + folder) { try move(files + folder, to: live) }
        }
        // Single files (the logo) go back to their place.
        for file in manifest.files where !BackupFiles.folders.contains(String(file.path.split(separator: "/").first ?? "")) {
            let destination = dataFolder + "/" + file.path
            try? fm.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: destination)
            try move(files + file.path, to: destination)
        }
        return Outcome(files: manifest.files.count, manifest: manifest)
    }

    static func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else { throw BackupError.io(path: to, message: String(cString: strerror(errno))) }
    }
}
