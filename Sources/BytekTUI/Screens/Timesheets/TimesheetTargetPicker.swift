import BytekModel
import BytekStore

/// Picks what to log on: a project or one of its open tasks, filtered fuzzily as the user types
/// (project code, task, project name, customer). Enter takes the highlighted one; Esc cancels. Closes
/// itself before calling `onPick`.
@MainActor
final class TimesheetTargetPicker: Screen {
    let targets: [TimesheetTarget]
    private(set) var filter = TextInput(maxLength: 60)
    private(set) var selected = 0
    private var scroll = 0
    private var strings: Strings
    private let onPick: @MainActor (TimesheetTarget, AppContext) -> Void

    /// `initial`: the row highlighted first (the last one used).
    init(targets: [TimesheetTarget], initial: TimesheetRowKey?, strings: Strings,
         onPick: @escaping @MainActor (TimesheetTarget, AppContext) -> Void) {
        self.targets = targets; self.strings = strings; self.onPick = onPick
        if let initial { selected = targets.firstIndex { $0.key == initial } ?? 0 }
    }

    var title: String { strings["ts.picker.title"] }
    var capturesText: Bool { true }
    var bindings: [KeyBinding] {
        [KeyBinding([.enter], strings["ubigeo.pick"]), KeyBinding([.escape], strings["key.cancel"])]
    }

    static func searchText(_ t: TimesheetTarget) -> String {
        t.projectCode + " " + t.taskTitle + " " + t.projectName + " " + t.customerName
    }

    var options: [TimesheetTarget] {
        FuzzyMatcher.rank(filter.text, targets, key: Self.searchText).map(\.item)
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .handled }
        switch key {
        case .escape: context.dismiss()
        case .enter:
            let list = options
            guard list.indices.contains(selected) else { return .handled }
            context.dismiss()
            onPick(list[selected], context)
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, options.count - 1), selected + 1)
        case .pageUp: selected = max(0, selected - 10)
        case .pageDown: selected = min(max(0, options.count - 1), selected + 10)
        default:
            if filter.handle(key) { selected = 0; scroll = 0 }
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        strings = context.strings
        let box = OverlayFrame.centered(in: rect, width: 76, height: min(22, rect.height - 2))
        OverlayFrame.draw(&canvas, box, title: title)
        PickerList.drawFilter(&canvas, box: box, y: box.y + 1, filter: filter, placeholder: strings["ts.picker.filter"])
        PickerList.drawRows(&canvas, box: box, top: box.y + 2, rows: max(1, box.height - 5), items: options, selected: selected,
                            scroll: &scroll, empty: strings.format("ts.picker.none", filter.text)) { t in
            " " + t.title + (t.taskTitle.isEmpty ? "" : " (" + t.projectName + ")") + " · " + t.customerName
        }
        canvas.text(strings["ts.picker.hint"], x: box.x + 2, y: box.maxY - 2, style: Style(.dim), maxWidth: box.width - 4)
    }
}
