/// Why the managed block of an authorized_keys file could not be written.
public enum AuthorizedKeysError: Error, Equatable, Sendable {
    /// The BEGIN/END markers of this database are missing one of the pair, repeated or out of order.
    case damagedBlock(file: String)
    /// The key is already in the file outside the managed block (line number, 1-based): sshd would use
    /// that line first, without the forced command.
    case keyOutsideBlock(line: Int)
    /// A path in the forced command has a character authorized_keys cannot carry.
    case unsafePath(String)

    public var message: String {
        switch self {
        case .damagedBlock(let file):
            return "el bloque de bytek en \(file) está dañado (falta o sobra una línea «# BEGIN BYTEK»/«# END BYTEK»); corríjalo a mano antes de seguir"
        case .keyOutsideBlock(let line):
            return "esa clave ya está en authorized_keys fuera del bloque de bytek (línea \(line)); sshd usaría esa línea sin el comando forzado: quítela primero"
        case .unsafePath(let path):
            return "la ruta «\(SSHPublicKey.printable(path))» tiene comillas, barras invertidas o caracteres de control, que authorized_keys no admite"
        }
    }
}

/// The block of an authorized_keys file that `bytek ssh-keys` owns, one per database, between
/// `# BEGIN BYTEK db=PATH` and `# END BYTEK db=PATH`. Every line outside the block is kept byte for byte.
/// Each key line forces `bytek ssh-session LOGIN`: `restrict` turns off forwarding, the agent, X11 and the
/// pty; `pty` gives the terminal back for the TUI.
public enum AuthorizedKeysBlock {
    public static func beginMarker(database: String) -> String { "# BEGIN BYTEK db=\(database)" }
    public static func endMarker(database: String) -> String { "# END BYTEK db=\(database)" }
    static let notice = "# Bloque administrado por «bytek ssh-keys»: los cambios hechos a mano aquí se pierden."

    /// The forced command: `BINARY --db DATABASE ssh-session LOGIN`, each word quoted for the shell
    /// that sshd runs it with.
    public static func forcedCommand(binary: String, database: String, login: String) throws -> String {
        for path in [binary, database] where path.contains(where: { $0 == "\"" || $0 == "\\" })
            || path.unicodeScalars.contains(where: SSHPublicKey.isControl) {
            throw AuthorizedKeysError.unsafePath(path)
        }
        return [binary, "--db", database, "ssh-session", login].map(shellQuoted).joined(separator: " ")
    }

    /// One key line of the block.
    public static func keyLine(command: String, key: SSHPublicKey) -> String {
        "command=\"\(command)\",restrict,pty \(key.line)"
    }

    /// `word` as one shell word: unchanged when it only has safe characters, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+:@=,".contains($0)) }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `content` with this database's block holding exactly `lines` (appended at the end when the file
    /// had no block yet; an empty list removes the block). Refuses a damaged block.
    public static func replacing(in content: String, database: String, with lines: [String], file: String) throws -> String {
        var all = content.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endedWithNewline = content.hasSuffix("\n")
        if endedWithNewline { all.removeLast() }
        let begin = beginMarker(database: database), end = endMarker(database: database)
        let begins = all.indices.filter { all[$0] == begin }, ends = all.indices.filter { all[$0] == end }
        let block = lines.isEmpty ? [] : [begin, notice] + lines + [end]
        switch (begins.count, ends.count) {
        case (0, 0):
            if lines.isEmpty { return content }
            return content + (content.isEmpty || endedWithNewline ? "" : "\n") + block.joined(separator: "\n") + "\n"
        case (1, 1) where begins[0] < ends[0]:
            all.replaceSubrange(begins[0]...ends[0], with: block)
            if all.isEmpty { return "" }
            return all.joined(separator: "\n") + (endedWithNewline ? "\n" : "")
        default:
            throw AuthorizedKeysError.damagedBlock(file: file)
        }
    }

    /// The 1-based number of a line outside this database's block that holds `key` (its base64), if any.
    public static func lineOutsideBlock(holding key: SSHPublicKey, in content: String, database: String) -> Int? {
        var inside = false
        for (i, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line == beginMarker(database: database) { inside = true; continue }
            if line == endMarker(database: database) { inside = false; continue }
            if !inside, line.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains(where: { $0 == key.base64 }) {
                return i + 1
            }
        }
        return nil
    }
}
