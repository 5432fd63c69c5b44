import CZip

/// Writes a `.zip` the way SUNAT publishes the padrón: one deflated text entry (for the generator).
public enum PadronArchive {
    public static func zip(textFile: String, entryName: String, into path: String) throws {
        var zerr: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr) else {
            throw PadronImportError.badZip(path: path, reason: PadronSource.zipText(zerr))
        }
        guard let source = zip_source_file(archive, textFile, 0, -1),
              zip_file_add(archive, entryName, source, zip_flags_t(ZIP_FL_ENC_UTF_8)) >= 0 else {
            let reason = zip_strerror(archive).map { String(cString: $0) } ?? "error de libzip"
            zip_discard(archive)
            throw PadronImportError.badZip(path: path, reason: reason)
        }
        guard zip_close(archive) == 0 else {
            let reason = zip_strerror(archive).map { String(cString: $0) } ?? "error de libzip"
            zip_discard(archive)
            throw PadronImportError.badZip(path: path, reason: reason)
        }
    }
}
