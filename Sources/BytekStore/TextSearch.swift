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
    public static func ftsPrefixQuery(_ text: String) -> String? {
        let terms = words(text).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}
