import CPangoCairo
import Foundation

/// Draws pages of a PDF with cairo and pango: text that wraps to a width, rules, filled boxes,
/// PNG images and tables (see `draw(_:)` in PDFTableRenderer.swift), with a flowing cursor that
/// breaks pages.
///
/// Coordinates are points, origin at the top-left of the page. Fonts come from fontconfig, and
/// `PDFFonts` registers the Liberation Sans faces first, so every face used is embedded.
///
/// "Página N de M" needs M before page 1 is finished, and a cairo PDF surface cannot go back to
/// a page. So `render` lays the document out twice: a counting pass on a PDF surface with no
/// output file, then the drawing pass with the page total known. Layout is deterministic (same
/// fonts, same surface type, same measures), so both passes break pages at the same places;
/// `render` checks that they did.
///
/// A writer owns its cairo surface, context, pango layout and font descriptions and frees them
/// when it is released. It is not thread-safe: one document, one thread.
public final class PDFDocumentWriter {
    public let pageSize: PDFPageSize
    public let margins: PDFMargins
    /// The page being drawn, from 1.
    public private(set) var pageNumber = 1
    /// The page total: 0 during the counting pass, the real count during the drawing pass.
    public let totalPages: Int
    /// Where the next block goes (top edge, in points from the top of the page).
    public var cursorY: Double
    /// Space kept at the top of every page after the first for `onNewPage` to draw a running header.
    public var runningHeaderHeight: Double = 0
    /// Called at the top of each new page (not the first), with the cursor at the top margin.
    public var onNewPage: ((PDFDocumentWriter) -> Void)?
    /// Words drawn diagonally across every page, in translucent red over the content (a document
    /// that is not valid: "RECHAZADO — sin validez tributaria"); nil draws nothing.
    public var watermark: String?

    private let footer: (Int, Int) -> PDFFooter?
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let layout: OpaquePointer
    private var fonts: [FontKey: OpaquePointer] = [:]
    private let scale = Double(cp_pango_scale())
    private var finished = false

    private struct FontKey: Hashable {
        var family: String
        var size: Double
        var bold: Bool
        var italic: Bool
    }

    /// Lays out `body` twice (see the type's comment) and writes the PDF to `path`. Returns the
    /// page count. `footer` gives the text for page N of M (nil: no footer).
    @discardableResult
    public static func render(to path: String, metadata: PDFMetadata, pageSize: PDFPageSize = .a4,
                              margins: PDFMargins = .standard,
                              footer: @escaping (_ page: Int, _ total: Int) -> PDFFooter?,
                              body: (PDFDocumentWriter) -> Void) throws(PDFError) -> Int {
        let counting = try PDFDocumentWriter(path: nil, metadata: metadata, pageSize: pageSize, margins: margins,
                                             totalPages: 0, footer: footer)
        body(counting)
        let counted = try counting.finish()
        let writer = try PDFDocumentWriter(path: path, metadata: metadata, pageSize: pageSize, margins: margins,
                                           totalPages: counted, footer: footer)
        body(writer)
        let drawn = try writer.finish()
        guard drawn == counted else { throw .unstableLayout(counted: counted, drawn: drawn) }
        return drawn
    }

    /// A writer on a new PDF surface; `path` nil writes nothing (used to count pages).
    public init(path: String?, metadata: PDFMetadata, pageSize: PDFPageSize = .a4, margins: PDFMargins = .standard,
                totalPages: Int = 0, footer: @escaping (Int, Int) -> PDFFooter? = { _, _ in nil }) throws(PDFError) {
        try PDFFonts.ensureRegistered()
        guard let surface = cairo_pdf_surface_create(path, pageSize.width, pageSize.height) else {
            throw .cairo("cairo_pdf_surface_create")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            let reason = String(cString: cairo_status_to_string(status))
            cairo_surface_destroy(surface)
            throw .cairo(path.map { "\($0): \(reason)" } ?? reason)
        }
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .cairo("cairo_create")
        }
        guard let layout = pango_cairo_create_layout(cr) else {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            throw .cairo("pango_cairo_create_layout")
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        if !metadata.subject.isEmpty {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        }
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        self.surface = surface
        self.cr = cr
        self.layout = layout
        self.pageSize = pageSize
        self.margins = margins
        self.totalPages = totalPages
        self.footer = footer
        self.cursorY = margins.top
    }

    deinit {
        for desc in fonts.values { pango_font_description_free(desc) }
        cp_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cr)
        if !finished { cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
    }

    // MARK: page geometry

