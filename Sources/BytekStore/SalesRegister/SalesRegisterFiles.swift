import BytekModel
import Foundation

/// The files of the sales register on disk: the replacement ZIP written through libzip (the padrón's
/// one-entry archive writer) and SUNAT's proposal read as TXT or ZIP (the padrón's reader, which tells a zip by
/// its signature and inflates its text entry).
public enum SalesRegisterFiles {
    /// Writes `file` as `<dir>/<name>.zip` holding `<name>.txt`; returns the zip's path. The text goes through a
    /// temporary file beside the zip, removed afterwards.
    public static func writeZip(_ file: RVIEFile, into directory: String) throws -> String {
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw SalesRegisterError.cannotWrite(path: dir, reason: "la carpeta no existe")
        }
        let zipPath = dir + "/" + file.zipName
        let temp = dir + "/." + file.textName + ".tmp"
        defer { try? FileManager.default.removeItem(atPath: temp) }
        guard FileManager.default.createFile(atPath: temp, contents: Data(file.bytes)) else {
            throw SalesRegisterError.cannotWrite(path: temp, reason: "sin permiso de escritura o disco lleno")
        }
        do {
            try PadronArchive.zip(textFile: temp, entryName: file.textName, into: zipPath)
        } catch let e as PadronImportError {
            guard case .badZip(_, let reason) = e else { throw SalesRegisterError.cannotWrite(path: zipPath, reason: "\(e)") }
            throw SalesRegisterError.cannotWrite(path: zipPath, reason: reason)
        }
        return zipPath
    }

    /// The largest proposal read (SUNAT's proposals of a busy month are a few MB).
    public static let maxProposalBytes: Int64 = 200 * 1024 * 1024

    /// The bytes of the proposal's text: the file itself, or the text entry of a zip.
    public static func readProposal(_ path: String) throws -> [UInt8] {
        do {
            let source = try PadronSource(path: path)
            guard source.totalBytes <= maxProposalBytes else {
                throw SalesRegisterError.proposalUnreadable(path: path, reason: "pesa más de 200 MB; ¿es la propuesta del RVIE?")
            }
            var out: [UInt8] = []
            out.reserveCapacity(Int(source.totalBytes))
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = try buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }
                if n == 0 { break }
                out += buffer[0..<n]
                if out.count > maxProposalBytes {
                    throw SalesRegisterError.proposalUnreadable(path: path, reason: "pesa más de 200 MB; ¿es la propuesta del RVIE?")
                }
            }
            return out
        } catch let e as PadronImportError {
            throw SalesRegisterError.proposalUnreadable(path: path, reason: reason(e))
        }
    }

    static func reason(_ e: PadronImportError) -> String {
        switch e {
        case .notFound: return "no existe el archivo"
        case .unreadable(_, let why): return why
        case .badZip(_, let why): return "el ZIP está dañado o incompleto (\(why)); descárguelo de nuevo"
        case .zipWithoutText: return "el ZIP no contiene un archivo .txt"
        default: return "\(e)"
        }
    }
}
