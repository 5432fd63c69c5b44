import BytekDemo
import BytekModel
import BytekStore

/// `bytek demo [--no-invoices]`: fills the database with demonstration data. No user is needed (the demo creates one per
/// role). Refuses a database that already has customers, so a demo never mixes with real data.
@MainActor
enum DemoCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let withInvoices = !args.flag("--no-invoices")
        try args.finish()
        let store = try context.openStore(creating: true)
        let summary: DemoSeeder.Summary
        do {
            summary = try DemoSeeder.seed(store: store)
        } catch DemoSeeder.Failure.notEmpty {
            throw CLIError.failure("la base de datos \(context.dbPath) ya tiene clientes; la demostración necesita una base vacía (use --db con otra ruta)")
        }
        Console.out("Base de demostración lista en \(context.dbPath): \(summary.users) usuario(s), "
            + "\(summary.customers) cliente(s), \(summary.catalogItems) ítem(s) del catálogo.")
        let rates = try DemoExchangeRates.seed(store: store)
        Console.out("Tipo de cambio: \(rates) día(s) importados (compra y venta de los últimos 30 días).")
        Console.out(try DemoPadron.install(store: store, databasePath: context.dbPath))
        if withInvoices {
            let billing = try DemoBillingRun.run(store: store, context: context)
            let order: [EDocumentStatus] = [.aceptado, .observado, .rechazado, .anulado, .enviado, .pendiente, .error]
            let counts = order.compactMap { s in billing.statuses[s].map { "\($0) \(s.rawValue)" } }
            Console.out("Comprobantes electrónicos: \(billing.issued) emitidos y firmados"
                + (counts.isEmpty ? "." : " (" + counts.joined(separator: ", ") + ")."))
            if let warning = billing.warning { Console.err("Aviso: \(warning)") }
            Console.out(try DemoSireProposal.write(store: store, databasePath: context.dbPath))
            if let r = try DemoRecurring.run(store: store, environment: context.environment) { Console.out("Recurrentes: \(r.issued.count) comprobante(s) con \(r.lines) periodo(s) de suscripciones.") }
            if let r = try DemoReminders.run(store: store, environment: context.environment) { Console.out("Recordatorios: \(r.sent.count) en cola (\(r.sent.filter { $0.channel == "whatsapp" }.count) por WhatsApp), \(r.held.count) cliente(s) retenido(s).") }
        }
        Console.out("Usuarios: " + DemoSeeder.users.map(\.login).joined(separator: ", ")
            + ". Ábrala con: bytek --db \(context.dbPath) --user admin")
        if let login = try DemoPortal.create(db: store.db) {
            Console.out("Portal: \(DemoPortal.address) — usuario \(login) contraseña \(DemoPortal.password) "
                + "(con bytek --db \(context.dbPath) serve)")
        }
        return 0
    }
}
