import CSunatRules

/// EXSLT regexp:match as SUNAT's rules see it in this engine (PCRE2 with lxml's semantics: Python's
/// re.search, flag "i" case-insensitive, "g" findall). Exposed so tests can compare it with lxml.
public enum SunatRegexp {
    /// The <match> values the function returns: the whole match then each group ("" for a group that did
    /// not take part); with "g" what findall gives. Empty when nothing matches. Throws for a bad pattern.
    public static func match(_ subject: String, pattern: String, flags: String = "") throws(SunatRulesError) -> [String] {
        var out: UnsafeMutablePointer<CChar>?
        var outLength = 0
        var err = [CChar](repeating: 0, count: 512)
        let n = err.withUnsafeMutableBufferPointer { e in
            sunat_regexp_match(subject, pattern, flags, &out, &outLength, e.baseAddress, e.count)
        }
        guard n >= 0, let out else { throw .engine(SunatRules.string(err)) }
        defer { sunat_rules_free(out) }
        let bytes = UnsafeRawBufferPointer(start: out, count: outLength)
        var parts = bytes.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if parts.last == "" { parts.removeLast() }
        return Array(parts.prefix(Int(n)))
    }
}
