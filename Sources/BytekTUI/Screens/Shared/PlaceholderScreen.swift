import BytekModel

/// A module's screen before it is built: its title and one line saying so.
@MainActor
final class PlaceholderScreen: Screen {
    let title: String
    private var body = ScrollingText(lines: ["En construcción."])
    init(title: String) { self.title = title }
    var bindings: [KeyBinding] { [] }
    func handle(_ event: Event, context: AppContext) -> HandleResult { .ignored }
    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        TextPage.render(&canvas, in: rect, title: title, errorText: nil, body: &body)
    }
}
