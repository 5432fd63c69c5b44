import BytekModel
import CZip
import Foundation

/// One backup as one ZIP file (libzip): `bytek.sqlite` (an online, checked copy of the database),
/// `archivos/…` (the files beside the database, `BackupFiles`) and `manifiesto.json` (`BackupManifest`).
/// Secrets are never in it.
///
/// `create` writes to a temp file beside the destination, extracts it again into a scratch folder and
/// checks it (every file's SHA-256, the database's integrity_check and rows per table) before renaming it
/// into place: the destination holds the previous file or a verified archive, never a partial one.
public enum BackupArchive {
    /// What `create` wrote.
    public struct Summary: Sendable, Equatable {
        public var path: String
        public var bytes: Int64
        public var manifest: BackupManifest
    }

    /// True when the file starts like a ZIP archive (a backup of this format rather than a bare database).
    public static func isArchive(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4b, 0x03, 0x04])
    }

    /// Writes a verified archive of `db` and the files beside it (in `dataFolder`) to `path`.
    public static func create(db: Database, dataFolder: String, to path: String, nowMs: Int64,
                              extraFiles: [String] = []) throws -> Summary {
        let target = BackupService.absolute(path)
        if BackupService.absolute(db.path) == target { throw BackupError.sameFile(path: target) }
        let dir = (target as NSString).deletingLastPathComponent
        let work = try scratchFolder(beside: target)
        defer { try? FileManager.default.removeItem(atPath: work) }

        let snapshot = work + "/" + BackupManifest.databaseEntry
        try BackupService.backup(db, to: snapshot)
        let copy = try Database(path: snapshot, readOnly: true)
        var manifest = BackupManifest(
            format: BackupManifest.currentFormat, createdMs: nowMs, schemaVersion: try Migrator.currentVersion(copy),
            database: try describe(snapshot, as: BackupManifest.databaseEntry), tables: try BackupManifest.countRows(copy), files: [])
        for relative in BackupFiles.list(dataFolder: dataFolder, extra: extraFiles) {
            manifest.files.append(try describe(dataFolder + "/" + relative, as: relative))
        }
        let manifestPath = work + "/" + BackupManifest.entryName
        do { try manifest.json().write(to: URL(fileURLWithPath: manifestPath)) } catch {
            throw BackupError.io(path: manifestPath, message: error.localizedDescription)
        }

        let temp = BackupService.temporaryPath(beside: target)
        defer { try? FileManager.default.removeItem(atPath: temp) }
        var entries = [(BackupManifest.entryName, manifestPath), (BackupManifest.databaseEntry, snapshot)]
        entries += manifest.files.map { (BackupManifest.filesPrefix + $0.path, dataFolder + "/" + $0.path) }
        try writeZip(temp, entries: entries, modified: nowMs)

        // Verified by reading it back the way a restore does.
        let check = work + "/verificar"
        let read = try extract(temp, into: check)
        try BackupCheck.compare(extracted: check, manifest: read)
        guard read == manifest else { throw BackupError.io(path: temp, message: "el manifiesto leído no es el escrito") }
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw BackupError.io(path: dir, message: error.localizedDescription)
        }
        chmod(temp, 0o600)
        try BackupService.replace(target, with: temp)
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? NSNumber)?.int64Value ?? 0
        return Summary(path: target, bytes: size, manifest: manifest)
    }

    /// Extracts the archive at `path` into `folder` (created; it must not hold anything that matters),
    /// checking every entry against the manifest: names, sizes, SHA-256 and ZIP CRCs. Entries that the
    /// manifest does not name, or that would land outside `folder`, are refused.
    public static func extract(_ path: String, into folder: String) throws -> BackupManifest {
        var zerr: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) else {
            throw BackupError.notAnArchive(path: path, message: zipErrorText(zerr))
        }
        defer { zip_discard(archive) }
        let manifestIndex = zip_name_locate(archive, BackupManifest.entryName, 0)
        guard manifestIndex >= 0 else { throw BackupError.notAnArchive(path: path, message: "no tiene \(BackupManifest.entryName)") }
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw BackupError.io(path: folder, message: error.localizedDescription)
        }
        let manifestCopy = folder + "/" + BackupManifest.entryName
        _ = try copyEntry(archive, index: zip_uint64_t(manifestIndex), to: manifestCopy, limit: 64 << 20, archivePath: path)
        let manifest: BackupManifest
        do {
            manifest = try JSONDecoder().decode(BackupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: manifestCopy)))
        } catch {
            throw BackupError.notAnArchive(path: path, message: "manifiesto ilegible (\(error.localizedDescription))")
        }
        guard manifest.format <= BackupManifest.currentFormat else {
            throw BackupError.notAnArchive(path: path, message: "formato \(manifest.format) de una versión más nueva de bytek")
        }
        var expected: [String: BackupManifest.File] = [BackupManifest.databaseEntry: manifest.database]
        for file in manifest.files {
            guard BackupFiles.isSafeRelative(file.path) else {
                throw BackupError.notAnArchive(path: path, message: "ruta no permitida: \(file.path)")
            }
            expected[BackupManifest.filesPrefix + file.path] = file
        }
        let count = zip_get_num_entries(archive, 0)
        var seen = Set<String>()
        for index in 0..<zip_uint64_t(max(count, 0)) where Int64(index) != manifestIndex {
            guard let raw = zip_get_name(archive, index, 0) else { throw BackupError.notAnArchive(path: path, message: archiveText(archive)) }
            let name = String(cString: raw)
            if name.hasSuffix("/") { continue }
            guard let want = expected[name] else {
                throw BackupError.notAnArchive(path: path, message: "contiene «\(name)», que el manifiesto no nombra")
            }
            let (bytes, hash) = try copyEntry(archive, index: index, to: folder + "/" + name, limit: Int64.max, archivePath: path)
            guard bytes == want.bytes, hash == want.sha256 else {
                throw BackupError.notAnArchive(path: path, message: "«\(name)» no coincide con su manifiesto (tamaño o SHA-256)")
            }
            seen.insert(name)
        }
        let missing = Set(expected.keys).subtracting(seen)
        guard missing.isEmpty else {
            throw BackupError.notAnArchive(path: path, message: "faltan \(missing.count) archivos, p. ej. «\(missing.sorted()[0])»")
        }
        return manifest
    }

    // MARK: - pieces

    /// A new empty hidden folder beside `path`.
    static func scratchFolder(beside path: String) throws -> String {
        let dir = (path as NSString).deletingLastPathComponent
        let folder = dir + "/.bytek-respaldo-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw BackupError.io(path: folder, message: error.localizedDescription)
        }
        return folder
    }

    static func describe(_ file: String, as name: String) throws -> BackupManifest.File {
        guard let handle = FileHandle(forReadingAtPath: file) else { throw BackupError.io(path: file, message: "no se puede leer") }
        defer { try? handle.close() }
        let hasher = SHA256.Hasher()
        var total: Int64 = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw BackupError.io(path: file, message: error.localizedDescription)
            }
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { hasher.update($0) }
            total += Int64(chunk.count)
        }
        return BackupManifest.File(path: name, bytes: total, sha256: hasher.finishHex())
    }

    static func writeZip(_ path: String, entries: [(name: String, file: String)], modified: Int64) throws {
        var zerr: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr) else {
            throw BackupError.io(path: path, message: zipErrorText(zerr))
        }
        for (name, file) in entries {
            guard let source = zip_source_file(archive, file, 0, -1) else {
                let text = archiveText(archive)
                zip_discard(archive)
                throw BackupError.io(path: file, message: text)
            }
            let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(source)
                let text = archiveText(archive)
                zip_discard(archive)
                throw BackupError.io(path: file, message: text)
            }
            // Level 1: most of the gain of deflate on a database at a fraction of the time.
            zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 1)
            zip_file_set_mtime(archive, zip_uint64_t(index), time_t(modified / 1000), 0)
        }
        guard zip_close(archive) == 0 else {
            let text = archiveText(archive)
            zip_discard(archive)
            throw BackupError.io(path: path, message: text)
        }
    }

    /// Streams one entry to `destination`, returning its size and SHA-256; reading to the end makes libzip
    /// check the CRC.
    static func copyEntry(_ archive: OpaquePointer, index: zip_uint64_t, to destination: String, limit: Int64,
                          archivePath: String) throws -> (Int64, String) {
        try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        guard let file = zip_fopen_index(archive, index, 0) else {
            throw BackupError.notAnArchive(path: archivePath, message: archiveText(archive))
        }
        defer { zip_fclose(file) }
        guard FileManager.default.createFile(atPath: destination, contents: nil, attributes: [.posixPermissions: 0o600]),
              let out = FileHandle(forWritingAtPath: destination) else {
            throw BackupError.io(path: destination, message: "no se pudo crear")
        }
        defer { try? out.close() }
        let hasher = SHA256.Hasher()
        var total: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
            if n == 0 { break }
            guard n > 0 else {
                let text = zip_file_strerror(file).map { String(cString: $0) } ?? "error de libzip"
                throw BackupError.notAnArchive(path: archivePath, message: text)
            }
            total += Int64(n)
            guard total <= limit else { throw BackupError.notAnArchive(path: archivePath, message: "entrada demasiado grande") }
            let chunk = buffer.prefix(Int(n))
            chunk.withUnsafeBytes { hasher.update($0) }
            do { try out.write(contentsOf: chunk) } catch {
                throw BackupError.io(path: destination, message: error.localizedDescription)
            }
        }
        return (total, hasher.finishHex())
    }

    static func zipErrorText(_ code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return zip_error_strerror(&error).map { String(cString: $0) } ?? "error de libzip \(code)"
    }

    static func archiveText(_ archive: OpaquePointer) -> String {
        zip_strerror(archive).map { String(cString: $0) } ?? "error de libzip"
    }
}
