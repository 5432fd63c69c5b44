import BytekGateways
import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Cards on file and card charges on the command line (thin: every rule and refusal comes from `CardService`):
/// `bytek tarjetas [--cliente RUC]`, `bytek cobro cargar|reembolsar|listar|liquidacion|automatico|cuenta|reintentos`.
@MainActor
enum CardCommand {
    static func engine(_ context: CommandContext) throws -> (Services, CardService) {
        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        return (services, services.cards)
    }

    static func customer(_ ruc: String, _ services: Services) throws -> Int64 {
        guard let id = try services.receivables.customerId(docNumber: ruc) else { throw ReceivableError.customerNotFound }
        return id
    }

    static func column(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }

    // MARK: tarjetas

    /// `bytek tarjetas [--cliente RUC]`: saved cards (one customer's, or every customer with autopay).
    static func cards(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let ruc = try args.option("--cliente")
        try args.finish()
        let (services, cards) = try engine(context)
        guard let ruc else {
            let all = try cards.allSavedCards()
            if all.isEmpty { Console.out("No hay tarjetas guardadas.") }
            for c in all { Console.out("\(c.id)  cliente \(c.customerId)  \(c.gateway)  \(c.label)  guardada por \(c.savedBy)") }
            return 0
        }
        let id = try customer(ruc, services)
        let list = try cards.savedCards(customerId: id)
        let autopay = try cards.autopay(customerId: id)
        if list.isEmpty { Console.out("El cliente no tiene tarjetas guardadas.") }
        for c in list {
            let auto = autopay.enabled && autopay.cardId == c.id ? "  cobro automático" : ""
            Console.out("\(c.id)  \(c.gateway)  \(c.label)  guardada por \(c.savedBy)\(auto)")
        }
        return 0
    }

    // MARK: cobro

    static func charge(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let sub = try args.requirePositional("subcomando (cargar, reembolsar, listar, liquidacion, automatico, cuenta o reintentos)")
        switch sub {
        case "cargar": return try chargeNow(&args, context)
        case "reembolsar": return try refund(&args, context)
        case "listar": return try list(&args, context)
        case "liquidacion": return try payout(&args, context)
        case "automatico": return try automatic(&args, context)
        case "cuenta": return try account(&args, context)
        case "reintentos": return try retries(&args, context)
        case "conciliar": return try reconcile(&args, context)
        default: throw CLIError.usage("subcomando desconocido: \(sub)", command: "cobro")
        }
    }

    static func show(_ r: CheckoutResult) {
        Console.out("Cobro \(r.orderId) (\(r.amount.formatted)): \(r.message)")
    }

    static func chargeNow(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let ruc = try args.option("--cliente") else { throw CLIError.usage("falta --cliente RUC", command: "cobro") }
        var documents: [String] = []
        while let d = try args.option("--documento") { documents += d.split(separator: ",").map { String($0) } }
        let card = try args.option("--tarjeta")
        try args.finish()
        let (services, cards) = try engine(context)
        let cardId = try card.map { t -> Int64 in
            guard let n = Int64(t) else { throw CLIError.usage("--tarjeta debe ser el número de la tarjeta guardada (bytek tarjetas)", command: "cobro") }
            return n
        }
        let r = try cards.chargeNow(customerId: try customer(ruc, services), documentIDs: documents, cardId: cardId)
        show(r)
        return r.status == .approved ? 0 : (r.status == .pending ? 3 : 1)
    }

    static func refund(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let id = try args.requirePositional("el cobro a reembolsar (ID)")
        let amount = try args.option("--monto")
        guard let reason = try args.option("--motivo") else { throw CLIError.usage("falta --motivo TEXTO", command: "cobro") }
        try args.finish()
        let (_, cards) = try engine(context)
        let charge = try cards.charge(id)
        let r = try cards.refund(chargeId: charge.id, amount: amount, reason: reason)
        Console.out("Reembolso \(r.id) de \(r.amount.formatted) hecho (\(r.gatewayRefundId ?? "")): pago \(r.reversedPaymentId ?? 0) revertido"
                    + (r.newPaymentId.map { ", nuevo pago \($0) por el resto" } ?? "") + ".")
        return 0
    }

    static func list(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let state = try args.option("--estado")
        let ruc = try args.option("--cliente")
        try args.finish()
        let status = try state.map { t -> ChargeStatus in
            guard let s = ChargeStatus(rawValue: t.lowercased()) else {
                throw CLIError.usage("estado desconocido: \(t) (\(ChargeStatus.allCases.map(\.rawValue).joined(separator: ", ")))", command: "cobro")
            }
            return s
        }
        let (services, cards) = try engine(context)
        var rows = try ruc.map { try cards.charges(customerId: try customer($0, services)) } ?? cards.charges(status: status)
        if let status { rows = rows.filter { $0.status == status } }
        if rows.isEmpty { Console.out("No hay cobros con tarjeta."); return 0 }
        Console.out("ID     Orden         Origen      Intento  Monto            Estado       Detalle")
        for c in rows {
            let detail = c.status == .rechazado ? DeclineText.describe(code: c.declineCode ?? "", message: c.declineMessage ?? "")
                + (c.derived ? " · derivado a cobranza" : c.nextRetryOn.map { " · reintento \($0)" } ?? "")
                : (c.paymentId.map { "pago \($0)" } ?? (c.declineMessage ?? ""))
            Console.out(column(String(c.id), 6) + " " + column(c.orderKey, 13) + " " + column(c.source.rawValue, 11) + " "
                        + column(String(c.attempt), 8) + " " + column(c.amount.formatted, 16) + " " + column(c.status.displayName, 12) + " " + detail)
        }
        return 0
    }

