import BytekModel
import Foundation

/// How Proyectos writes dates, progress and health.
enum ProjectsText {
    /// dd/mm/aaaa.
    static func date(_ d: LocalDate) -> String { ExchangeRateRule.dayMonthYear(d) }
    /// dd/mm.
    static func shortDate(_ d: LocalDate) -> String { String(date(d).prefix(5)) }

    /// A bar of `width` cells filled in eighths with block characters, and the percent: "██████▍   64 %".
    static func progress(done: Int, total: Int, width: Int = 10) -> String {
        guard total > 0 else { return String(repeating: "·", count: width) + "   —" }
        let eighths = min(width * 8, done * width * 8 / total)
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
        bar += String(repeating: " ", count: max(0, width - bar.count))
        let pct = done * 100 / total
        return bar + " " + String(repeating: " ", count: pct < 10 ? 2 : pct < 100 ? 1 : 0) + "\(pct) %"
    }

    /// "HH:MM" of minutes.
    static func hours(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
