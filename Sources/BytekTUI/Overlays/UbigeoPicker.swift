import Foundation
import BytekModel

/// Picks a district of Peru's ubigeo for an address: department → province → district, each list
/// filtered as the user types (accents and case folded), or the 6-digit code typed straight in.
/// Enter takes the highlighted place (or the typed code); Backspace on an empty filter goes back one
/// level; Esc cancels. Closes itself before calling `onPick` (nil when cancelled).
@MainActor
public final class UbigeoPicker: Screen {
    /// The level being chosen.
    public enum Stage: Equatable, Sendable { case department, province(String), district(String) }

    public private(set) var stage: Stage = .department
    private(set) var filter = TextInput(maxLength: 40)
    private(set) var selected = 0
    private var scroll = 0
    private(set) var errorText: String?
    private var strings: Strings
    private let onPick: @MainActor (Ubigeo.Names?) -> Void

    /// `initialCode`: the address's current district, to start at its list with it highlighted.
    public init(initialCode: String? = nil, strings: Strings, onPick: @escaping @MainActor (Ubigeo.Names?) -> Void) {
        self.strings = strings
        self.onPick = onPick
        if let code = initialCode, let names = Ubigeo.lookup(code) {
            stage = .district(String(names.code.prefix(4)) + "00")
            selected = options.firstIndex { $0.code == names.code } ?? 0
        }
    }

    public var title: String { strings["ubigeo.title"] }
    public var capturesText: Bool { true }
    public var bindings: [KeyBinding] {
        [KeyBinding([.enter], strings["ubigeo.pick"]), KeyBinding([.escape], strings["key.cancel"])]
    }

    /// The places of the current level that match the filter (a filter of digits matches codes).
    public var options: [Ubigeo.Place] {
        let all: [Ubigeo.Place]
        switch stage {
        case .department: all = Ubigeo.departments
        case .province(let d): all = Ubigeo.provinces(of: d)
        case .district(let p): all = Ubigeo.districts(of: p)
        }
        let text = filter.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return all }
        if text.allSatisfy(\.isNumber) { return all.filter { $0.code.hasPrefix(text) } }
        let words = TextFold.fold(text).split(separator: " ").map(String.init)
        return all.filter { p in let key = TextFold.fold(p.name); return words.allSatisfy { key.contains($0) } }
    }

    /// The chosen department and province so far, for the breadcrumb.
    private var trail: [String] {
        switch stage {
        case .department: return []
        case .province(let d): return [Ubigeo.place(d)?.name ?? d]
        case .district(let p):
            return [Ubigeo.place(String(p.prefix(2)) + "0000")?.name ?? "", Ubigeo.place(p)?.name ?? p]
        }
    }

    public func handle(_ event: Event, context: AppContext) -> HandleResult {
        strings = context.strings
        guard case .key(let key) = event else { return .handled }
        switch key {
        case .escape:
            context.dismiss()
            onPick(nil)
        case .enter:
            enter(context)
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-10)
        case .pageDown: move(10)
        case .backspace where filter.isEmpty:
            back()
        default:
            if filter.handle(key) { selected = 0; scroll = 0; errorText = nil }
        }
        return .handled
    }

    private func move(_ delta: Int) {
        let n = options.count
        guard n > 0 else { return }
        selected = min(max(0, selected + delta), n - 1)
    }

    private func back() {
        switch stage {
        case .department: return
        case .province: stage = .department
        case .district(let p): stage = .province(String(p.prefix(2)) + "0000")
        }
        selected = 0; scroll = 0; errorText = nil
    }

    private func enter(_ context: AppContext) {
        let text = filter.text.trimmingCharacters(in: .whitespaces)
        if text.count == 6, text.allSatisfy(\.isNumber) {
            guard let names = Ubigeo.lookup(text) else {
                errorText = strings.format("ubigeo.unknownCode", text)
                return
            }
            return pick(names, context)
        }
        let list = options
        guard list.indices.contains(selected) else {
            errorText = strings.format("ubigeo.none", text)
            return
        }
        let place = list[selected]
        filter = TextInput(maxLength: 40)
        selected = 0; scroll = 0; errorText = nil
        switch stage {
        case .department: stage = .province(place.code)
        case .province: stage = .district(place.code)
        case .district:
            if let names = Ubigeo.lookup(place.code) { pick(names, context) }
        }
    }

    private func pick(_ names: Ubigeo.Names, _ context: AppContext) {
        context.dismiss()
        onPick(names)
    }

    public func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        strings = context.strings
        let box = OverlayFrame.centered(in: rect, width: 62, height: min(24, rect.height - 2))
        OverlayFrame.draw(&canvas, box, title: title)
        let level: String
        switch stage {
        case .department: level = strings["ubigeo.department"]
        case .province: level = strings["ubigeo.province"]
        case .district: level = strings["ubigeo.district"]
        }
        canvas.text((trail + [level]).joined(separator: " › "), x: box.x + 2, y: box.y + 1, style: Style(.accent, bold: true),
                    maxWidth: box.width - 4)
        PickerList.drawFilter(&canvas, box: box, y: box.y + 2, filter: filter, placeholder: strings["ubigeo.filter"])
        PickerList.drawRows(&canvas, box: box, top: box.y + 3, rows: max(1, box.height - 6), items: options, selected: selected,
                            scroll: &scroll, empty: strings.format("ubigeo.none", filter.text)) { " " + $0.code + "  " + $0.name }
        let foot = errorText.map { "✗ " + $0 } ?? strings["ubigeo.hint"]
        canvas.text(foot, x: box.x + 2, y: box.maxY - 2, style: Style(errorText == nil ? .dim : .error, bold: errorText != nil),
                    maxWidth: box.width - 4)
    }
}
