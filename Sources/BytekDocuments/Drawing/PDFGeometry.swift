/// A page size in PostScript points (1/72 inch).
public struct PDFPageSize: Sendable, Hashable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO A4 portrait, 210 × 297 mm: 595.28 × 841.89 pt (what `pdfinfo` reports as "(A4)").
    public static let a4 = PDFPageSize(width: 595.28, height: 841.89)
}

/// Blank space kept around the content of every page, in points. The footer is drawn inside the
/// bottom margin, so `bottom` must leave room for it.
public struct PDFMargins: Sendable, Hashable {
    public var top: Double
    public var left: Double
    public var bottom: Double
    public var right: Double

    public init(top: Double, left: Double, bottom: Double, right: Double) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    /// 36 pt (12.7 mm) on the sides and top, 48 pt at the bottom for the footer.
    public static let standard = PDFMargins(top: 36, left: 40, bottom: 52, right: 40)
}

/// A rectangle in page coordinates: origin at the top-left corner, y grows downwards.
public struct PDFRect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}
