import CZip
import Foundation

/// The bytes of SUNAT's padrón file, read in big blocks: the `.txt` itself, or the text entry of the
/// `.zip` SUNAT publishes (recognised by its signature, not its name), inflated as it is read.
final class PadronSource {
    /// The size of the text (the uncompressed size inside a zip), for the time left.
    let totalBytes: Int64
    private var fd: Int32 = -1
    private var archive: OpaquePointer?
    private var entry: OpaquePointer?
    private let path: String

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw PadronImportError.notFound(path: path) }
            throw PadronImportError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw PadronImportError.unreadable(path: path, reason: "no es un archivo regular")
        }
        var magic = [UInt8](repeating: 0, count: 4)
        let n = pread(fd, &magic, 4, 0)
        guard n == 4, magic == [0x50, 0x4B, 0x03, 0x04] || magic == [0x50, 0x4B, 0x05, 0x06] else {
            totalBytes = Int64(st.st_size)
            posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
            return
        }
        close(fd)
        fd = -1
        var zerr: Int32 = 0
        guard let za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) else {
            throw PadronImportError.badZip(path: path, reason: PadronSource.zipText(zerr))
        }
        archive = za
        let count = zip_get_num_entries(za, 0)
        var chosen: zip_uint64_t?
        for index in 0..<zip_uint64_t(max(count, 0)) {
            if let raw = zip_get_name(za, index, 0), String(cString: raw).lowercased().hasSuffix(".txt") {
                chosen = index
                break
            }
        }
        if chosen == nil && count == 1 { chosen = 0 }
        var st2 = zip_stat_t()
        zip_stat_init(&st2)
        guard let index = chosen, zip_stat_index(za, index, 0, &st2) == 0 else {
            zip_discard(za)
            archive = nil
            throw PadronImportError.zipWithoutText(path: path)
        }
        totalBytes = Int64(clamping: st2.size)
        guard let file = zip_fopen_index(za, index, 0) else {
            let reason = zip_strerror(za).map { String(cString: $0) } ?? "error de libzip"
            zip_discard(za)
            archive = nil
            throw PadronImportError.badZip(path: path, reason: reason)
        }
        entry = file
    }

    deinit {
        if fd >= 0 { close(fd) }
        if let entry { zip_fclose(entry) }
        if let archive { zip_discard(archive) }
    }

    /// Reads up to `count` bytes into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        if let entry {
            let n = zip_fread(entry, buffer, zip_uint64_t(count))
            guard n >= 0 else {
                let reason = zip_file_strerror(entry).map { String(cString: $0) } ?? "error de libzip"
                throw PadronImportError.badZip(path: path, reason: reason)
            }
            return Int(n)
        }
        while true {
            let n = Foundation.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw PadronImportError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func zipText(_ code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return zip_error_strerror(&error).map { String(cString: $0) } ?? "error de libzip \(code)"
    }
}
