import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Cobranzas on the command line: `bytek cobranzas` (the open receivables and their aging), `bytek pago
/// registrar|aplicar-saldo|revertir|ver`, `bytek detraccion registrar`, `bytek retencion registrar`,
/// `bytek cuenta-bancaria agregar|listar|desactivar|activar` and `bytek estado-cuenta RUC`. Thin: every
/// rule and refusal comes from `ReceivableService`.
@MainActor
enum ReceivableCommand {
    // MARK: cobranzas

    static func list(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        if args.words.first == "avisos" { _ = args.positional(); return try CreditAlertsCommand.run(&args, context) }
        let ruc = try args.option("--cliente")
        let overdue = args.flag("--vencidas")
        let currency = try args.option("--moneda").map(currencyArg)
        let unit = try args.option("--unidad").map { text -> BusinessUnit in
            guard let u = BusinessUnit(rawValue: text.uppercased()) else { throw CLIError.usage("unidad desconocida: \(text) (U1, U2 o U3)", command: args.command) }
            return u
        }
        let limitText = try args.option("--limite")
        try args.finish()
        let limit = try limitText.map { t -> Int in
            guard let n = Int(t), n > 0, n <= 100_000 else { throw CLIError.usage("--limite debe ser un número entre 1 y 100000", command: "cobranzas") }
            return n
        } ?? 200
        let services = try open(context)
        let customerId = try ruc.map { try customer($0, services) }
        let query = ReceivableQuery(unit: unit, customerId: customerId, currency: currency, overdueOnly: overdue,
                                    asOf: services.receivables.today)
        let pager = try services.receivables.pager(query)
        let rows = try pager.first(limit)
        if rows.isEmpty {
            Console.out("No hay cuentas por cobrar pendientes\(overdue ? " vencidas" : "").")
        } else {
            Console.out("Comprobante   Parte       Cuota  Cliente                          Vence       Días  Saldo")
            for p in rows {
                let r = p.item
                let days = r.daysOverdue(on: query.asOf)
                Console.out(pad(r.documentID, 13) + " " + pad(r.part.displayName, 11) + " " + pad(r.installment == 0 ? "—" : String(r.installment), 6)
                            + " " + pad(r.customerName, 32) + " " + ExchangeRateRule.dayMonthYear(r.dueDate) + "  "
                            + pad(days > 0 ? String(days) : "", 5) + " " + r.balance.formatted + (r.unattended ? "  (sin revisar)" : ""))
            }
            let total = try pager.count()
            if total > rows.count { Console.out("… \(total - rows.count) más (use --limite N o filtre con --cliente)") }
        }
        let aging = try services.receivables.agingTotals(query)
        for c in Currency.allCases where aging.totals[c] != nil {
            let cells = AgingBucket.allCases.map { "\($0.label): \(aging.total(c, $0).formatted)" }
            Console.out("Antigüedad \(c.rawValue) — " + cells.joined(separator: "  ") + "  Total: \(aging.total(c).formatted)")
        }
        return 0
    }

    // MARK: pago

    nonisolated static let paymentHelp = """
    Registra un pago recibido y lo aplica a comprobantes del cliente (finanzas o admin):
      bytek pago registrar --cliente RUC --monto 1180.00 --moneda PEN --metodo transferencia --cuenta 1 \\
        --operacion 556677 --aplicar F001-12,F001-15:300.00
    --aplicar F001-12 aplica lo que debe el comprobante (sus cuotas, la más antigua primero) hasta agotar el
    pago; F001-12:300.00 aplica ese importe, en la moneda del comprobante. Lo que sobra queda como saldo a
    favor del cliente, que se aplica después con «bytek pago aplicar-saldo». Un pago en otra moneda que el
    comprobante necesita --tc (soles por dólar del día del pago); la diferencia de cambio se muestra por
    comprobante. Métodos: transferencia, deposito, efectivo, yape_plin, tarjeta, cheque (todos menos
    efectivo piden --cuenta y --operacion: la misma operación de un banco no se registra dos veces).
    --fecha: dd/mm/aaaa o aaaa-mm-dd (hoy si se omite). Un pago no se edita: «bytek pago revertir ID --motivo»
    deshace sus aplicaciones y se registra de nuevo.
    """

