/// The words after the command, consumed as options and positionals are read. Both `--name VALUE` and
/// `--name=VALUE` are accepted.
struct Arguments {
    private(set) var words: [String]
    let command: String

    init(_ words: [String], command: String) {
        self.words = words
        self.command = command
    }

    var isEmpty: Bool { words.isEmpty }

    /// True (and removed) when `name` is present.
    mutating func flag(_ name: String) -> Bool {
        guard let i = words.firstIndex(of: name) else { return false }
        words.remove(at: i)
        return true
    }

    /// The value of `--name`, removed with it; nil when absent.
    mutating func option(_ name: String) throws -> String? {
        if let i = words.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(words[i].dropFirst(name.count + 1))
            words.remove(at: i)
            return value
        }
        guard let i = words.firstIndex(of: name) else { return nil }
        guard i + 1 < words.count else { throw CLIError.usage("falta el valor de \(name)", command: command) }
        let value = words[i + 1]
        words.removeSubrange(i...(i + 1))
        return value
    }

    /// The next positional word, removed; nil when none is left. Options must be read first.
    mutating func positional() -> String? {
        guard let i = words.firstIndex(where: { !$0.hasPrefix("--") || $0 == "-" }) else { return nil }
        return words.remove(at: i)
    }

    mutating func requirePositional(_ what: String) throws -> String {
        guard let value = positional() else { throw CLIError.usage("falta \(what)", command: command) }
        return value
    }

    /// Refuses anything not consumed.
    func finish() throws {
        if let extra = words.first {
            throw CLIError.usage(extra.hasPrefix("-") ? "opción desconocida: \(extra)" : "argumento de más: \(extra)",
                                 command: command)
        }
    }
}