    public var contentLeft: Double { margins.left }
    public var contentRight: Double { pageSize.width - margins.right }
    public var contentWidth: Double { contentRight - contentLeft }
    public var contentTop: Double { margins.top }
    public var contentBottom: Double { pageSize.height - margins.bottom }
    /// Space left on this page below the cursor.
    public var remainingHeight: Double { contentBottom - cursorY }
    /// Space a new page offers below its running header.
    public var freshPageHeight: Double { contentBottom - contentTop - runningHeaderHeight }

    // MARK: pages

    /// Ends the page (drawing its footer) and starts the next; the cursor goes to its top.
    public func newPage() {
        drawFooter()
        cairo_show_page(cr)
        pageNumber += 1
        cursorY = contentTop
        if let onNewPage { onNewPage(self) }
        cursorY = contentTop + runningHeaderHeight
    }

    /// Starts a new page unless `height` fits below the cursor. Returns true when it broke the page.
    @discardableResult
    public func ensureSpace(_ height: Double) -> Bool {
        guard cursorY + height > contentBottom, cursorY > contentTop + runningHeaderHeight else { return false }
        newPage()
        return true
    }

    /// Ends the document: draws the last footer and flushes the file. Returns the page count.
    public func finish() throws(PDFError) -> Int {
        guard !finished else { return pageNumber }
        drawFooter()
        cairo_surface_finish(surface)
        finished = true
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
        return pageNumber
    }

    /// The watermark across the page: centred, along the diagonal, as wide as the page allows.
    private func drawWatermark() {
        guard let mark = watermark, !mark.isEmpty else { return }
        let diagonal = (pageSize.width * pageSize.width + pageSize.height * pageSize.height).squareRoot()
        let width = diagonal * 0.8
        var style = PDFTextStyle(size: 44, bold: true, alignment: .center)
        // Smaller type until the words fit on one line of the diagonal.
        while style.size > 10, naturalWidth(mark, style: style) > width { style = style.with(size: style.size - 2) }
        let height = prepare(mark, width: width, style: style)
        cairo_save(cr)
        cairo_translate(cr, pageSize.width / 2, pageSize.height / 2)
        cairo_rotate(cr, -atan2(pageSize.height, pageSize.width))
        cairo_set_source_rgba(cr, PDFColor.warning.red, PDFColor.warning.green, PDFColor.warning.blue, 0.28)
        cairo_move_to(cr, -width / 2, -height / 2)
        pango_cairo_show_layout(cr, layout)
        cairo_restore(cr)
    }

    private func drawFooter() {
        drawWatermark()
        guard let content = footer(pageNumber, totalPages) else { return }
        let y = contentBottom + 16
        hline(from: contentLeft, to: contentRight, y: y - 5, width: 0.5, color: .rule)
        let style = PDFTextStyle(size: 7, color: .muted)
        text(content.right, x: contentRight - 110, y: y, width: 110, style: style.with(alignment: .right))
        text(content.left, x: contentLeft, y: y, width: contentWidth - 120, style: style)
    }

    // MARK: text

    /// Draws `string` wrapped to `width` with its top-left at (x, y); returns the height used.
    @discardableResult
    public func text(_ string: String, x: Double, y: Double, width: Double, style: PDFTextStyle) -> Double {
        let height = prepare(string, width: width, style: style)
        setColor(style.color)
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
        return height
    }

    /// The height `string` takes wrapped to `width`, without drawing it.
    public func measure(_ string: String, width: Double, style: PDFTextStyle) -> Double {
        prepare(string, width: width, style: style)
    }

    /// The natural width of `string` on one line.
    public func naturalWidth(_ string: String, style: PDFTextStyle) -> Double {
        apply(style)
        pango_layout_set_width(layout, -1)
        pango_layout_set_text(layout, string, -1)
        var w: Int32 = 0
        var h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(w) / scale
    }

    /// Text at the cursor, across `width` from `x` (default: the content width), breaking pages
    /// between lines when it does not fit; the cursor ends below it plus `spaceAfter`.
    public func flowText(_ string: String, x: Double? = nil, width: Double? = nil, style: PDFTextStyle,
                         spaceAfter: Double = 0) {
        let x = x ?? contentLeft
        let width = width ?? contentWidth
        let height = prepare(string, width: width, style: style)
        if cursorY + height <= contentBottom {
            setColor(style.color)
            cairo_move_to(cr, x, cursorY)
            pango_cairo_show_layout(cr, layout)
            cursorY += height + spaceAfter
            return
        }
        let lines = lineExtents()
        var first = 0
        while first < lines.count {
            // Lines first..<last fit in the space below the cursor.
            let offset = lines[first].top
            var last = first
            while last < lines.count && lines[last].bottom - offset <= contentBottom - cursorY { last += 1 }
            if last == first {
                if cursorY > contentTop + runningHeaderHeight {
                    newPage()
                    _ = prepare(string, width: width, style: style)
                    continue
                }
                last = first + 1  // a line taller than a page: draw it anyway
            }
            let shown = lines[last - 1].bottom - offset
            cairo_save(cr)
            cairo_rectangle(cr, x - 2, cursorY, width + 4, shown)
            cairo_clip(cr)
            setColor(style.color)
            cairo_move_to(cr, x, cursorY - offset)
            pango_cairo_show_layout(cr, layout)
            cairo_restore(cr)
            cursorY += shown
            first = last
            if first < lines.count {
                newPage()
                _ = prepare(string, width: width, style: style)
            }
        }
        cursorY += spaceAfter
    }