    static func payout(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let gateway = try args.option("--pasarela").flatMap({ GatewayName(rawValue: $0.lowercased()) }) else {
            throw CLIError.usage("falta --pasarela izipay|niubiz", command: "cobro")
        }
        guard let gross = try args.option("--bruto"), let commission = try args.option("--comision") else {
            throw CLIError.usage("faltan --bruto IMPORTE y --comision IMPORTE", command: "cobro")
        }
        let dateText = try args.option("--fecha")
        let currencyText = try args.option("--moneda") ?? "PEN"
        let chargesText = try args.option("--cobros") ?? ""
        let reference = try args.option("--referencia") ?? ""
        try args.finish()
        guard let currency = Currency(rawValue: currencyText.uppercased()) else { throw CLIError.failure("moneda desconocida: \(currencyText) (PEN o USD)") }
        let ids = try chargesText.split(separator: ",").map { t -> Int64 in
            guard let n = Int64(t.trimmingCharacters(in: .whitespaces)) else { throw CLIError.usage("--cobros: ID,ID,… de los cobros", command: "cobro") }
            return n
        }
        let (_, cards) = try engine(context)
        let date = try dateText.map { t -> LocalDate in
            guard let d = LocalDate(t) else { throw CLIError.usage("--fecha AAAA-MM-DD", command: "cobro") }
            return d
        } ?? cards.today
        let p = try cards.recordPayout(gateway: gateway, date: date, gross: gross, commission: commission, currency: currency,
                                       reference: reference, chargeIds: ids)
        Console.out("Liquidación \(p.id) de \(gateway.displayName) del \(p.date): bruto \(p.gross.formatted), comisión \(p.commission.formatted), "
                    + "neto \(p.net.formatted) (\(p.chargeIds.count) cobros). Se concilia con la línea del extracto por \(p.net.formatted).")
        return 0
    }

    static func automatic(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let dateText = try args.option("--fecha")
        try args.finish()
        let (_, cards) = try engine(context)
        let run = try cards.runAutomatic(on: try dateText.map { t in
            guard let d = LocalDate(t) else { throw CLIError.usage("--fecha AAAA-MM-DD", command: "cobro") }
            return d
        })
        for r in run.results { show(r) }
        for f in run.failures { Console.out("Sin cobrar: \(f)") }
        Console.out("Cobros automáticos del \(run.date): \(run.approved) aprobados, \(run.declined) rechazados, \(run.pending) por confirmar, "
                    + "\(run.derived) derivados a cobranza, \(run.resolved) pendientes revisados, \(run.expiringCards) tarjetas por vencer avisadas.")
        return 0
    }

    static func account(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let gateway = try args.option("--pasarela").flatMap({ GatewayName(rawValue: $0.lowercased()) }) else {
            throw CLIError.usage("falta --pasarela izipay|niubiz", command: "cobro")
        }
        guard let idText = try args.option("--cuenta"), let id = Int64(idText) else {
            throw CLIError.usage("falta --cuenta ID (bytek cuenta-bancaria listar)", command: "cobro")
        }
        let currencyText = try args.option("--moneda") ?? "PEN"
        try args.finish()
        guard let currency = Currency(rawValue: currencyText.uppercased()) else { throw CLIError.failure("moneda desconocida: \(currencyText) (PEN o USD)") }
        try engine(context).1.setGatewayAccount(gateway: gateway, currency: currency, bankAccountId: id)
        Console.out("Los cobros con \(gateway.displayName) en \(currency.rawValue) se registran en la cuenta \(id).")
        return 0
    }

    static func retries(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let text = args.positional()
        try args.finish()
        let (_, cards) = try engine(context)
        if let text { try cards.setRetrySchedule(text) }
        Console.out("Días de reintento de los cobros automáticos rechazados: \(try cards.retrySchedule().text)")
        return 0
    }

    /// `bytek cobro conciliar [--aceptar-todas]`: statement lines that are a payout's deposit (its net); accepting
    /// records the commission as a cost.
    static func reconcile(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let all = args.flag("--aceptar-todas")
        try args.finish()
        let (_, cards) = try engine(context)
        let suggestions = try cards.payoutSuggestions()
        if suggestions.isEmpty { Console.out("Ninguna línea del extracto coincide con el neto de una liquidación pendiente.") }
        for s in suggestions {
            Console.out("Línea \(s.lineId) → liquidación \(s.payoutId) (confianza \(s.confidence.label)): \(s.reason)")
            if all && s.confidence == .alta {
                let p = try cards.acceptPayout(lineId: s.lineId, payoutId: s.payoutId)
                Console.out("  conciliada; comisión \(p.commission.formatted) registrada como gasto")
            }
        }
        return 0
    }
}
