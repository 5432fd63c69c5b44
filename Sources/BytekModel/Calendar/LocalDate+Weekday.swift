extension LocalDate {
    /// ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// "lunes" … "domingo".
    public var weekdayName: String {
        ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"][isoWeekday - 1]
    }
}
