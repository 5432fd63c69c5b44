import BytekModel
import Foundation

/// Turns what a user types in a filter box into search terms.
public enum TextSearch {
    /// The folded words of `text` (lower case, no accents), split on anything that is not a
    /// letter or a digit, as FTS5's unicode61 tokenizer splits them.
    public static func words(_ text: String) -> [String] {
        TextFold.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// An FTS5 MATCH expression that requires every word as a prefix: `"acme"* "lim"*`.
    /// Each word is quoted, so FTS syntax typed by the user (`"`, `*`, `NEAR`, `-`, `:`) is
    /// taken literally. Nil when there is nothing to search for.
    ///
    /// When the text has punctuation inside a word ("s.a.c", "coca-cola"), the words joined without
    /// it are an alternative: `("s"* "a"* "c"*) OR ("sac"*)`, so the query finds both the indexes
    /// that hold "S.A.C." as three tokens and those that also hold it joined (see `ftsIndexText`).
    public static func ftsPrefixQuery(_ text: String) -> String? {
        func terms(_ words: [String]) -> String {
            words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
        }
        let split = words(text)
        guard !split.isEmpty else { return nil }
        let joined = words(TextFold.joined(text))
        if joined.isEmpty || joined == split { return terms(split) }
        return "(" + terms(split) + ") OR (" + terms(joined) + ")"
    }

    /// SQL for the text a search index keeps of `column`: the text itself and, when it has
    /// `TextFold.joiningPunctuation` inside ("E.I.R.L."), the text without it too ("EIRL"), so
    /// "eirl" finds "Inversiones Titicaca E.I.R.L." and "sac" finds "S.A.C.". Plain SQL, so the
    /// triggers run the same in the sqlite3 shell.
    static func ftsIndexText(_ column: String) -> String {
        var stripped = column
        for p in TextFold.joiningPunctuation.sorted() {
            stripped = "replace(\(stripped), '\(p == "'" ? "''" : String(p))', '')"
        }
        return "(CASE WHEN \(stripped) = \(column) THEN \(column) ELSE \(column) || ' ' || \(stripped) END)"
    }
}
