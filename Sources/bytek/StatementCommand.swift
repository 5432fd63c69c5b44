import BytekModel
import BytekServices
import BytekStore
import BytekTUI
import Foundation

/// `bytek estado-cuenta DOCUMENTO [--desde FECHA] [--hasta FECHA] [--pdf ARCHIVO]`: a customer's estado de
/// cuenta (by RUC or DNI) as text, or as the same PDF the TUI prints (`-` writes it to standard output).
/// By default the last twelve months to today.
@MainActor
enum StatementCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let fromText = try args.option("--desde")
        let toText = try args.option("--hasta")
        let pdf = try args.option("--pdf")
        let document = try args.requirePositional("el RUC o DNI del cliente")
        try args.finish()
        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        let receivables = services.receivables
        let to = try toText.map(day) ?? receivables.today
        let from = try fromText.map(day) ?? to.adding(days: -365)
        guard from <= to else { throw CLIError.failure("--desde (\(ExchangeRateRule.dayMonthYear(from))) es posterior a --hasta") }
        do {
            guard let customerId = try receivables.customerId(docNumber: document) else {
                throw CLIError.failure("no hay un cliente con el documento \(document)")
            }
            if let pdf {
                if pdf == "-" {
                    let temp = NSTemporaryDirectory() + "bytek-estado-\(UUID().uuidString).pdf"
                    defer { try? FileManager.default.removeItem(atPath: temp) }
                    try receivables.statementPDF(customerId: customerId, from: from, to: to, path: temp)
                    FileHandle.standardOutput.write(try Data(contentsOf: URL(fileURLWithPath: temp)))
                } else {
                    let pages = try receivables.statementPDF(customerId: customerId, from: from, to: to, path: pdf)
                    Console.out("Estado de cuenta guardado en \(pdf) (\(pages) página\(pages == 1 ? "" : "s")).")
                }
                return 0
            }
            for line in text(try receivables.statement(customerId: customerId, from: from, to: to)) { Console.out(line) }
            return 0
        } catch let e as ReceivableError {
            throw CLIError.failure(e.message)
        } catch let e as QuotePrintingError {
            throw CLIError.failure(QuotePrinting.message(e))
        }
    }

    /// The statement as plain lines: a section per currency, its running balance and aging.
    static func text(_ s: AccountStatement) -> [String] {
        func d(_ day: LocalDate) -> String { ExchangeRateRule.dayMonthYear(day) }
        func pad(_ t: String, _ n: Int, right: Bool = false) -> String {
            let cut = t.count > n ? String(t.prefix(n - 1)) + "…" : t
            let fill = String(repeating: " ", count: max(0, n - cut.count))
            return right ? fill + cut : cut + fill
        }
        var out = ["Estado de cuenta de \(s.customerName) (\(s.customerDocNumber)) del \(d(s.from)) al \(d(s.to)), saldos al \(d(s.asOf))"]
        if s.sections.isEmpty { out.append("Sin movimientos ni saldos en el periodo.") }
        for section in s.sections {
            out.append("")
            out.append("\(section.currency.displayName) (\(section.currency.symbol))")
            out.append(pad("Fecha", 11) + pad("Documento", 14) + pad("Detalle", 32) + pad("Vence", 11) + pad("Cargo", 14, right: true)
                       + pad("Abono", 14, right: true) + pad("Saldo", 15, right: true))
            out.append(pad("", 25) + pad("Saldo inicial", 32) + pad("", 39) + pad(section.opening.formattedAmount, 15, right: true))
            for l in section.lines {
                out.append(pad(d(l.date), 11) + pad(l.reference, 14) + pad(l.description, 32) + pad(l.dueDate.map(d) ?? "", 11)
                           + pad(l.charge?.formattedAmount ?? "", 14, right: true) + pad(l.credit?.formattedAmount ?? "", 14, right: true)
                           + pad(l.balance.formattedAmount, 15, right: true))
            }
            out.append(pad("", 25) + pad("Saldo final", 32) + pad("", 39) + pad(section.closing.formattedAmount, 15, right: true))
            out.append("Antigüedad: " + AgingBucket.allCases.map { "\($0.label): " + (section.aging[$0] ?? .zero(section.currency)).formattedAmount }
                .joined(separator: " · "))
        }
        let credits = s.credits.filter { !$0.isZero }
        if !credits.isEmpty { out.append(""); out.append("Saldo a favor: " + credits.map(\.formatted).joined(separator: " · ")) }
        return out
    }

    /// dd/mm/aaaa or aaaa-mm-dd.
    private static func day(_ text: String) throws -> LocalDate {
        guard let d = ExchangeRateRule.parseDate(text) else { throw CLIError.failure(ExchangeRateError.invalidDate(text).message) }
        return d
    }
}
