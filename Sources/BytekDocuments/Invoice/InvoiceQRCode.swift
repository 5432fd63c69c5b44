import CQREncode

/// A QR symbol made by libqrencode (byte mode, error correction level M, case-sensitive): `size` ×
/// `size` modules, row by row. The quiet zone is not included; whoever draws it leaves four
/// modules of blank paper around it.
public struct InvoiceQRCode: Sendable, Hashable {
    /// Modules per side.
    public let size: Int
    /// Row-major, true for a dark module.
    public let modules: [Bool]

    /// Encodes `text` (UTF-8). Throws `.qrCode` when libqrencode refuses it.
    public init(encoding text: String) throws(InvoicePDFError) {
        guard !text.isEmpty, let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw .qrCode
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { throw .qrCode }
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
        modules = (0..<(width * width)).map { data[$0] & 1 == 1 }
        size = width
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// Horizontal runs of dark modules: drawing one rectangle per run instead of per module keeps
    /// the PDF small and leaves no hairline seams inside a run when it is rasterised.
    public var runs: [(row: Int, column: Int, length: Int)] {
        var out: [(row: Int, column: Int, length: Int)] = []
        for r in 0..<size {
            var c = 0
            while c < size {
                guard isDark(row: r, column: c) else { c += 1; continue }
                let start = c
                while c < size && isDark(row: r, column: c) { c += 1 }
                out.append((r, start, c - start))
            }
        }
        return out
    }
}

extension PDFDocumentWriter {
    /// Draws `qr` as filled vector rectangles in a `side` × `side` square at (x, y). Vertically
    /// adjacent runs overlap by a hair so no light line shows between rows at any resolution.
    func draw(_ qr: InvoiceQRCode, x: Double, y: Double, side: Double) {
        let m = side / Double(max(qr.size, 1))
        let overlap = m * 0.02
        for run in qr.runs {
            let bottomRow = run.row == qr.size - 1
            fill(PDFRect(x: x + Double(run.column) * m, y: y + Double(run.row) * m, width: Double(run.length) * m,
                         height: m + (bottomRow ? 0 : overlap)), color: .black)
        }
    }
}
