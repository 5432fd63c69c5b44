/// Where the application reads events and draws frames: ncurses in production,
/// `TestTerminal` in tests.
@MainActor
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// The next event, or `.tick` after `timeoutMs` with no input.
    func nextEvent(timeoutMs: Int) -> Event
    /// Writes a frame; only changed cells need to reach the screen.
    func draw(_ buffer: ScreenBuffer)
    /// Uses another theme from the next frame on.
    func applyTheme(_ theme: Theme)
}

/// A terminal in memory: plays a script of events and keeps the last frame.
@MainActor
public final class TestTerminal: Terminal {
    public private(set) var size: Size
    public private(set) var lastFrame: ScreenBuffer
    public private(set) var frames = 0
    private var script: [Event]

    public init(width: Int, height: Int, events: [Event] = []) {
        size = Size(width: width, height: height)
        lastFrame = ScreenBuffer(width: width, height: height)
        script = events
    }

    public func enqueue(_ events: [Event]) { script.append(contentsOf: events) }

    /// Types `s` as character keys.
    public func type(_ s: String) { script.append(contentsOf: s.map { .key(.char($0)) }) }

    public var isExhausted: Bool { script.isEmpty }

    public func nextEvent(timeoutMs: Int) -> Event {
        guard !script.isEmpty else { return .tick }
        let e = script.removeFirst()
        if case .resize(let w, let h) = e { size = Size(width: w, height: h) }
        return e
    }

    public func draw(_ buffer: ScreenBuffer) {
        lastFrame = buffer
        frames += 1
    }

    public var text: String { lastFrame.text }

    /// The last theme applied (tests check theme switching).
    public private(set) var theme: Theme?
    public func applyTheme(_ theme: Theme) { self.theme = theme }
}
