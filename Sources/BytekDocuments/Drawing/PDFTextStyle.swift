/// How lines of a text block sit within its width.
public enum PDFTextAlignment: Sendable, Hashable {
    case left, center, right
    /// Left-aligned with both edges flush except the last line of a paragraph (contracts).
    case justified
}

/// Font, size, weight and colour of a block of text. The family must be one registered by
/// `PDFFonts` (Liberation Sans by default) so the PDF embeds it rather than a system fallback.
public struct PDFTextStyle: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool
    public var color: PDFColor
    public var alignment: PDFTextAlignment
    /// Extra space between lines, in points (pango's spacing).
    public var lineSpacing: Double

    public init(family: String = PDFFonts.sans, size: Double = 9, bold: Bool = false, italic: Bool = false,
                color: PDFColor = .text, alignment: PDFTextAlignment = .left, lineSpacing: Double = 0) {
        self.family = family
        self.size = size
        self.bold = bold
        self.italic = italic
        self.color = color
        self.alignment = alignment
        self.lineSpacing = lineSpacing
    }

    /// The same style with another size, weight, colour or alignment.
    public func with(size: Double? = nil, bold: Bool? = nil, italic: Bool? = nil, color: PDFColor? = nil,
                     alignment: PDFTextAlignment? = nil) -> PDFTextStyle {
        var s = self
        if let size { s.size = size }
        if let bold { s.bold = bold }
        if let italic { s.italic = italic }
        if let color { s.color = color }
        if let alignment { s.alignment = alignment }
        return s
    }

    /// 9 pt regular body text.
    public static let body = PDFTextStyle()
}
