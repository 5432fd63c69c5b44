/// The string catalog: every text a user reads, in Spanish (es-PE) and English.
/// `Strings(language:)` picks one; `s["clave"]` returns the text, or the key itself when missing
/// (a test checks that every key has both languages).
public struct Strings: Sendable {
    public enum Language: String, Sendable { case es, en }
    public let language: Language

    public init(language: Language) { self.language = language }

    /// `BYTEK_LANG=en` selects English; anything else, Spanish.
    public init(environment: [String: String]) {
        language = environment["BYTEK_LANG"]?.lowercased().hasPrefix("en") == true ? .en : .es
    }

    public subscript(_ key: String) -> String {
        guard let pair = StringCatalog.all[key] else { return key }
        return language == .es ? pair.es : pair.en
    }

    /// A text with `{0}`, `{1}`… replaced by `args`.
    public func format(_ key: String, _ args: String...) -> String {
        var s = self[key]
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            result += rest[..<r.lowerBound]
            result += replacement
            rest = rest[r.upperBound...]
        }
        result += rest
        return result
    }
}

extension Substring {
    fileprivate func range(of target: String) -> Range<Substring.Index>? {
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) { return i..<index(i, offsetBy: target.count) }
            i = index(after: i)
        }
        return nil
    }
}
