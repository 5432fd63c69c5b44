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

    /// Display width of a character: 2 for East Asian wide characters and most emoji, else 1.
    public static func width(_ c: Character) -> Int {
        guard let u = c.unicodeScalars.first else { return 1 }
        let v = u.value
        if v < 0x1100 { return 1 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Display width of a string.
    public static func width(_ s: String) -> Int { s.reduce(0) { $0 + width($1) } }

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
