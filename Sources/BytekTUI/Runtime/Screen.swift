import BytekModel

/// One key binding of a screen: shown in the status bar hints, the help overlay (`?`)
/// and the command palette, and so documented in exactly one place.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// Short label for the status bar ("Nuevo").
    public var label: String
    /// One line for the help overlay; defaults to the label.
    public var help: String
    /// Whether the status bar lists it among the hints.
    public var hint: Bool
    /// Shown instead of the keys' names when set (a range such as "1…7").
    public var keyText: String?
    public init(_ keys: [Key], _ label: String, help: String? = nil, hint: Bool = true, keyText: String? = nil) {
        self.keys = keys; self.label = label; self.help = help ?? label; self.hint = hint; self.keyText = keyText
    }
    public var keyLabel: String { keyText ?? keys.map(\.label).joined(separator: "/") }
}

/// What a screen's `handle` tells the app.
public enum HandleResult: Equatable, Sendable {
    /// The event was used; redraw.
    case handled
    /// Not for this screen: the app may use it (global keys).
    case ignored
}

/// A screen of a module: a list, a form, a board. It owns its state, changes it on events,
/// and draws itself. It talks to the store only through the narrow services in its context.
@MainActor
public protocol Screen: AnyObject {
    /// Shown in the help overlay's title and the breadcrumb.
    var title: String { get }
    /// The key bindings of the screen as it is now (a form in edit mode may differ from its list).
    var bindings: [KeyBinding] { get }
    /// True while the user is typing into a field or a filter: the app then leaves
    /// printable keys (digits, `q`, `?`, `:`) to the screen.
    var capturesText: Bool { get }
    /// Actions this screen offers the command palette.
    var paletteActions: [PaletteAction] { get }

    func handle(_ event: Event, context: AppContext) -> HandleResult
    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext)
    /// Called when the data behind the screen changed (this or another process).
    func reload(context: AppContext)
    /// Called when the screen is about to be removed; return false to keep it (e.g. unsaved changes
    /// that the screen wants to confirm first).
    func willClose(context: AppContext) -> Bool
}

extension Screen {
    public var capturesText: Bool { false }
    public var paletteActions: [PaletteAction] { [] }
    public func reload(context: AppContext) {}
    public func willClose(context: AppContext) -> Bool { true }
}

/// An entry of the command palette: an action ("Nuevo cliente") or a record ("Cliente: ACME SAC").
public struct PaletteAction: Sendable {
    public var title: String
    public var detail: String
    public var run: @MainActor @Sendable (AppContext) -> Void
    public init(title: String, detail: String = "", run: @escaping @MainActor @Sendable (AppContext) -> Void) {
        self.title = title; self.detail = detail; self.run = run
    }
}
