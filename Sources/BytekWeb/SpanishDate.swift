import BytekModel
import Foundation

/// "jueves 3 de diciembre de 2026": a day as people in Peru write it.
public enum SpanishDate {
    static let weekdays = ["jueves", "viernes", "sábado", "domingo", "lunes", "martes", "miércoles"]
    static let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                         "octubre", "noviembre", "diciembre"]

    public static func long(_ day: LocalDate) -> String {
        // 1970-01-01 was a Thursday.
        let w = ((day.daysSinceEpoch % 7) + 7) % 7
        return "\(weekdays[w]) \(day.day) de \(months[day.month - 1]) de \(day.year)"
    }

    /// Today in Lima.
    public static func todayInLima(_ now: Date = Date()) -> String { long(LimaTime.date(now)) }
}
