/// A key as the application sees it, independent of ncurses.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)  // lower-case letter: .ctrl("s") is Ctrl-S
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case f(Int)

    /// A short name for help overlays and the status bar ("Ctrl-S", "F2", "↑").
    public var label: String {
        switch self {
        case .char(" "): return "Espacio"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Retroceso"
        case .delete: return "Supr"
        case .insert: return "Insert"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Inicio"
        case .end: return "Fin"
        case .pageUp: return "RePág"
        case .pageDown: return "AvPág"
        case .f(let n): return "F\(n)"
        }
    }
}

public enum MouseButton: Sendable, Equatable { case left, wheelUp, wheelDown, other }

public struct MouseEvent: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var button: MouseButton
    public init(x: Int, y: Int, button: MouseButton) { self.x = x; self.y = y; self.button = button }
}

/// Everything that reaches the application's loop.
public enum Event: Sendable, Equatable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// About four times a second when nothing else happens: polls for other processes' changes.
    case tick
}

public struct Size: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

public struct Rect: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
    /// The rect shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
    /// Splits into a left part of `width` columns and the rest.
    public func splitLeft(_ w: Int) -> (Rect, Rect) {
        let lw = min(max(0, w), width)
        return (Rect(x: x, y: y, width: lw, height: height), Rect(x: x + lw, y: y, width: width - lw, height: height))
    }
    /// Splits into a top part of `height` rows and the rest.
    public func splitTop(_ h: Int) -> (Rect, Rect) {
        let th = min(max(0, h), height)
        return (Rect(x: x, y: y, width: width, height: th), Rect(x: x, y: y + th, width: width, height: height - th))
    }
}
