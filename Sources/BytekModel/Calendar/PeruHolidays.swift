/// Where a non-working day comes from: a fixed date of the law, Holy Thursday and Friday (computed
/// from Easter each year), or a day declared by decree (feriado or día no laborable).
public enum HolidayOrigin: String, CaseIterable, Sendable, Codable, Hashable {
    case fixed = "fijo"
    case holyWeek = "semana_santa"
    case decree = "decreto"

    /// "fijo", "Semana Santa", "decreto", as listings print it.
    public var label: String {
        switch self {
        case .fixed: return "fijo"
        case .holyWeek: return "Semana Santa"
        case .decree: return "decreto"
        }
    }
}

/// One non-working day: its date, its Spanish name, where it comes from and the law or decree behind it.
public struct Holiday: Sendable, Hashable, Codable {
    public var day: LocalDate
    public var name: String
    public var origin: HolidayOrigin
    /// "D. Leg. 713", "Ley 31788", "D.S. 089-2025-PCM".
    public var decree: String

    public init(day: LocalDate, name: String, origin: HolidayOrigin, decree: String) {
        self.day = day; self.name = name; self.origin = origin; self.decree = decree
    }
}

/// Peru's national holidays (feriados nacionales) of a year, as the law fixes them.
///
/// The base list is article 6 of Decreto Legislativo 713 (descansos remunerados), as amended:
/// - Ley 31381 (Dec 2021) adds 9 dic, Batalla de Ayacucho; Ley 31530 (Jul 2022) adds 6 ago, Batalla de Junín.
///   Both first observed in 2022 (the text of both laws, republished at derechopopulos.blogspot.com/2022 and
///   magazinjurisprudencial.com "Ley Nº 31530").
/// - Ley 31788 (Jun 2023) adds 7 jun, Batalla de Arica y Día de la Bandera, first observed in 2024
///   (elcomercio.pe on proyecto 10133/2024-CR lists the four laws; es.wikipedia "Anexo:Días festivos en Perú" 2024;
///   the date-holidays definitions v8.2.0 changelog and the laravel-feriados-peru package: "rige desde 2024").
/// - Ley 31822 (published July 2023) declares 23 jul Día de la Fuerza Aérea del Perú a feriado nacional.
///   UNSURE of the first year: Andina (15 Jul 2024) says "desde el año pasado", and the date-holidays
///   definitions date it from 2023; La República (4 Jul 2023) said it would count only from 2024 if published
///   after the day. We follow the two sources that say 2023 (23 Jul 2023 was a Sunday, so no working day
///   depends on it).
/// Holidays that fall on a weekend are not moved in Peru. Days added for one year by decree (días no
/// laborables for the public sector, extra feriados) are not here: the admin records them (`decreto`).
/// Years before 2022 get today's base list without the later additions; no older changes are modelled.
public enum PeruHolidays {
    /// The years the system keeps holidays for; a year outside is refused with a clear message.
    public static let years: ClosedRange<Int> = 1900...2199

    /// The base law, cited for the days that were already in it.
    public static let baseLaw = "D. Leg. 713"

    /// The national holidays of `year`, in date order (throws `yearOutOfRange` outside `years`).
    public static func of(_ year: Int) throws(CalendarError) -> [Holiday] {
        guard years.contains(year) else { throw .yearOutOfRange(String(year)) }
        var list: [Holiday] = []
        func fixed(_ month: Int, _ day: Int, _ name: String, law: String = baseLaw, from first: Int? = nil) {
            if let first, year < first { return }
            guard let d = LocalDate(year: year, month: month, day: day) else { return }
            list.append(Holiday(day: d, name: name, origin: .fixed, decree: law))
        }
        let easter = Easter.sunday(year)
        fixed(1, 1, "Año Nuevo")
        list.append(Holiday(day: easter.adding(days: -3), name: "Jueves Santo", origin: .holyWeek, decree: baseLaw))
        list.append(Holiday(day: easter.adding(days: -2), name: "Viernes Santo", origin: .holyWeek, decree: baseLaw))
        fixed(5, 1, "Día del Trabajo")
        fixed(6, 7, "Batalla de Arica y Día de la Bandera", law: "Ley 31788", from: 2024)
        fixed(6, 29, "San Pedro y San Pablo")
        fixed(7, 23, "Día de la Fuerza Aérea del Perú", law: "Ley 31822", from: 2023)
        fixed(7, 28, "Fiestas Patrias")
        fixed(7, 29, "Fiestas Patrias")
        fixed(8, 6, "Batalla de Junín", law: "Ley 31530", from: 2022)
        fixed(8, 30, "Santa Rosa de Lima")
        fixed(10, 8, "Combate de Angamos")
        fixed(11, 1, "Todos los Santos")
        fixed(12, 8, "Inmaculada Concepción")
        fixed(12, 9, "Batalla de Ayacucho", law: "Ley 31381", from: 2022)
        fixed(12, 25, "Navidad")
        return list.sorted { $0.day < $1.day }
    }

    /// The law's holiday on `day`, if any.
    public static func holiday(on day: LocalDate) -> Holiday? {
        guard years.contains(day.year) else { return nil }
        return (try? of(day.year))?.first { $0.day == day }
    }
}
