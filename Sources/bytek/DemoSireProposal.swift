import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The demo's sample of SUNAT's SIRE proposal: the month's documents SUNAT answered (accepted, observed, voided)
/// written as its proposal beside the database, with two differences made on purpose — one factura's amounts
/// raised by S/ 10.00 + IGV and one factura SUNAT "has" that BYTEK never issued — so Finanzas › Registro de
/// ventas (`p` the month, `a` this file) shows a comparison with differences. Pending documents are not in it
/// (SUNAT has not received them): they show as "Solo en BYTEK".
@MainActor
enum DemoSireProposal {
    static func write(store: Store, databasePath: String) throws -> String {
        let services = Services(store: store, actor: .staff("finanzas", role: .finanzas, door: .cli))
        let period = LocalDate(services.now(), in: ExchangeRateService.lima).yearMonth
        let view = try services.salesRegister.period(period)
        let answered: Set<String> = ["aceptado", "observado", "anulado"]
        var lines = view.lines.filter { answered.contains(view.statuses[$0.key] ?? "") }
        if let i = lines.firstIndex(where: { !$0.voided && $0.type == DocumentKind.factura.code && $0.currency == .pen }) {
            lines[i].amounts.taxable += Money(10, .pen)
            lines[i].amounts.igv += Money(Decimal(string: "1.80")!, .pen)
            lines[i].amounts.total += Money(Decimal(string: "11.80")!, .pen)
            var extra = lines[i]
            extra.number = 99_999
            extra.car = RVIELine.car(ruc: extra.ruc, type: extra.type, series: extra.series, number: extra.number)
            lines.append(extra)
        }
        let path = URL(fileURLWithPath: databasePath).deletingLastPathComponent()
            .appendingPathComponent("propuesta-RVIE-\(SalesRegisterPeriod.code(period)).txt").path
        var bytes: [UInt8] = []
        RVIEFile.appendLatin1(RVIEProposal.text(lines), to: &bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        return "SIRE: propuesta de ejemplo de \(period) en \(path) (Finanzas › Registro de ventas: p \(period), a y la ruta)."
    }
}