    private func lineExtents() -> [(top: Double, bottom: Double)] {
        let count = Int(pango_layout_get_line_count(layout))
        guard count > 0 else { return [] }
        var tops = [Double](repeating: 0, count: count)
        var bottoms = [Double](repeating: 0, count: count)
        let n = Int(cp_layout_line_extents(layout, &tops, &bottoms, Int32(count)))
        return (0..<min(n, count)).map { (tops[$0], bottoms[$0]) }
    }

    @discardableResult
    private func prepare(_ string: String, width: Double, style: PDFTextStyle) -> Double {
        apply(style)
        pango_layout_set_width(layout, Int32(max(1, width) * scale))
        pango_layout_set_text(layout, string, -1)
        var w: Int32 = 0
        var h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(h) / scale
    }

    private func apply(_ style: PDFTextStyle) {
        pango_layout_set_font_description(layout, font(for: style))
        switch style.alignment {
        case .left, .justified: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_justify(layout, style.alignment == .justified ? 1 : 0)
        pango_layout_set_spacing(layout, Int32(style.lineSpacing * scale))
    }

    private func font(for style: PDFTextStyle) -> OpaquePointer? {
        let key = FontKey(family: style.family, size: style.size, bold: style.bold, italic: style.italic)
        if let desc = fonts[key] { return desc }
        guard let desc = pango_font_description_new() else { return nil }
        pango_font_description_set_family(desc, style.family)
        // Absolute size is in cairo user units (points); set_size would go through pango's 96 dpi.
        pango_font_description_set_absolute_size(desc, style.size * scale)
        pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(desc, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        fonts[key] = desc
        return desc
    }

    // MARK: shapes and images

    /// A horizontal line from x1 to x2 at height y.
    public func hline(from x1: Double, to x2: Double, y: Double, width: Double = 0.5, color: PDFColor = .rule) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, x1, y)
        cairo_line_to(cr, x2, y)
        cairo_stroke(cr)
    }

    /// A vertical line from y1 to y2 at x.
    public func vline(x: Double, from y1: Double, to y2: Double, width: Double = 0.5, color: PDFColor = .rule) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, x, y1)
        cairo_line_to(cr, x, y2)
        cairo_stroke(cr)
    }

    /// A horizontal rule across the content width at the cursor; advances the cursor by `spacing` on each side.
    public func rule(spacing: Double = 6, width: Double = 0.5, color: PDFColor = .rule) {
        cursorY += spacing
        hline(from: contentLeft, to: contentRight, y: cursorY, width: width, color: color)
        cursorY += spacing
    }

    public func fill(_ rect: PDFRect, color: PDFColor) {
        setColor(color)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    public func stroke(_ rect: PDFRect, width: Double = 0.5, color: PDFColor = .rule) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(cr)
    }

    /// Draws the PNG at `path` scaled to fit `box` (aspect kept, top-left aligned, never enlarged
    /// past 1 px = 1 pt × `maxUpscale`). Returns the rectangle used, or nil when the file is missing
    /// or not a readable PNG: a missing logo is skipped, not an error.
    @discardableResult
    public func image(atPath path: String, in box: PDFRect, maxUpscale: Double = 4) -> PDFRect? {
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path),
              let image = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { return nil }
        let w = Double(cairo_image_surface_get_width(image))
        let h = Double(cairo_image_surface_get_height(image))
        guard w > 0, h > 0 else { return nil }
        let factor = min(box.width / w, box.height / h, maxUpscale)
        let drawn = PDFRect(x: box.x, y: box.y, width: w * factor, height: h * factor)
        cairo_save(cr)
        cairo_translate(cr, drawn.x, drawn.y)
        cairo_scale(cr, factor, factor)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
        return drawn
    }

    private func setColor(_ c: PDFColor) { cairo_set_source_rgb(cr, c.red, c.green, c.blue) }
}