    static func payment(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando: registrar, aplicar-saldo, revertir o ver", command: args.command)
        }
        switch sub {
        case "registrar":
            let ruc = try required(&args, "--cliente", "el RUC o documento del cliente (--cliente)")
            let amountText = try required(&args, "--monto", "el importe (--monto 1180.00)")
            let currencyText = try args.option("--moneda") ?? "PEN"
            let methodText = try args.option("--metodo") ?? "transferencia"
            let accountText = try args.option("--cuenta")
            let operation = try args.option("--operacion") ?? ""
            let dateText = try args.option("--fecha")
            let rateText = try args.option("--tc")
            let applyText = try args.option("--aplicar")
            let note = try args.option("--nota") ?? ""
            try args.finish()
            let currency = try currencyArg(currencyText)
            guard let method = PaymentMethod.allCases.first(where: { $0.rawValue == methodText.lowercased() || TextFold.fold($0.displayName) == TextFold.fold(methodText) })
            else { throw CLIError.usage("método desconocido: \(methodText) (transferencia, deposito, efectivo, yape_plin, tarjeta o cheque)", command: "pago") }
            let accountId = try accountText.map { t -> Int64 in
                guard let id = Int64(t) else { throw CLIError.usage("--cuenta es el número que muestra «bytek cuenta-bancaria listar»", command: "pago") }
                return id
            }
            let services = try open(context)
            let amount = try ReceivableService.amount(amountText, currency: currency, field: "importe del pago")
            let rate = try rateText.map(ReceivableService.exchangeRate)
            let customerId = try customer(ruc, services)
            let date = try day(dateText, services)
            let documents = (applyText ?? "").split(separator: ",").map { ReceivableService.DocumentApplication(String($0)) }
                .filter { !$0.documentID.isEmpty }
            let applications = try services.receivables.applications(customerId: customerId, documents: documents, available: amount,
                                                                     exchangeRate: rate)
            let p = try services.receivables.recordPayment(PaymentInput(
                customerId: customerId, date: date, method: method, bankAccountId: accountId, operationNumber: operation,
                amount: amount, exchangeRate: rate, applications: applications, note: note))
            Console.out("Pago \(p.id) registrado: \(p.amount.formatted) del \(ExchangeRateRule.dayMonthYear(p.date)).")
            try printApplications(p, services)
            if !p.unapplied.isZero { Console.out("Saldo a favor del cliente: \(p.unapplied.formatted)") }
            return 0
        case "aplicar-saldo":
            let ruc = try required(&args, "--cliente", "el RUC o documento del cliente (--cliente)")
            let applyText = try required(&args, "--aplicar", "los comprobantes (--aplicar F001-12[:monto],...)")
            let dateText = try args.option("--fecha")
            try args.finish()
            let services = try open(context)
            let customerId = try customer(ruc, services)
            let documents = applyText.split(separator: ",").map { ReceivableService.DocumentApplication(String($0)) }
            var applications: [PaymentApplication] = []
            for (currency, credit) in try services.receivables.credit(customerId: customerId) where credit.amount > 0 {
                let forCurrency = try documents.filter { d in
                    try services.receivables.receivables(documentID: d.documentID).first?.currency == currency
                }
                applications += try services.receivables.applications(customerId: customerId, documents: forCurrency, available: credit,
                                                                      exchangeRate: nil)
            }
            let done = try services.receivables.applyCredit(customerId: customerId, date: try day(dateText, services),
                                                            applications: applications)
            for a in done { Console.out("Aplicado \(a.amount.formatted) a la cuenta \(a.receivableId).") }
            let left = try services.receivables.credit(customerId: customerId).values.map(\.formatted)
            Console.out("Saldo a favor restante: " + (left.isEmpty ? "ninguno" : left.joined(separator: ", ")))
            return 0
        case "revertir":
            let idText = try args.requirePositional("el número del pago")
            let reason = try required(&args, "--motivo", "el motivo (--motivo TEXTO)")
            try args.finish()
            guard let id = Int64(idText) else { throw CLIError.usage("el número del pago no es válido: \(idText)", command: "pago") }
            let services = try open(context)
            let p = try services.receivables.reversePayment(id: id, reason: reason)
            Console.out("Pago \(p.id) de \(p.amount.formatted) revertido: \(p.reversalReason ?? reason).")
            return 0
        case "ver":
            let idText = try args.requirePositional("el número del pago")
            try args.finish()
            guard let id = Int64(idText) else { throw CLIError.usage("el número del pago no es válido: \(idText)", command: "pago") }
            let services = try open(context)
            guard let p = try services.receivables.payment(id: id) else { throw ReceivableError.paymentNotFound(id) }
            Console.out("Pago \(p.id): \(p.amount.formatted) del \(ExchangeRateRule.dayMonthYear(p.date)), \(p.method.displayName)"
                        + (p.operationNumber.isEmpty ? "" : ", operación \(p.operationNumber)")
                        + (p.isReversed ? " — REVERTIDO: \(p.reversalReason ?? "")" : ""))
            try printApplications(p, services)
            if !p.unapplied.isZero { Console.out("Dejó de saldo a favor: \(p.unapplied.formatted)") }
            return 0
        default:
            throw CLIError.usage("subcomando desconocido: \(sub) (use registrar, aplicar-saldo, revertir o ver)", command: args.command)
        }
    }

    private static func printApplications(_ p: Payment, _ services: Services) throws {
        for a in p.applications {
            guard let r = try services.receivables.receivable(id: a.receivableId) else { continue }
            let app = try services.receivables.applications(receivableId: r.id).first { $0.sourceId == p.id && $0.source == .payment }
            let difference = app?.exchangeDifference.map { "  dif. de cambio \($0.formatted)" } ?? ""
            Console.out("  \(r.documentID)\(r.installment > 0 ? " cuota \(r.installment)" : ""): \(a.amount.formatted)"
                        + " — saldo \(r.balance.formatted)" + difference)
        }
    }

    // MARK: detracción, retención

    static func detraccion(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard args.positional() == "registrar" else { throw CLIError.usage("use: bytek detraccion registrar COMPROBANTE ...", command: args.command) }
        let constancia = try required(&args, "--constancia", "el número de constancia (--constancia)")
        let amountText = try required(&args, "--monto", "el importe depositado (--monto)")
        let dateText = try args.option("--fecha")
        let document = try args.requirePositional("el comprobante (F001-12)")
        try args.finish()
        let services = try open(context)
        let amount = try ReceivableService.amount(amountText, currency: .pen, field: "importe depositado")
        let d = try services.receivables.recordDetraccionDeposit(documentID: document.uppercased(), constancia: constancia,
                                                                 date: try day(dateText, services), amount: amount)
        let left = try services.receivables.receivables(documentID: document.uppercased()).first { $0.part == .detraccion }?.balance
        Console.out("Detracción de \(document.uppercased()) registrada: constancia \(d.constancia), \(d.amount.formatted)"
                    + (left.map { "; pendiente \($0.formatted)" } ?? ""))
        return 0
    }

    static func retencion(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard args.positional() == "registrar" else { throw CLIError.usage("use: bytek retencion registrar COMPROBANTE ...", command: args.command) }
        let number = try required(&args, "--numero", "el número del comprobante de retención (--numero R001-5)")
        let amountText = try required(&args, "--monto", "el importe retenido (--monto)")
        let dateText = try args.option("--fecha")
        let document = try args.requirePositional("el comprobante (F001-12)")
        try args.finish()
        let services = try open(context)
        let currency = try services.receivables.receivables(documentID: document.uppercased()).first { $0.part == .retencion }?.currency ?? .pen
        let amount = try ReceivableService.amount(amountText, currency: currency, field: "importe retenido")
        let r = try services.receivables.recordRetentionReceipt(documentID: document.uppercased(), number: number,
                                                                date: try day(dateText, services), amount: amount)
        Console.out("Retención de \(document.uppercased()) registrada: \(r.number), \(r.amount.formatted).")
        return 0
    }

    // MARK: cuenta-bancaria

    static func bankAccount(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando: agregar, listar, desactivar o activar", command: args.command)
        }
        switch sub {
        case "agregar":
            let bank = try required(&args, "--banco", "el banco (--banco BCP)")
            let number = try required(&args, "--numero", "el número de cuenta (--numero)")
            let currency = try currencyArg(try args.option("--moneda") ?? "PEN")
            let detraccion = args.flag("--detraccion")
            try args.finish()
            let services = try open(context)
            let a = try services.receivables.addBankAccount(bank: bank, number: number, currency: currency, isDetraccion: detraccion)
            Console.out("Cuenta bancaria \(a.id) agregada: \(a.label)\(a.isDetraccion ? " — detracciones" : "").")
            return 0
        case "listar":
            let all = args.flag("--todas")
            try args.finish()
            let services = try open(context)
            let accounts = try services.receivables.bankAccounts(includeInactive: all)
            if accounts.isEmpty { Console.out("No hay cuentas bancarias; agregue una con «bytek cuenta-bancaria agregar»."); return 0 }
            for a in accounts {
                Console.out(pad(String(a.id), 4) + " " + a.label + (a.isDetraccion ? "  detracciones" : "") + (a.active ? "" : "  (desactivada)"))
            }
            return 0
        case "desactivar", "activar":
            let idText = try args.requirePositional("el número de la cuenta")
            try args.finish()
            guard let id = Int64(idText) else { throw CLIError.usage("el número de la cuenta no es válido: \(idText)", command: "cuenta-bancaria") }
            let services = try open(context)
            let a = try services.receivables.setBankAccountActive(id: id, sub == "activar")
            Console.out("Cuenta bancaria \(a.label) \(a.active ? "activada" : "desactivada").")
            return 0
        default:
            throw CLIError.usage("subcomando desconocido: \(sub) (use agregar, listar, desactivar o activar)", command: args.command)
        }
    }

    // MARK: estado-cuenta

    static func statement(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let fromText = try args.option("--desde")
        let toText = try args.option("--hasta")
        let pdf = try args.option("--pdf")
        let ruc = try args.requirePositional("el RUC o documento del cliente")
        try args.finish()
        let services = try open(context)
        let customerId = try customer(ruc, services)
        let to = try toText.map { try day($0, services) } ?? services.receivables.today
        let from = try fromText.map { try day($0, services) } ?? LocalDate(year: to.year, month: 1, day: 1) ?? to
        if let pdf { return try StatementPDFCommand.write(services, customerId: customerId, from: from, to: to, path: pdf) }
        let s = try services.receivables.statement(customerId: customerId, from: from, to: to)
        Console.out("Estado de cuenta — \(s.customerName) (\(s.customerDocNumber))")
        Console.out("Del \(ExchangeRateRule.dayMonthYear(s.from)) al \(ExchangeRateRule.dayMonthYear(s.to))")
        if s.sections.isEmpty { Console.out("Sin movimientos.") }
        for section in s.sections {
            Console.out("")
            Console.out("\(section.currency.rawValue) — saldo inicial \(section.opening.formatted)")
            Console.out("Fecha       Referencia       Detalle                    Vence       Cargo           Abono           Saldo")
            for l in section.lines {
                Console.out(ExchangeRateRule.dayMonthYear(l.date) + "  " + pad(l.reference, 16) + " " + pad(l.description, 26) + " "
                            + pad(l.dueDate.map(ExchangeRateRule.dayMonthYear) ?? "", 11) + " " + pad(l.charge?.formattedAmount ?? "", 15)
                            + " " + pad(l.credit?.formattedAmount ?? "", 15) + " " + l.balance.formattedAmount)
            }
            Console.out("Saldo final \(section.closing.formatted)")
            let cells = AgingBucket.allCases.map { "\($0.label): \((section.aging[$0] ?? .zero(section.currency)).formatted)" }
            Console.out("Antigüedad — " + cells.joined(separator: "  "))
        }
        for c in s.credits { Console.out("Saldo a favor: \(c.formatted)") }
        return 0
    }

    // MARK: helpers

    private static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }

    private static func required(_ args: inout Arguments, _ name: String, _ what: String) throws -> String {
        guard let v = try args.option(name), !v.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CLIError.usage("falta \(what)", command: args.command)
        }
        return v
    }

    private static func currencyArg(_ text: String) throws -> Currency {
        guard let c = Currency(rawValue: text.uppercased()) else { throw CLIError.failure("moneda desconocida: \(text) (PEN o USD)") }
        return c
    }

    private static func customer(_ doc: String, _ services: Services) throws -> Int64 {
        guard let id = try services.receivables.customerId(docNumber: doc) else { throw ReceivableError.customerNotFound }
        return id
    }

    /// "hoy" (or nothing), dd/mm/aaaa or aaaa-mm-dd.
    private static func day(_ text: String?, _ services: Services) throws -> LocalDate {
        guard let text, TextFold.fold(text) != "hoy" else { return services.receivables.today }
        guard let d = ExchangeRateRule.parseDate(text) else { throw CLIError.failure(ExchangeRateError.invalidDate(text).message) }
        return d
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? String(s.prefix(n)) : s + String(repeating: " ", count: n - s.count)
    }
}
