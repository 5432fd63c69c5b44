extension PDFDocumentWriter {
    /// The header of a commercial document at the cursor: the company's letterhead on the left and, on the
    /// right, the box every Peruvian document carries — "R.U.C.", the document's name on a band, then
    /// `lines` (each with its style, centred). The cursor ends 14 points below the taller of the two.
    func companyHeader(_ company: CompanyInfo, title: String, titleSize: Double, lines: [(String, PDFTextStyle)]) {
        let top = cursorY
        let boxWidth = 176.0
        let boxX = contentRight - boxWidth
        let contact = [company.phone.isEmpty ? "" : "Tel. " + company.phone, company.email, company.website]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        let leftBottom = letterhead(name: company.displayName, legalName: company.tradeName.isEmpty ? nil : company.legalName,
                                    lines: [company.address, contact], logoPath: company.logoPath, logoWidth: 120,
                                    textRight: boxX - 14)
        let pad = 6.0
        var by = top + pad
        let center = Self.headerStyle
        by += text("R.U.C. \(company.ruc)", x: boxX, y: by, width: boxWidth, style: center) + 4
        let bandHeight = measure(title, width: boxWidth, style: center.with(size: titleSize)) + 6
        fill(PDFRect(x: boxX, y: by, width: boxWidth, height: bandHeight), color: .accent)
        text(title, x: boxX, y: by + 3, width: boxWidth, style: center.with(size: titleSize, color: .white))
        by += bandHeight + 4
        for (line, style) in lines { by += text(line, x: boxX, y: by, width: boxWidth, style: style) }
        by += pad
        stroke(PDFRect(x: boxX, y: top, width: boxWidth, height: by - top), width: 1.2, color: .accent)
        cursorY = max(leftBottom, by) + 14
    }

    /// The centred bold style of the header box; its lines take it `with(...)` changes.
    static let headerStyle = PDFTextStyle(size: 10, bold: true, alignment: .center)
}
