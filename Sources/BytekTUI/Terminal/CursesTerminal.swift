import CNcurses
import Foundation

/// The real terminal, through ncursesw. The only file that imports CNcurses.
/// It maps theme roles to colour pairs, writes only the cells that changed since the last
/// frame, and turns ncurses key codes into `Event`s. ncurses is not thread-safe: main actor only.
@MainActor
public final class CursesTerminal: Terminal {
    public enum Failure: Error, Equatable {
        /// TERM names no terminal this machine knows.
        case cannotOpen(term: String)
        /// The terminal cannot move the cursor (TERM=dumb, a printer-like terminal).
        case noCursorAddressing(term: String)
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: ScreenBuffer?
    private var pairs: [StyleRole: (pair: Int16, attrs: attr_t)] = [:]
    private var paste = PasteDetector()
    /// Key codes given to the bracketed-paste markers ESC [200~ and ESC [201~.
    private static let pasteStartCode = KEY_MAX + 1
    private static let pasteEndCode = KEY_MAX + 2

    /// Opens the terminal named by TERM. Fails (instead of exiting like `initscr`) when TERM is unknown.
    public init(theme: Theme) throws {
        setlocale(LC_ALL, "")
        guard let scr = cn_newterm(), let win = cn_stdscr() else {
            throw Failure.cannotOpen(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        guard cn_can_address_cursor() != 0 else {
            endwin()
            delscreen(scr)
            throw Failure.noCursorAddressing(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        screen = scr
        window = win
        raw()  // Ctrl-S, Ctrl-Q and Ctrl-C reach the app instead of the tty driver
        noecho()
        nonl()
        keypad(win, true)
        curs_set(0)
        set_escdelay(25)
        mousemask(cn_all_mouse_events(), nil)
        mouseinterval(0)
        // Bracketed paste: the terminal marks pasted text, so a pasted Tab stays in the field.
        define_key("\u{1B}[200~", CursesTerminal.pasteStartCode)
        define_key("\u{1B}[201~", CursesTerminal.pasteEndCode)
        CursesTerminal.writeControl("\u{1B}[?2004h")
        applyTheme(theme)
    }

    /// Maps every style role to a colour pair and attributes (colours fold to 8 on small terminals).
    public func applyTheme(_ theme: Theme) {
        let useColor = !theme.monochrome && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
        let colors = Int(cn_colors())
        for (i, role) in StyleRole.allCases.enumerated() {
            let e = theme.entry(role)
            var attrs = cn_a_normal()
            if e.bold { attrs |= cn_a_bold() }
            if e.reverse { attrs |= cn_a_reverse() }
            if e.underline { attrs |= cn_a_underline() }
            if e.dim { attrs |= cn_a_dim() }
            var pair: Int16 = 0
            if useColor {
                pair = Int16(i + 1)
                init_pair(pair, Int16(e.fg.resolved(colors: colors)), Int16(e.bg.resolved(colors: colors)))
            }
            pairs[role] = (pair, attrs)
        }
        previous = nil
    }

    deinit {}

    /// Restores the terminal. Call once before the process exits.
    public func close() {
        CursesTerminal.writeControl("\u{1B}[?2004l")
        endwin()
        delscreen(screen)
    }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    public func nextEvent(timeoutMs: Int) -> Event {
        wtimeout(window, Int32(timeoutMs))
        var wch: wint_t = 0
        while true {
            let rc = wget_wch(window, &wch)
            if rc == ERR { return paste.translate(.tick, pending: false) }
            if rc == KEY_CODE_YES, Int32(wch) == CursesTerminal.pasteStartCode { paste.pasteStarted(); continue }
            if rc == KEY_CODE_YES, Int32(wch) == CursesTerminal.pasteEndCode { paste.pasteEnded(); continue }
            let event = rc == KEY_CODE_YES ? functionKey(Int32(wch)) : characterKey(wch)
            return paste.translate(event, pending: CursesTerminal.inputPending())
        }
    }

    /// Whether more input is already waiting on stdin (ncurses reads it a byte at a time, so what
    /// it has not consumed is still in the terminal's buffer).
    private static func inputPending() -> Bool {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) > 0
    }

    /// Writes a control sequence straight to the terminal (outside ncurses' screen model).
    private static func writeControl(_ sequence: String) {
        FileHandle.standardOutput.write(Data(sequence.utf8))
    }

    private func characterKey(_ wch: wint_t) -> Event {
        switch wch {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26:
            return .key(.ctrl(Character(Unicode.Scalar(UInt8(wch) + 96))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(wch)) else { return .tick }
            return .key(.char(Character(scalar)))
        }
    }

    private func functionKey(_ code: Int32) -> Event {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE:
            previous = nil
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var ev = MEVENT()
            guard getmouse(&ev) == OK else { return .tick }
            let button: MouseButton
            if ev.bstate & cn_button1_pressed() != 0 { button = .left }
            else if ev.bstate & cn_button4_pressed() != 0 { button = .wheelUp }
            else if ev.bstate & cn_button5_pressed() != 0 { button = .wheelDown }
            else { button = .other }
            return .mouse(MouseEvent(x: Int(ev.x), y: Int(ev.y), button: button))
        default:
            if code >= cn_key_f(1) && code <= cn_key_f(12) { return .key(.f(Int(code - cn_key_f(0)))) }
            return .tick
        }
    }

    /// Writes the cells that differ from the previous frame, then lets ncurses send the update.
    public func draw(_ buffer: ScreenBuffer) {
        let sameSize = previous.map { $0.width == buffer.width && $0.height == buffer.height } ?? false
        if !sameSize { werase(window) }
        var wch: [wchar_t] = Array(repeating: 0, count: 6)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if sameSize, let prev = previous, prev[x, y] == cell { continue }
                if cell.char == ScreenBuffer.continuation { continue }
                // The bottom-right cell would scroll the screen: ncurses refuses it; skip it.
                if y == buffer.height - 1 && x == buffer.width - 1 { continue }
                var n = 0
                for scalar in cell.char.unicodeScalars where n < 5 { wch[n] = wchar_t(bitPattern: scalar.value); n += 1 }
                wch[n] = 0
                let look = pairs[cell.style.role] ?? (0, cn_a_normal())
                var attrs = look.attrs
                if cell.style.bold { attrs |= cn_a_bold() }
                if cell.style.underline { attrs |= cn_a_underline() }
                wch.withUnsafeBufferPointer { p in
                    if let base = p.baseAddress { cn_put_cell(Int32(y), Int32(x), base, attrs, look.pair) }
                }
            }
        }
        wrefresh(window)
        previous = buffer
    }
}
