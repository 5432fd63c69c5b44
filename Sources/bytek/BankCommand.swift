import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek banco importar|conciliar`: bank statements. The columns of each bank are guessed from the header
/// the first time (or given with --columnas) and remembered; `conciliar` lists each pending line with its
/// suggestion, and `--aceptar-todas` records the exact ones.
@MainActor
enum BankCommand {
    nonisolated static let help = """
    Extractos bancarios: los movimientos de una cuenta (CSV del banco) se guardan una sola vez (importar el
    mismo archivo otra vez no duplica nada) y se concilian con las cuentas por cobrar abiertas por monto,
    número de operación y cliente (RUC, nombre o comprobante en la descripción).

      bytek banco importar --cuenta ID ARCHIVO [--columnas MAPA] [--fechas aaaa-mm-dd] [--partial]
            Importa el extracto en la cuenta ID (vea «bytek banco cuentas»). Las columnas se reconocen por
            su nombre (Fecha, Descripción, Monto o Abono/Cargo, Operación, Saldo) y se recuerdan por banco;
            si no, indíquelas: --columnas "fecha=F. Valor,descripcion=Glosa,monto=Importe,operacion=Nro,saldo=Saldo"
            (también cargo=COLUMNA). Todo o nada salvo --partial. Los cargos no se guardan.
      bytek banco conciliar [--cuenta ID] [--aceptar-todas]
            Lista las líneas pendientes con la sugerencia, su confianza y el motivo. --aceptar-todas registra
            los pagos de las coincidencias exactas (monto exacto y cliente identificado); las demás esperan.
      bytek banco cuentas
            Las cuentas bancarias con su ID.
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando: importar, conciliar o cuentas", command: args.command)
        }
        switch sub {
        case "importar":
            let accountText = try args.option("--cuenta")
            let columns = try args.option("--columnas")
            let order = try args.option("--fechas")
            let partial = args.flag("--partial")
            let file = try args.requirePositional("el ARCHIVO (CSV del banco)")
            try args.finish()
            guard let accountText, let accountId = Int64(accountText) else {
                throw CLIError.usage("falta --cuenta ID (vea «bytek banco cuentas»)", command: args.command)
            }
            let mapping = try columns.map { try parseColumns($0, order: order) }
            let services = try open(context)
            let bytes = try ImportCommand.readInput(file)
            let report = try services.bankStatements.importStatement(accountId: accountId, bytes: bytes, mapping: mapping,
                                                                     partial: partial)
            for p in report.problems { Console.err(p.description) }
            if !report.saved {
                throw ImportRefused(message: "importación cancelada: \(report.problems.count) línea(s) con errores; no se guardó nada")
            }
            Console.out("Extracto de \(report.account.label): \(report.added) línea(s) nuevas, \(report.repeated) ya importadas"
                        + (report.charges > 0 ? ", \(report.charges) cargo(s) omitidos" : "") + ".")
            if !report.problems.isEmpty {
                throw ImportRefused(message: "\(report.problems.count) línea(s) con errores no se importaron")
            }
            return 0
        case "conciliar":
            let accountText = try args.option("--cuenta")
            let acceptAll = args.flag("--aceptar-todas")
            try args.finish()
            let accountId = try accountText.map { t -> Int64 in
                guard let id = Int64(t) else { throw CLIError.usage("--cuenta: «\(t)» no es un ID", command: args.command) }
                return id
            }
            let services = try open(context)
            if acceptAll {
                let r = try services.bankStatements.acceptExact(accountId: accountId)
                Console.out("\(r.accepted) pago(s) registrados de coincidencias exactas; \(r.waiting) línea(s) pendientes.")
                return 0
            }
            let pending = try services.bankStatements.pending(accountId: accountId)
            if pending.isEmpty { Console.out("No hay líneas pendientes."); return 0 }
            for p in pending {
                let l = p.line.line
                let head = "#\(p.line.id)  " + ExchangeRateRule.dayMonthYear(l.date) + "  " + l.amount.formatted
                    + (l.operationNumber.isEmpty ? "" : "  op. " + l.operationNumber) + "  " + l.description
                Console.out(head)
                if let s = p.suggestion {
                    let docs = p.receivables.map { $0.documentID + " " + $0.balance.formatted }.joined(separator: ", ")
                    Console.out("      → " + (docs.isEmpty ? "" : docs + " — ") + "confianza \(s.confidence.label): \(s.reason)")
                } else {
                    Console.out("      → sin coincidencia: queda pendiente")
                }
            }
            return 0
        case "cuentas":
            try args.finish()
            let services = try open(context)
            for a in try services.receivables.bankAccounts(includeInactive: true) {
                Console.out("\(a.id)  \(a.label)" + (a.isDetraccion ? "  detracciones" : "") + (a.active ? "" : "  (inactiva)"))
            }
            return 0
        default:
            throw CLIError.usage("subcomando desconocido: \(sub) (use importar, conciliar o cuentas)", command: args.command)
        }
    }

    /// "fecha=Fecha,descripcion=Glosa,monto=Importe,operacion=Nro,saldo=Saldo,cargo=Cargo".
    static func parseColumns(_ text: String, order: String?) throws -> BankStatementMapping {
        var map: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[1].isEmpty else { throw CLIError.failure("--columnas: «\(pair)» no es rol=COLUMNA") }
            let role = TextFold.fold(kv[0])
            guard ["fecha", "descripcion", "monto", "cargo", "operacion", "saldo"].contains(role) else {
                throw CLIError.failure("--columnas: «\(kv[0])» no es fecha, descripcion, monto, cargo, operacion ni saldo")
            }
            map[role] = kv[1]
        }
        guard let date = map["fecha"], let description = map["descripcion"], let amount = map["monto"] else {
            throw CLIError.failure("--columnas: indique al menos fecha, descripcion y monto")
        }
        var dateOrder = BankStatementMapping.DateOrder.dayMonthYear
        if let order {
            guard let o = BankStatementMapping.DateOrder(rawValue: order) else {
                throw CLIError.failure("--fechas: use dd/mm/aaaa o aaaa-mm-dd")
            }
            dateOrder = o
        }
        return BankStatementMapping(date: date, description: description, amount: amount, debit: map["cargo"],
                                    operation: map["operacion"], balance: map["saldo"], dateOrder: dateOrder)
    }

    private static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }
}
