import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek sire ventas --period AAAA-MM [--output DIR] | --propuesta ARCHIVO [--csv SALIDA] | --csv SALIDA`: the
/// sales register for SUNAT's SIRE (RVIE). Finanzas and admin only (the service decides).
@MainActor
enum SireCommand {
    nonisolated static let help = """
    bytek sire ventas --period AAAA-MM [--output CARPETA]
        Escribe el archivo de reemplazo del Registro de Ventas (RVIE) del periodo para subirlo al SIRE:
        LE<RUC><AAAAMM>00140400021112.zip con el .txt del mismo nombre (ISO-8859-1, 34 campos por línea),
        en CARPETA (la carpeta actual si no se indica). Dice su ruta y los totales del periodo.

    bytek sire ventas --period AAAA-MM --propuesta ARCHIVO [--csv SALIDA]
        Compara la propuesta que SUNAT arma en el SIRE (el .txt o el .zip tal como se descarga) con los
        comprobantes del periodo y lista cada diferencia: comprobantes que SUNAT tiene y BYTEK no, los que
        a SUNAT le faltan, e importes, fechas, cliente o estado (anulado) distintos. Con --csv, las
        diferencias van a un CSV (- para la salida estándar).

    bytek sire ventas --period AAAA-MM --csv SALIDA
        Los comprobantes del periodo en CSV para el contador (- para la salida estándar).

    bytek sire ventas --period AAAA-MM --solicitar-propuesta [--output CARPETA]
        Pide la propuesta a la API del SIRE por medio del trabajador (bytek worker), que la guarda como
        propuesta-RVIE-AAAAMM.zip junto a la base (o en CARPETA). Usa el usuario y la clave SOL de los
        secretos y las credenciales de la API en BYTEK_SIRE_CLIENT_ID y BYTEK_SIRE_CLIENT_SECRET.

    Solo finanzas y admin. Salida 0 también cuando hay diferencias (se listan); 1 si el periodo, la
    propuesta o la carpeta no sirven (el mensaje dice qué línea y por qué).
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let book = args.positional() else {
            throw CLIError.usage("falta el registro: ventas", command: args.command)
        }
        guard book == "ventas" else {
            throw CLIError.usage("registro desconocido: \(book) (por ahora solo «ventas», el RVIE)", command: args.command)
        }
        guard let periodText = try args.option("--period") ?? args.option("--periodo") else {
            throw CLIError.usage("falta --period AAAA-MM (el mes del registro, p. ej. 2026-11)", command: args.command)
        }
        let output = try args.option("--output")
        let proposal = try args.option("--propuesta")
        let csv = try args.option("--csv")
        let request = args.flag("--solicitar-propuesta")
        try args.finish()
        let period: YearMonth
        do throws(SalesRegisterError) { period = try SalesRegisterPeriod.parse(periodText) } catch {
            throw CLIError.failure(error.message)
        }
        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        do {
            if request {
                let folder = output ?? URL(fileURLWithPath: context.dbPath).deletingLastPathComponent().path
                let path = try services.salesRegister.requestProposal(period, into: folder)
                Console.out("Propuesta de \(period) solicitada al SIRE: el trabajador (bytek worker) la guardará en \(path).")
                return 0
            }
            if let proposal {
                if output != nil { throw CLIError.usage("--output no se usa con --propuesta", command: args.command) }
                let (view, comparison) = try services.salesRegister.compare(period, proposalPath: proposal)
                if let csv {
                    try SalesCLI.writeCSV(header: SalesRegisterCSV.differenceHeader,
                                              rows: SalesRegisterCSV.differenceRows(comparison), to: csv)
                    if csv == "-" { return 0 }
                }
                report(view, comparison)
                return 0
            }
            if let csv {
                if output != nil { throw CLIError.usage("use --csv o --output, no ambos", command: args.command) }
                let view = try services.salesRegister.period(period)
                try SalesCLI.writeCSV(header: SalesRegisterCSV.documentHeader,
                                          rows: SalesRegisterCSV.documentRows(view.lines, statuses: view.statuses), to: csv)
                return 0
            }
            let (view, path) = try services.salesRegister.generate(period, into: output ?? FileManager.default.currentDirectoryPath)
            Console.out("Registro de ventas \(period): \(path)")
            totals(view)
            return 0
        } catch let e as SalesRegisterError {
            throw CLIError.failure(e.message)
        }
    }

    static func totals(_ view: SalesRegisterPeriodView) {
        let t = view.totals
        if t.byCurrency.isEmpty { Console.out("Sin comprobantes en el periodo (el archivo va sin líneas).") }
        for line in t.summaryLines { Console.out(line) }
    }

    static func report(_ view: SalesRegisterPeriodView, _ c: RVIEComparison) {
        Console.out("Propuesta SUNAT \(view.period): \(c.sunatCount) comprobante(s); BYTEK: \(c.oursCount); coinciden \(c.matched).")
        if c.isClean {
            Console.out("Sin diferencias: puede aceptar la propuesta en el SIRE.")
            return
        }
        Console.out("\(c.differences.count) diferencia(s): "
                    + c.countsByKind.map { "\($0.kind.label) \($0.count)" }.joined(separator: ", ") + ".")
        for d in c.differences { Console.out("  " + d.sentence) }
    }
}
