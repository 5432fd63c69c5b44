import Foundation

/// Dates as dd/mm/aaaa and amounts as `S/ 1,234.50` / `US$ 99.00` (es-PE conventions).
public struct Formats: Sendable {
    public let language: Strings.Language
    public init(language: Strings.Language) { self.language = language }

    private static let lima = TimeZone(identifier: "America/Lima") ?? TimeZone.current

    public func date(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = Formats.lima
        let c = cal.dateComponents([.day, .month, .year], from: d)
        return String(format: "%02d/%02d/%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }

    public func dateTime(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = Formats.lima
        let c = cal.dateComponents([.day, .month, .year, .hour, .minute], from: d)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
