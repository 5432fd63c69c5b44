/// Tells pasted text from typed keys, so a Tab (or a line end) inside pasted text stays in the
/// field as a space instead of moving the focus or pressing Enter.
///
/// Two signs of a paste: the terminal's bracketed paste (it wraps pasted text in ESC [200~ …
/// ESC [201~ once the program asks with ESC [?2004h), and, for terminals without it, a Tab that
/// arrives inside a burst of printable keys: the previous key was a printable character and more
/// input was already waiting when it was read, which no typist can do.
public struct PasteDetector: Sendable {
    /// Between the terminal's paste start and end markers.
    public private(set) var inBracketedPaste = false
    /// The last key was printable (or a pasted Tab) and more input was already waiting behind it.
    private var inBurst = false

    public init() {}

    public mutating func pasteStarted() { inBracketedPaste = true }
    public mutating func pasteEnded() { inBracketedPaste = false; inBurst = false }

    /// The event as the application should see it. `pending`: more input was already waiting when
    /// this event was read.
    public mutating func translate(_ event: Event, pending: Bool) -> Event {
        var out = event
        switch event {
        case .key(.tab), .key(.enter):
            if inBracketedPaste || (event == .key(.tab) && inBurst) { out = .key(.char(" ")) }
        default:
            break
        }
        // Only a printable key with more input behind it keeps a burst going; any other key, or a
        // pause (a tick), ends it.
        if case .key(.char(let c)) = out, !c.isWhitespace || c == " " { inBurst = pending } else { inBurst = false }
        return out
    }
}
