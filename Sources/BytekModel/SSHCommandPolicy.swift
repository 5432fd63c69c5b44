/// Why a command sent over SSH (`SSH_ORIGINAL_COMMAND`) is not run.
public enum SSHCommandRefusal: Error, Equatable, Sendable {
    /// The client tried to choose the user or the database (`--user`, `--db`, `BYTEK_USER=`…).
    case identityOverride(String)
    /// Anything outside the allow-list; carries what was sent, for the message.
    case notAllowed(String)
}

/// The short allow-list of read-only commands a forced SSH session may run, parsed without a shell:
/// the text is split on spaces and each word must be plain (letters, digits, `.`, `_`, `-`), so quotes,
/// `;`, `|`, `$`, redirections and globbing never reach anything.
///
///     bytek | [bytek] tui                             (the TUI, as with no command)
///     [bytek] help
///     [bytek] invoice list [--status ESTADO] [--limit N]
///     [bytek] invoice show SERIE-NÚMERO
///     [bytek] invoice pdf SERIE-NÚMERO [--ticket]     (the PDF on standard output)
///     [bytek] quote list [--state ESTADO] [--unit U1|U2|U3]
///     [bytek] quote show NÚMERO [--version N]
///     [bytek] quote pdf NÚMERO [--version N]          (the PDF on standard output)
public enum SSHCommandPolicy {
    public static let maximumLength = 500

    /// The words that make up the allow-list, one usage line each (for `help` over SSH).
    public static let usage = [
        "tui", "help", "invoice list [--status ESTADO] [--limit N]", "invoice show SERIE-NÚMERO",
        "invoice pdf SERIE-NÚMERO [--ticket]", "quote list [--state ESTADO] [--unit U1|U2|U3]",
        "quote show NÚMERO [--version N]", "quote pdf NÚMERO [--version N]",
    ]

    /// The `bytek` arguments to run for `original`, or why not. PDFs always go to standard output (`-o -`);
    /// `["tui"]` means the terminal UI.
    public static func arguments(for original: String) throws -> [String] {
        let shown = String(SSHPublicKey.printable(original).prefix(120))
        for word in ["--user", "--db", "BYTEK_USER", "BYTEK_DB"] where original.contains(word) {
            throw SSHCommandRefusal.identityOverride(word)
        }
        guard original.count <= maximumLength else { throw SSHCommandRefusal.notAllowed(shown) }
        var words = original.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.allSatisfy(isPlainWord) else { throw SSHCommandRefusal.notAllowed(shown) }
        if words.first == "bytek" {
            words.removeFirst()
            if words.isEmpty { return ["tui"] }
        }
        if words == ["tui"] { return ["tui"] }
        guard let parsed = parse(words) else { throw SSHCommandRefusal.notAllowed(shown) }
        return parsed
    }

    static func isPlainWord(_ word: String) -> Bool {
        word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
    }

    private static func parse(_ words: [String]) -> [String]? {
        guard words.count >= 1 else { return nil }
        let rest = Array(words.dropFirst())
        switch words[0] {
        case "help", "--help":
            return rest.isEmpty ? ["help"] : nil
        case "invoice", "quote":
            guard let sub = rest.first else { return nil }
            let tail = Array(rest.dropFirst())
            switch (words[0], sub) {
            case ("invoice", "list"): return options(tail, valued: ["--status", "--limit"]).map { ["invoice", "list"] + $0 }
            case ("quote", "list"): return options(tail, valued: ["--state", "--unit"]).map { ["quote", "list"] + $0 }
            case ("invoice", "show"), ("quote", "show"), ("invoice", "pdf"), ("quote", "pdf"):
                guard let id = tail.first, !id.hasPrefix("-") else { return nil }
                let flags: Set<String> = words[0] == "invoice" && sub == "pdf" ? ["--ticket"] : []
                let valued: Set<String> = words[0] == "quote" ? ["--version"] : []
                guard let opts = options(Array(tail.dropFirst()), valued: valued, flags: flags) else { return nil }
                return [words[0], sub, id] + opts + (sub == "pdf" ? ["-o", "-"] : [])
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `words` when each is one of `flags` or one of `valued` followed by a plain value; nil otherwise.
    private static func options(_ words: [String], valued: Set<String>, flags: Set<String> = []) -> [String]? {
        var i = 0
        while i < words.count {
            if flags.contains(words[i]) { i += 1; continue }
            guard valued.contains(words[i]), i + 1 < words.count, !words[i + 1].hasPrefix("-") else { return nil }
            i += 2
        }
        return words
    }
}
