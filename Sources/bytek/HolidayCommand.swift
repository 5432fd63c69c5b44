import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek feriados [AÑO] | agregar | quitar | dias-habiles`: Peru's holidays (the law's days, Holy
/// Thursday and Friday computed each year, days added by decree) and working-day counts.
@MainActor
enum HolidayCommand {
    nonisolated static let help = """
    Los feriados de Perú y los días hábiles con que se cuentan los plazos: los feriados de ley (fijos y el
    Jueves y Viernes Santo de cada año) y los días que un decreto declara feriados o no laborables.

      bytek feriados [AÑO]                                    Los feriados del año (por omisión, el actual)
                                                              con su origen (fijo, Semana Santa, decreto) y norma.
      bytek feriados agregar FECHA NOMBRE --decreto NORMA     Agrega un día declarado por decreto (solo admin),
                                                              p. ej. 2026-12-24 "Día no laborable"
                                                              --decreto "D.S. 123-2026-PCM".
      bytek feriados quitar FECHA                             Quita un día agregado por decreto (solo admin); los
                                                              feriados de ley no se quitan.
      bytek feriados dias-habiles DESDE HASTA                 Cuenta los días hábiles (lunes a viernes que no son
                                                              feriado), ambas fechas incluidas.
    Las fechas se escriben aaaa-mm-dd; los años van de \(PeruHolidays.years.lowerBound) a \(PeruHolidays.years.upperBound).
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        switch args.positional() {
        case "agregar":
            let decree = try args.option("--decreto") ?? ""
            let dayText = try args.requirePositional("la FECHA (aaaa-mm-dd)")
            let name = try args.requirePositional("el NOMBRE del día")
            try args.finish()
            let day = try HolidayService.day(dayText)
            let h = try open(context).holidays.add(day: day, name: name, decree: decree)
            Console.out("Agregado: \(h.day) (\(h.day.weekdayName)) «\(h.name)», \(h.decree).")
            return 0
        case "quitar":
            let dayText = try args.requirePositional("la FECHA (aaaa-mm-dd)")
            try args.finish()
            let day = try HolidayService.day(dayText)
            let h = try open(context).holidays.remove(day: day)
            Console.out("Quitado: \(h.day) «\(h.name)» (\(h.decree)).")
            return 0
        case "dias-habiles":
            let fromText = try args.requirePositional("DESDE (aaaa-mm-dd)")
            let toText = try args.requirePositional("HASTA (aaaa-mm-dd)")
            try args.finish()
            let from = try HolidayService.day(fromText, field: "desde")
            let to = try HolidayService.day(toText, field: "hasta")
            let n = try open(context).holidays.workingDays(from: from, to: to)
            Console.out("\(n) \(n == 1 ? "día hábil" : "días hábiles") del \(from) al \(to) (ambos incluidos).")
            return 0
        case let text?:
            guard text.allSatisfy(\.isNumber) else {
                throw CLIError.usage("subcomando desconocido: \(text) (use un AÑO, agregar, quitar o dias-habiles)",
                                     command: args.command)
            }
            try args.finish()
            return try list(year: HolidayService.year(text), context)
        case nil:
            try args.finish()
            let services = try open(context)
            return try list(year: services.holidays.today.year, services)
        }
    }

    private static func list(year: Int, _ context: CommandContext) throws -> Int32 {
        try list(year: year, try open(context))
    }

    private static func list(year: Int, _ services: Services) throws -> Int32 {
        let rows = try services.holidays.list(year: year)
        Console.out("Feriados de \(year)")
        Console.out("Fecha       Día        Feriado                                  Origen        Norma")
        for h in rows {
            Console.out(h.day.description + "  " + pad(h.day.weekdayName, 10) + " " + pad(h.name, 40) + " "
                        + pad(h.origin.label, 13) + " " + h.decree)
        }
        let weekdays = rows.filter { !$0.day.isWeekend }.count
        Console.out("\(rows.count) días, \(weekdays) de lunes a viernes.")
        return 0
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }
}
