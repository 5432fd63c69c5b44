import Foundation

/// A terminal colour: the terminal's default, or an index (0–7 basic, 8–15 bright, 16–255 extended).
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case index(Int)

    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11, "bright-blue": 12,
        "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    init?(name: String) {
        let n = name.lowercased()
        if n == "default" || n == "-" { self = .terminalDefault; return }
        if let i = ThemeColor.names[n] { self = .index(i); return }
        if let i = Int(n), (0...255).contains(i) { self = .index(i); return }
        return nil
    }

    /// The colour on a terminal with `colors` colours: bright and extended colours fold to the basic 8.
    public func resolved(colors: Int) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .index(let i):
            if i < colors { return i }
            if i < 16 { return i - 8 }
            return Self.nearestBasic(i)
        }
    }

    /// Maps a 256-colour index to the nearest of the 8 basic colours.
    static func nearestBasic(_ i: Int) -> Int {
        if i >= 232 { return i < 244 ? 0 : 7 }
        let c = i - 16
        let r = c / 36, g = (c / 6) % 6, b = c % 6
        return (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
    }
}

/// How one style role looks.
public struct ThemeEntry: Equatable, Sendable {
    public var fg: ThemeColor = .terminalDefault
    public var bg: ThemeColor = .terminalDefault
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public init() {}
}

/// A colour theme: a plain-text file in `themes/`, one line per role:
/// `selected = black cyan bold` (foreground, background, then attributes).
public struct Theme: Sendable {
    public var name: String
    public var entries: [StyleRole: ThemeEntry]
    /// True when the theme uses no colour at all (monochrome, or NO_COLOR).
    public var monochrome: Bool

    public func entry(_ role: StyleRole) -> ThemeEntry { entries[role] ?? entries[.normal] ?? ThemeEntry() }

    public enum ParseError: Error, Equatable { case badLine(Int, String) }

    /// Parses theme text. Unknown roles are an error, so a typo does not go unnoticed.
    public static func parse(_ text: String, name: String) throws -> Theme {
        var entries: [StyleRole: ThemeEntry] = [:]
        var themeName = name
        var mono = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw ParseError.badLine(i + 1, line) }
            if parts[0] == "name" { themeName = parts[1]; continue }
            if parts[0] == "monochrome" { mono = parts[1] == "yes" || parts[1] == "true"; continue }
            guard let role = StyleRole(rawValue: parts[0]) else { throw ParseError.badLine(i + 1, line) }
            var e = ThemeEntry()
            var colors: [ThemeColor] = []
            for word in parts[1].split(separator: " ").map(String.init) {
                switch word {
                case "bold": e.bold = true
                case "reverse": e.reverse = true
                case "underline": e.underline = true
                case "dim": e.dim = true
                default:
                    guard let c = ThemeColor(name: word), colors.count < 2 else { throw ParseError.badLine(i + 1, line) }
                    colors.append(c)
                }
            }
            if colors.count > 0 { e.fg = colors[0] }
            if colors.count > 1 { e.bg = colors[1] }
            entries[role] = e
        }
        return Theme(name: themeName, entries: entries, monochrome: mono)
    }

    /// The same theme with colours dropped (NO_COLOR). A role that stood out by its colour alone
    /// (the selected row is black on cyan in the default theme) would vanish, so every role also
    /// takes the attributes the monochrome theme gives it: the selection is reverse video, danger
    /// bold and underlined, as with `BYTEK_THEME=monochrome`.
    public func withoutColor() -> Theme {
        let mono = (try? Theme.parse(BuiltinThemes.monochrome, name: "monochrome")) ?? self
        var t = self
        t.monochrome = true
        for role in StyleRole.allCases {
            var e = entry(role)
            let m = mono.entry(role)
            e.fg = .terminalDefault; e.bg = .terminalDefault
            e.bold = e.bold || m.bold
            e.reverse = e.reverse || m.reverse
            e.underline = e.underline || m.underline
            e.dim = e.dim || m.dim
            t.entries[role] = e
        }
        return t
    }

    /// Built in, so the program has a theme even with no `themes/` folder next to it.
    public static let fallback: Theme = (try? parse(BuiltinThemes.standard, name: "default"))
        ?? Theme(name: "default", entries: [:], monochrome: false)
}

/// Finds and loads a theme by name or path.
public enum ThemeLoader {
    /// Folders searched for `NAME.theme`: `BYTEK_THEMES_DIR`, then `themes/` next to the
    /// binary's package (…/share/bytek/themes or the source tree), then `./themes`.
    public static func searchPaths(environment: [String: String]) -> [String] {
        var dirs: [String] = []
        if let d = environment["BYTEK_THEMES_DIR"], !d.isEmpty { dirs.append(d) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        dirs.append(exe.appendingPathComponent("../share/bytek/themes").standardized.path)
        dirs.append(exe.appendingPathComponent("../../themes").standardized.path)  // .build/release/bytek
        dirs.append(exe.appendingPathComponent("../../../themes").standardized.path)  // .build/x86_64.../release
        dirs.append(FileManager.default.currentDirectoryPath + "/themes")
        return dirs
    }

    /// Loads the theme named by `BYTEK_THEME` (or `setting`), honouring `NO_COLOR`.
    public static func load(name requested: String?, environment: [String: String]) throws -> Theme {
        let name = requested ?? environment["BYTEK_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        var theme = Theme.fallback
        if name.contains("/") {
            theme = try Theme.parse(String(contentsOfFile: name, encoding: .utf8), name: name)
        } else if let path = searchPaths(environment: environment).map({ "\($0)/\(name).theme" })
            .first(where: { FileManager.default.fileExists(atPath: $0) }) {
            theme = try Theme.parse(String(contentsOfFile: path, encoding: .utf8), name: name)
        } else if let builtin = BuiltinThemes.named[name] {
            theme = try Theme.parse(builtin, name: name)
        } else {
            throw ThemeError.notFound(name)
        }
        if let nc = environment["NO_COLOR"], !nc.isEmpty { theme = theme.withoutColor() }
        return theme
    }

    public enum ThemeError: Error, Equatable { case notFound(String) }
}
