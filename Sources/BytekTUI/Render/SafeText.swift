import Foundation

/// Text from the database is never written raw to the terminal: control characters
/// (C0, ESC, DEL, C1) become visible placeholders, so a customer named "\u{1B}]0;x\u{07}"
/// cannot move the cursor or retitle the terminal.
public enum SafeText {
    public static func sanitize(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars where isControl(u) { needs = true; break }
        guard needs else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isControl(u) ? placeholder(u) : u) }
        return String(out)
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || u.value == 0x7F || (u.value >= 0x80 && u.value < 0xA0)
    }

    /// ␀…␟ for C0 (␛ for ESC), ␡ for DEL, � for C1.
    static func placeholder(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if u.value < 0x20 { return Unicode.Scalar(0x2400 + u.value) ?? "?" }
        if u.value == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    /// Display width of a character: 2 for East Asian wide and fullwidth characters and the emoji drawn wide
    /// (`WideCharacters`, Unicode 15), else 1. A grapheme counts by its first scalar (a base with its marks).
    public static func width(_ c: Character) -> Int {
        guard let u = c.unicodeScalars.first else { return 1 }
        return WideCharacters.contains(u.value) ? 2 : 1
    }

    /// Display width of a string (printable ASCII: its length, without breaking it into characters).
    public static func width(_ s: String) -> Int {
        var ascii = true
        for b in s.utf8 where b < 0x20 || b >= 0x7F { ascii = false; break }
        if ascii { return s.utf8.count }
        return s.reduce(0) { $0 + width($1) }
    }

    /// Cuts `s` to at most `width` display cells, ending in "…" when cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if SafeText.width(s) <= width { return s }
        var out = ""
        var w = 0
        for c in s {
            let cw = SafeText.width(c)
            if w + cw > width - 1 { break }
            out.append(c); w += cw
        }
        return out + "…"
    }

    /// Like `truncate`, but cut between words: "U1 Propuesta enviada" in 17 cells is
    /// "U1 Propuesta…", not "U1 Propuesta envi…". A first word longer than `width` is cut like `truncate`.
    public static func truncateAtWord(_ s: String, to width: Int) -> String {
        let cut = truncate(s, to: width)
        guard cut.hasSuffix("…"), SafeText.width(s) > width else { return cut }
        let kept = cut.dropLast()
        func trimmedEnd(_ t: Substring) -> String { String(t[..<(t.lastIndex { !$0.isWhitespace }.map { t.index(after: $0) } ?? t.startIndex)]) }
        if s.dropFirst(kept.count).first?.isWhitespace ?? true { return trimmedEnd(kept) + "…" }
        guard let space = kept.lastIndex(where: \.isWhitespace), !trimmedEnd(kept[..<space]).isEmpty,
              kept[..<space].contains(where: { $0.isLetter || $0.isNumber }) else { return cut }
        return trimmedEnd(kept[..<space]) + "…"
    }

    /// Pads or cuts to exactly `width` cells, aligned left or right.
    public static func fit(_ s: String, _ width: Int, alignRight: Bool = false) -> String {
        let t = truncate(s, to: width)
        let pad = String(repeating: " ", count: max(0, width - SafeText.width(t)))
        return alignRight ? pad + t : t + pad
    }
}
