import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek deal list [--unit U] [--stage NAME] [--owner LOGIN] [--csv [FILE]]`: the deals for scripts.
/// Needs read access to Ventas (`venta.listar`).
@MainActor
enum DealCommand {
    static let csvColumns = ["id", "unidad", "titulo", "cliente", "documento", "etapa", "probabilidad", "dias_en_etapa",
                             "atrasado", "vendedor", "moneda", "valor_estimado", "cierre_esperado", "origen", "motivo_perdida"]

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else { throw CLIError.usage("falta el subcomando: list", command: "deal") }
        guard sub == "list" else { throw CLIError.usage("subcomando desconocido: \(sub) (use list)", command: "deal") }
        let unitText = try args.option("--unit")
        let stageText = try args.option("--stage")
        let owner = try args.option("--owner")
        let csv = try args.optionalValue("--csv")
        try args.finish()
        let unit = try unitText.map { try SalesCLI.unit($0, command: "deal") }
        return try SalesCLI.translatingErrors {
            let store = try context.openStore()
            let user = try context.requireUser(store)
            let listed: [DealListRow]
            do {
                listed = try context.services(store, user).sales
                    .listing(unit: unit, owner: owner.map(User.normalizeLogin), stageName: stageText)
            } catch DealListingError.unknownStage(let name, let known) {
                throw CLIError.usage("etapa desconocida: \(name) (etapas: \(known.joined(separator: ", ")))", command: "deal")
            }
            let rows: [[String]] = listed.map { row in
                let d = row.deal
                return [String(d.id ?? 0), d.unit.code, d.title, row.partyName, row.partyDocument, row.stage?.name ?? "",
                        String(row.stage?.probability ?? 0), String(row.daysInStage), row.stale ? "sí" : "no", d.owner,
                        d.estimatedValue.currency.rawValue, SalesCLI.plain(d.estimatedValue),
                        d.expectedClose?.description ?? "", sourceName(d.source), d.lostReason ?? ""]
            }
            if let csv {
                try SalesCLI.writeCSV(header: csvColumns, rows: rows, to: csv)
                return 0
            }
            if rows.isEmpty { Console.out("No hay oportunidades con esos filtros."); return 0 }
            let table = zip(listed, rows).map { l, r in
                [r[0], r[1], String(r[2].prefix(36)), String(r[3].prefix(28)), r[5], r[7] + (l.stale ? " !" : ""), r[9],
                 l.deal.estimatedValue.formatted]
            }
            SalesCLI.printTable(["ID", "UNIDAD", "OPORTUNIDAD", "CLIENTE", "ETAPA", "DÍAS", "VENDEDOR", "VALOR"], table,
                                rightAligned: [0, 5, 7])
            Console.out("\(rows.count) oportunidad(es); «!» = más días en la etapa de lo previsto.")
            return 0
        }
    }

    static func sourceName(_ source: DealSource) -> String {
        switch source {
        case .web: return "web"
        case .referral: return "referido"
        case .whatsapp: return "WhatsApp"
        case .facebook: return "Facebook"
        case .call: return "llamada"
        case .other: return "otro"
        }
    }
}
