/// A page of scrolling text under its title (the estado de cuenta, a customer's messages), or in its place the
/// error that kept it from loading.
@MainActor
enum TextPage {
    static func render(_ canvas: inout Canvas, in rect: Rect, title: String, errorText: String?, body: inout ScrollingText) {
        let (head, rest) = rect.splitTop(2)
        canvas.text(" " + title + " ", x: head.x, y: head.y, style: Style(.title, bold: true), maxWidth: head.width)
        canvas.hline(x: head.x, y: head.y + 1, width: head.width)
        if let errorText {
            canvas.text(" ✗ " + errorText, x: rest.x, y: rest.y, style: Style(.error, bold: true), maxWidth: rest.width)
            return
        }
        body.render(&canvas, in: Rect(x: rest.x + 1, y: rest.y, width: rest.width - 2, height: rest.height))
    }
}
