/// Keeps spreadsheets from running what a CSV cell says. Excel and LibreOffice treat a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (CSV injection); a leading apostrophe
/// makes them show it as text. Plain numbers ("-12.50", "3") are left alone so amounts and quantities,
/// negatives included, stay numbers. `unprotect` undoes `protect` exactly, so an export → import round
/// trip changes nothing: a value that already starts with apostrophes before such a character gets one
/// more, and import takes one away.
public enum CSVFormulaGuard {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as written to a file.
    public static func protect(_ field: String) -> String {
        guard startsDangerously(field), !isPlainNumber(field) else { return field }
        return "'" + field
    }

    /// The value of a cell read from a file.
    public static func unprotect(_ field: String) -> String {
        guard field.first == "'", startsDangerously(String(field.dropFirst())) else { return field }
        return String(field.dropFirst())
    }

    /// Starts with a formula character, after any apostrophes.
    static func startsDangerously(_ field: String) -> Bool {
        guard let first = field.first(where: { $0 != "'" }) else { return false }
        return triggers.contains(first)
    }

    /// "-1234.5", "7", "0,25": an optional minus, digits, and at most one decimal separator with digits.
    static func isPlainNumber(_ field: String) -> Bool {
        var rest = Substring(field)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let pieces = parts.count == 1 ? rest.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false) : parts
        guard !pieces.isEmpty, pieces.count <= 2 else { return false }
        return pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
