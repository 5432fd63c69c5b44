import BytekServices

/// `bytek cobranzas avisos [--correos "a@x.pe, b@x.pe"]`: who gets the e-mail about documents the worker issued
/// beyond a customer's credit limit (finanzas, admin). Without `--correos` it prints them; `--correos ""` clears.
@MainActor
enum CreditAlertsCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let text = try args.option("--correos")
        try args.finish()
        let store = try context.openStore()
        let credit = context.services(store, try context.requireUser(store)).credit
        let addresses = try text.map { try credit.setAlertRecipients($0) } ?? credit.alertRecipients()
        if text != nil { Console.out("Avisos de sobregiro guardados.") }
        Console.out(addresses.isEmpty
            ? "Nadie recibe los avisos de sobregiro; indíquelos con: bytek cobranzas avisos --correos finanzas@empresa.pe"
            : "Reciben los avisos de sobregiro: " + addresses.joined(separator: ", "))
        return 0
    }
}
