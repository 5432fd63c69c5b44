import Foundation

/// Builds an XML document as text, escaping every text value and attribute (& < > " ').
///
/// Elements are written in the order the caller opens them; the builder only guarantees that the
/// result is well-formed (balanced tags, escaped text) and indented for people reading `bytek invoice xml`.
struct XMLBuilder {
    private(set) var text: String
    private var depth = 0

    init(capacity: Int = 16_384) {
        text = ""
        text.reserveCapacity(capacity)
        text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// `<name a="v">` and one level deeper.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        indent()
        text += "<" + name
        attributes.forEach { appendAttribute($0.0, $0.1) }
        text += ">\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        text += "</" + name + ">\n"
    }

    /// `<name a="v">value</name>`.
    mutating func leaf(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        indent()
        text += "<" + name
        attributes.forEach { appendAttribute($0.0, $0.1) }
        text += ">"
        text += XMLBuilder.escape(value)
        text += "</" + name + ">\n"
    }

    /// `<name/>`.
    mutating func empty(_ name: String) {
        indent()
        text += "<" + name + "/>\n"
    }

    /// Opens `name`, runs `body`, closes it.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout XMLBuilder) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    var data: Data { Data(text.utf8) }

    private mutating func appendAttribute(_ name: String, _ value: String) {
        text += " " + name + "=\""
        text += XMLBuilder.escape(value)
        text += "\""
    }

    private mutating func indent() {
        if depth > 0 { text += String(repeating: "  ", count: depth) }
    }

    /// The text with the five XML special characters replaced by entities. Characters XML 1.0
    /// forbids (C0 controls other than tab, LF, CR) are dropped, since no entity can carry them.
    static func escape(_ value: String) -> String {
        var needs = false
        for b in value.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) {
            needs = true
            break
        }
        guard needs else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
