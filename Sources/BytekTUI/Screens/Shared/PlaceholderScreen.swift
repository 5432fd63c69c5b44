/// A module whose screens are not built yet: says so instead of showing nothing.
@MainActor
final class PlaceholderScreen: Screen {
    let title: String
    let message: String
    init(title: String, message: String) { self.title = title; self.message = message }
    var bindings: [KeyBinding] { [] }
    func handle(_ event: Event, context: AppContext) -> HandleResult { .ignored }
    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        canvas.text(" " + title + " ", x: rect.x, y: rect.y, style: Style(.title, bold: true))
        canvas.text(message, x: rect.x + 2, y: rect.y + 2, style: Style(.dim), maxWidth: rect.width - 4)
    }
}
