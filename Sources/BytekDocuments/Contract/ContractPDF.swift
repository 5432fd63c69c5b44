import BytekModel

/// Draws a filled-in contract as an A4 PDF: centred title, numbered clauses, justified paragraphs,
/// lists, the milestones table and signature boxes; every footer carries the contract and quote
/// references, the SHA-256 of the scope and "Página N de M".
public enum ContractPDF {
    /// Fills `template` from `contract` and writes the PDF; returns the page count.
    /// Throws `ContractTemplateError` (e.g. an unknown placeholder) before writing anything, or `PDFError`.
    @discardableResult
    public static func render(_ contract: ContractDocument, template: ContractTemplate, to path: String) throws -> Int {
        let blocks = try template.render(values: contract.placeholderValues)
        return try render(blocks: blocks, contract: contract, to: path)
    }

    /// Writes already filled-in blocks.
    @discardableResult
    public static func render(blocks: [ContractBlock], contract: ContractDocument, to path: String) throws(PDFError) -> Int {
        let title = blocks.compactMap { if case .title(let t) = $0 { return t } else { return nil } }.first ?? "Contrato"
        let metadata = PDFMetadata(title: "\(title) \(contract.number)", author: contract.company.legalName,
                                   subject: "Cotización \(contract.quoteNumber) v\(contract.quoteVersion)")
        let left = "Contrato \(contract.number) · Cotización \(contract.quoteNumber) v\(contract.quoteVersion)\n"
            + "SHA-256 del alcance: \(contract.scopeHash)"
        return try PDFDocumentWriter.render(
            to: path, metadata: metadata,
            footer: { page, total in PDFFooter(left: left, right: PDFFooter.pageLabel(page, of: total)) },
            body: { draw(blocks, contract: contract, on: $0) })
    }

    static func draw(_ blocks: [ContractBlock], contract: ContractDocument, on w: PDFDocumentWriter) {
        let body = PDFTextStyle(size: 9.5, alignment: .justified, lineSpacing: 1.5)
        if let logo = w.image(atPath: contract.company.logoPath,
                              in: PDFRect(x: w.contentLeft, y: w.cursorY, width: 90, height: 36)) {
            w.cursorY = logo.maxY + 8
        }
        var previous: ContractBlock?
        for block in blocks {
            defer { previous = block }
            if case .listItem = previous {
                if case .listItem = block {} else { w.cursorY += 4 }
            }
            switch block {
            case .title(let t):
                w.cursorY += 6
                w.flowText(t, style: PDFTextStyle(size: 13, bold: true, color: .accent, alignment: .center))
                w.flowText("N.º \(contract.number)", style: PDFTextStyle(size: 9, color: .muted, alignment: .center),
                           spaceAfter: 14)
            case .heading(let t):
                let style = PDFTextStyle(size: 10, bold: true, color: .accent)
                w.cursorY += 4
                w.ensureSpace(w.measure(t, width: w.contentWidth, style: style) + 36)
                w.flowText(t, style: style, spaceAfter: 4)
            case .subheading(let t):
                let style = PDFTextStyle(size: 9.5, bold: true)
                w.ensureSpace(w.measure(t, width: w.contentWidth, style: style) + 30)
                w.flowText(t, style: style, spaceAfter: 3)
            case .paragraph(let t):
                w.flowText(t, style: body, spaceAfter: 6)
            case .listItem(let t):
                let indent = 14.0
                let h = w.measure(t, width: w.contentWidth - indent, style: body)
                if h < 60 { w.ensureSpace(h) }
                w.text("•", x: w.contentLeft + 4, y: w.cursorY, width: 10, style: body.with(alignment: .left))
                w.flowText(t, x: w.contentLeft + indent, width: w.contentWidth - indent, style: body, spaceAfter: 3)
            case .milestones(let ms, let currency):
                w.cursorY += 2
                w.draw(DocumentMilestone.table(ms, currency: currency))
                w.cursorY += 8
            case .signatures(let boxes):
                w.cursorY += 6
                w.signatures(boxes, space: 56)
                w.cursorY += 8
            }
        }
    }
}
