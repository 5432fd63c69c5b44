import BytekModel

/// What a placeholder stands for. Text goes inline; the other kinds become blocks of their own
/// when the placeholder is alone on its line, and a short text form when used inside a sentence.
public enum ContractValue: Sendable, Hashable {
    case text(String)
    /// A bulleted list ({{alcance}}).
    case list([String])
    /// The milestones table ({{hitos}}).
    case milestones([DocumentMilestone], Currency)
    /// A signature box: its lines under the signing line ({{firma_empresa}}, {{firma_cliente}}).
    case signature([String])

    /// The form used inside a sentence.
    var inlineText: String {
        switch self {
        case .text(let s): return s
        case .list(let items): return items.joined(separator: "; ")
        case .milestones(let ms, _):
            return ms.map { "\($0.name) \(DocumentFormat.percent($0.percent)) (\($0.amount.formatted))" }.joined(separator: ", ")
        case .signature(let lines): return lines.first ?? ""
        }
    }
}

/// A filled-in contract, block by block, ready to draw.
public enum ContractBlock: Sendable, Hashable {
    /// The first "# " heading: the contract's title.
    case title(String)
    /// Further "# " headings: clauses.
    case heading(String)
    /// "## " headings.
    case subheading(String)
    case paragraph(String)
    /// "- " lines and the items of a list placeholder.
    case listItem(String)
    case milestones([DocumentMilestone], Currency)
    /// Signature boxes side by side (consecutive signature placeholders join one row).
    case signatures([[String]])
}
