/// An RGB colour with components in 0...1.
public struct PDFColor: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255)
    }

    public static let black = PDFColor(hex: 0x000000)
    public static let white = PDFColor(hex: 0xFFFFFF)
    /// Body text: near-black reads softer on paper than pure black.
    public static let text = PDFColor(hex: 0x1F2328)
    /// Secondary text (labels, footers).
    public static let muted = PDFColor(hex: 0x5B6470)
    /// Hairlines and table borders.
    public static let rule = PDFColor(hex: 0xC5CBD3)
    /// BYTEK's brand blue, for titles and header rows.
    public static let accent = PDFColor(hex: 0x0B3D6E)
    /// Light fill for section rows and zebra stripes.
    public static let shade = PDFColor(hex: 0xEEF2F7)
    /// The red of a document that is not valid (rejected, pending): its banner and watermark.
    public static let warning = PDFColor(hex: 0xB42318)
}
