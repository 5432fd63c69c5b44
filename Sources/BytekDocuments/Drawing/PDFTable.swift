/// How wide a table column is: a fixed width in points, or a share of what the fixed columns leave.
public enum PDFColumnWidth: Sendable, Hashable {
    case fixed(Double)
    case flexible(Double)
}

/// One column of a `PDFTable`: its header text, width and the alignment of its cells.
public struct PDFTableColumn: Sendable, Hashable {
    public var title: String
    public var width: PDFColumnWidth
    public var alignment: PDFTextAlignment

    public init(_ title: String, width: PDFColumnWidth, alignment: PDFTextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One row of a `PDFTable`.
public struct PDFTableRow: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// One text per column (missing trailing cells are blank).
        case cells([String])
        /// Bold cells under a stronger rule: a totals row.
        case strong([String])
        /// A shaded title across the whole width, e.g. "Productos"; kept on the page of the row after it.
        case banner(String)
        /// A bold label right-aligned across every column but the last, and a value in the last: subtotals.
        case summary(label: String, value: String)
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }
    public static func cells(_ cells: [String]) -> PDFTableRow { PDFTableRow(.cells(cells)) }
    public static func strong(_ cells: [String]) -> PDFTableRow { PDFTableRow(.strong(cells)) }
    public static func banner(_ title: String) -> PDFTableRow { PDFTableRow(.banner(title)) }
    public static func summary(_ label: String, _ value: String) -> PDFTableRow {
        PDFTableRow(.summary(label: label, value: value))
    }

    /// A banner must not be the last row of a page.
    public var keepWithNext: Bool {
        if case .banner = kind { return true }
        return false
    }
}

/// A table: columns, rows and styles. Pure data; `PDFDocumentWriter.draw(_:)` lays it out, wrapping
/// cell text and breaking across pages with the header row repeated on each.
public struct PDFTable: Sendable, Hashable {
    public var columns: [PDFTableColumn]
    public var rows: [PDFTableRow]
    public var bodyStyle: PDFTextStyle
    public var headerStyle: PDFTextStyle
    public var headerFill: PDFColor
    /// Shade every other body row.
    public var striped: Bool
    public var paddingX: Double
    public var paddingY: Double

    public init(columns: [PDFTableColumn], rows: [PDFTableRow], bodyStyle: PDFTextStyle = PDFTextStyle(size: 8.5),
                headerStyle: PDFTextStyle = PDFTextStyle(size: 8, bold: true, color: .white),
                headerFill: PDFColor = .accent, striped: Bool = false, paddingX: Double = 4, paddingY: Double = 3) {
        self.columns = columns
        self.rows = rows
        self.bodyStyle = bodyStyle
        self.headerStyle = headerStyle
        self.headerFill = headerFill
        self.striped = striped
        self.paddingX = paddingX
        self.paddingY = paddingY
    }
}
