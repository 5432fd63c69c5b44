/// Easter Sunday by the Gregorian computus (the "anonymous Gregorian algorithm" of Meeus, Jones and
/// Butcher): pure integer arithmetic, valid for every Gregorian year (1583 on).
public enum Easter {
    /// Easter Sunday of `year`.
    public static func sunday(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // The computus always lands in March or April, so the day exists.
        return LocalDate(year: year, month: month, day: day) ?? LocalDate(daysSinceEpoch: 0)
    }
}
