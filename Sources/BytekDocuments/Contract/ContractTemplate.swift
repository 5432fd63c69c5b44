import BytekModel
import Foundation

/// A contract template: plain text with `{{placeholders}}`, "# " headings (the first is the
/// title), "## " subheadings, "- " list items, and paragraphs separated by blank lines
/// (consecutive lines join into one paragraph). A placeholder alone on its line that stands for a
/// list, the milestones table or a signature becomes that block.
///
/// Filling in never leaves a placeholder silently empty: a name the values do not provide is an
/// error that names it.
public struct ContractTemplate: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The placeholder names the template uses, in order of first use.
    public func placeholders() throws(ContractTemplateError) -> [String] {
        var seen: [String] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for piece in try Self.tokenize(String(line), line: i + 1) {
                if case .placeholder(let name) = piece, !seen.contains(name) { seen.append(name) }
            }
        }
        return seen
    }

    /// The contract as blocks, every placeholder replaced from `values`.
    public func render(values: [String: ContractValue]) throws(ContractTemplateError) -> [ContractBlock] {
        var blocks: [ContractBlock] = []
        var paragraph: [String] = []
        var hasTitle = false
        func endParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            paragraph = []
        }
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = i + 1
            if line.isEmpty {
                endParagraph()
                continue
            }
            let pieces = try Self.tokenize(line, line: number)
            if pieces.count == 1, case .placeholder(let name) = pieces[0] {
                guard let value = values[name] else { throw .unknownPlaceholder(name, line: number) }
                switch value {
                case .list(let items):
                    endParagraph()
                    blocks += items.map { .listItem($0) }
                    continue
                case .milestones(let ms, let currency):
                    endParagraph()
                    blocks.append(.milestones(ms, currency))
                    continue
                case .signature(let lines):
                    endParagraph()
                    if case .signatures(let boxes) = blocks.last {
                        blocks[blocks.count - 1] = .signatures(boxes + [lines])
                    } else {
                        blocks.append(.signatures([lines]))
                    }
                    continue
                case .text:
                    break
                }
            }
            let filled = try Self.fill(pieces, values: values, line: number)
            if line.hasPrefix("## ") {
                endParagraph()
                blocks.append(.subheading(String(filled.dropFirst(3)).trimmingCharacters(in: .whitespaces)))
            } else if line.hasPrefix("# ") {
                endParagraph()
                let heading = String(filled.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                blocks.append(hasTitle ? .heading(heading) : .title(heading))
                hasTitle = true
            } else if line.hasPrefix("- ") {
                endParagraph()
                blocks.append(.listItem(String(filled.dropFirst(2)).trimmingCharacters(in: .whitespaces)))
            } else {
                paragraph.append(filled)
            }
        }
        endParagraph()
        return blocks
    }

    // MARK: placeholders

    enum Piece: Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// Splits a line into literal text and `{{name}}` placeholders (names trimmed).
    static func tokenize(_ line: String, line number: Int) throws(ContractTemplateError) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(line)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw .unclosedPlaceholder(line: number) }
            pieces.append(.placeholder(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }

    static func fill(_ pieces: [Piece], values: [String: ContractValue], line: Int) throws(ContractTemplateError) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let s): out += s
            case .placeholder(let name):
                guard let value = values[name] else { throw .unknownPlaceholder(name, line: line) }
                out += value.inlineText
            }
        }
        return out
    }

    // MARK: files

    /// The file name of a unit's template in the templates folder: "contrato-u2.txt".
    public static func fileName(for unit: BusinessUnit) -> String { "contrato-\(unit.code.lowercased()).txt" }

    /// The unit's template from `folder`; on first use the default is written there as an
    /// editable file (and the folder created), so later edits by the user are what gets used.
    public static func load(for unit: BusinessUnit, folder: String) throws(ContractTemplateError) -> ContractTemplate {
        let path = folder + "/" + fileName(for: unit)
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            let standard = ContractTemplate.standard(for: unit)
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(standard.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                throw .file(path: path, reason: error.localizedDescription)
            }
            return standard
        }
        guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .file(path: path, reason: "no se pudo leer como texto UTF-8")
        }
        return ContractTemplate(name: "Contrato \(unit.label)", text: text)
    }
}
