/// Accent- and case-insensitive search keys: "Núñez" → "nunez".
public enum TextFold {
    public static func fold(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            if let mapped = table[scalar] { out.append(mapped) }
            else if scalar.value < 128 { out.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar) }
            else { out += scalar.properties.lowercaseMapping }
        }
        return out
    }

    /// Punctuation written inside words of company names and codes: "E.I.R.L.", "S.A.C.",
    /// "Coca-Cola", "D'Onofrio". Search removes it to join the pieces ("eirl", "sac", "cocacola").
    public static let joiningPunctuation: Set<Character> = [".", "-", "'", "’"]

    /// `s` without `joiningPunctuation`: "E.I.R.L." → "EIRL".
    public static func joined(_ s: String) -> String { s.filter { !joiningPunctuation.contains($0) } }

    private static let table: [Unicode.Scalar: String] = {
        var t: [Unicode.Scalar: String] = [:]
        let pairs: [(String, String)] = [
            ("áàäâãå", "a"), ("ÁÀÄÂÃÅ", "a"), ("éèëê", "e"), ("ÉÈËÊ", "e"), ("íìïî", "i"), ("ÍÌÏÎ", "i"),
            ("óòöôõ", "o"), ("ÓÒÖÔÕ", "o"), ("úùüû", "u"), ("ÚÙÜÛ", "u"), ("ñ", "n"), ("Ñ", "n"), ("çÇ", "c"),
        ]
        for (chars, base) in pairs { for c in chars.unicodeScalars { t[c] = base } }
        return t
    }()
}
