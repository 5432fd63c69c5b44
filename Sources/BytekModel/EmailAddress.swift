/// A light check of e-mail syntax: one `@`, a local part, a dotted domain, no spaces.
/// It catches typing mistakes; it does not try to implement RFC 5322.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace || $0.isNewline }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            return false
        }
        let allowed: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" }
        return domain.allSatisfy { allowed($0) || $0 == "." } && (labels.last?.count ?? 0) >= 2
    }
}
