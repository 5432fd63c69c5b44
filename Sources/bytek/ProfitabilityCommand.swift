import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek rentabilidad [PROYECTO] [--csv ARCHIVO|-] [--todos] [--limite N]`: profitability per project
/// (issue 13 §5) — the list by margin, worst first, or one project's figures with bars.
@MainActor
enum ProfitabilityCommand {
    nonisolated static let help = """
    Rentabilidad por proyecto, en vivo: vendido (cotización sin IGV), facturado, cobrado, costo de horas
    aprobadas, otros costos, margen sobre lo facturado y sobre lo vendido, horas usadas frente a las
    cotizadas y el pronóstico al terminar. Los montos en dólares van al tipo de cambio de cada factura; el
    costo de las horas (en soles) de un proyecto en dólares, al tipo de cambio del proyecto.

      bytek rentabilidad [--todos] [--limite N]     Proyectos por margen sobre lo vendido, el peor primero
                                                    (--todos incluye los archivados).
      bytek rentabilidad PROYECTO                   Las cifras de un proyecto (PRY-2026-00001 o su número),
                                                    con barras.
      bytek rentabilidad --csv ARCHIVO|-            La lista en CSV (UTF-8, para Excel); «-» la escribe en la
                                                    salida estándar.
    Solo admin, finanzas y operaciones.
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let csv = try args.option("--csv")
        let all = args.flag("--todos")
        let limitText = try args.option("--limite")
        let project = args.positional()
        try args.finish()
        let limit: Int
        if let limitText {
            guard let n = Int(limitText), n > 0, n <= 100_000 else {
                throw CLIError.usage("--limite: «\(limitText)» no es un número entre 1 y 100000", command: args.command)
            }
            limit = n
        } else { limit = .max }
        let services = try open(context)
        if let project {
            guard csv == nil else { throw CLIError.usage("--csv exporta la lista: no indique un PROYECTO", command: args.command) }
            return show(try services.profitability.project(code: project))
        }
        if let csv {
            let bytes = try services.profitability.csv(includeArchived: all)
            if StandardOutputFile.isRequested(csv) {
                Console.writeOut(bytes)
            } else {
                try Data(bytes).write(to: URL(fileURLWithPath: csv), options: .atomic)
                Console.out("Exportado: \(csv)")
            }
            return 0
        }
        let lines = try services.profitability.byMargin(includeArchived: all, limit: limit)
        Console.out(pad("Proyecto", 16) + pad("Cliente", 24) + lpad("Vendido", 16) + lpad("Facturado", 16)
                    + lpad("Costo", 16) + lpad("Margen", 16) + lpad("Marg. %", 8) + lpad("Horas %", 8) + lpad("Pronóst. %", 11))
        for l in lines {
            guard let f = l.figures else {
                Console.out(pad(l.header.code, 16) + pad(l.header.customerName, 24) + (l.problem?.description ?? ""))
                continue
            }
            Console.out(pad(l.header.code, 16) + pad(l.header.customerName, 24) + lpad(f.money(f.soldCents).formatted, 16)
                        + lpad(f.money(f.invoicedCents).formatted, 16) + lpad(f.money(f.totalCostCents).formatted, 16)
                        + lpad(f.money(f.marginOnSoldCents).formatted, 16) + lpad(ProfitabilityCSV.pct(f.marginOnSoldPercent), 8)
                        + lpad(ProfitabilityCSV.pct(f.burnPercent), 8)
                        + lpad(f.forecast.map { ProfitabilityCSV.pct($0.marginPercent) } ?? "sin datos", 11))
        }
        Console.out("\(lines.count) \(lines.count == 1 ? "proyecto" : "proyectos"), el peor margen primero.")
        return 0
    }

    static func show(_ line: ProfitabilityLine) -> Int32 {
        Console.out("\(line.header.code) \(line.header.name) — \(line.header.customerName) (\(line.header.status.displayName))")
        guard let f = line.figures else {
            Console.out(line.problem?.description ?? "sin datos")
            return 1
        }
        for r in f.rows {
            let bar = r.fraction == nil ? String(repeating: " ", count: 20) : ProfitabilityBar.text(r.fraction, width: 20)
            Console.out(pad(r.label, 21) + lpad(r.value, 18) + "  " + bar + "  " + r.note)
        }
        return 0
    }

    static func pad(_ s: String, _ width: Int) -> String {
        let t = s.count > width - 1 ? String(s.prefix(width - 2)) + "… " : s
        return t + String(repeating: " ", count: max(0, width - t.count))
    }

    static func lpad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }
}
