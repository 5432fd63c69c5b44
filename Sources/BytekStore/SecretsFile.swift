import Foundation

/// Why the secrets could not be read or written. `message` is the Spanish text a user reads; it never
/// holds a secret value.
public enum SecretsError: Error, Sendable, Equatable {
    /// Group or others may read the file: it is refused until its owner runs `chmod 600`.
    case fileTooOpen(path: String, mode: String)
    case unreadable(path: String, message: String)
    /// A line that is not `clave=valor`, or a key with other characters than a–z, 0–9 and «_».
    case badLine(path: String, line: Int, reason: String)
    case writeFailed(path: String, message: String)
    /// `secrets migrate` found the key in both files with different values.
    case conflict(key: String, path: String)

    public var message: String {
        switch self {
        case .fileTooOpen(let path, let mode):
            return "el archivo de secretos \(path) tiene permisos \(mode): otros usuarios pueden leerlo. Ejecute chmod 600 \(path)"
        case .unreadable(let path, let message): return "no se pudo leer el archivo de secretos \(path): \(message)"
        case .badLine(let path, let line, let reason): return "\(path), línea \(line): \(reason)"
        case .writeFailed(let path, let message): return "no se pudo escribir el archivo de secretos \(path): \(message)"
        case .conflict(let key, let path):
            return "«\(key)» ya está en \(path) con otro valor; decida cuál vale, borre la otra línea y repita"
        }
    }
}

/// The secrets file of an installation: `clave=valor` lines (UTF-8), `#` comments, keys of a–z, 0–9 and
/// «_». A value that starts with `-----BEGIN ` (a PEM certificate or key) continues on the following lines
/// up to and including its `-----END …-----` line. The file must be readable by its owner only (0600).
public enum SecretsFile {
    /// The file's entries in order (a repeated key: the last one wins when read into a dictionary).
    public static func read(_ path: String) throws(SecretsError) -> [(key: String, value: String)] {
        try requirePrivate(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, message: "no se puede abrir")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, message: "no está en UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Refuses a file that group or others may read or write.
    public static func requirePrivate(_ path: String) throws(SecretsError) {
        var st = stat()
        guard stat(path, &st) == 0 else { throw .unreadable(path: path, message: String(cString: strerror(errno))) }
        let mode = Int(st.st_mode) & 0o777
        guard mode & 0o077 == 0 else { throw .fileTooOpen(path: path, mode: String(format: "%04o", mode)) }
    }

    public static func parse(_ text: String, path: String) throws(SecretsError) -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var i = 0
        while i < lines.count {
            let number = i + 1
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw .badLine(path: path, line: number, reason: "falta «=» (se espera clave=valor)")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            guard isValidKey(key) else {
                throw .badLine(path: path, line: number, reason: "la clave «\(key.prefix(40))» solo admite a–z, 0–9 y «_»")
            }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("-----BEGIN ") {
                var block = [value]
                var closed = false
                while i < lines.count {
                    let next = lines[i].trimmingCharacters(in: .whitespaces)
                    i += 1
                    block.append(next)
                    if next.hasPrefix("-----END ") { closed = true; break }
                }
                guard closed else { throw .badLine(path: path, line: number, reason: "el bloque PEM de «\(key)» no termina en -----END …-----") }
                value = block.joined(separator: "\n") + "\n"
            }
            out.append((key, value))
        }
        return out
    }

    public static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 64 && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The line(s) of one entry as `parse` reads them back.
    static func line(_ key: String, _ value: String) -> String {
        let v = value.hasSuffix("\n") ? String(value.dropLast()) : value
        return key + "=" + v
    }

    /// Sets `entries` in the file at `path` (created when missing), keeping its other lines and comments;
    /// an entry whose key is present replaces that line. Written to a 0600 temp file beside it and renamed
    /// over it, so the file is never half-written nor readable by others.
    public static func upsert(_ entries: [(key: String, value: String)], at path: String, header: String? = nil) throws(SecretsError) {
        var kept: [String] = []
        if FileManager.default.fileExists(atPath: path) {
            try requirePrivate(path)
            guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw .unreadable(path: path, message: "no está en UTF-8")
            }
            _ = try parse(text, path: path)
            let replaced = Set(entries.map(\.key))
            var skippingPEM = false
            for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if skippingPEM {
                    if line.hasPrefix("-----END ") { skippingPEM = false }
                    continue
                }
                if let eq = line.firstIndex(of: "="), !line.hasPrefix("#"),
                   replaced.contains(line[..<eq].trimmingCharacters(in: .whitespaces)) {
                    skippingPEM = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces).hasPrefix("-----BEGIN ")
                    continue
                }
                kept.append(raw)
            }
            while kept.last?.isEmpty == true { kept.removeLast() }
        } else if let header {
            kept = header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let text = (kept + entries.map { line($0.key, $0.value) }).joined(separator: "\n") + "\n"
        try writePrivate(text, to: path)
    }

    static func writePrivate(_ text: String, to path: String) throws(SecretsError) {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let temp = (dir.isEmpty ? "." : dir) + "/." + (path as NSString).lastPathComponent + ".tmp-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw .writeFailed(path: path, message: "no se pudo crear \(temp)")
        }
        chmod(temp, 0o600)
        guard rename(temp, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temp)
            throw .writeFailed(path: path, message: message)
        }
    }
}
