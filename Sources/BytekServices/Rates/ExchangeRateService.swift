import BytekModel
import BytekStore
import Foundation

/// Exchange rates per day, for an actor: list, enter, import a SUNAT file, and the one call the
/// documents in dollars use for their default rate (`defaultRate(for:)`).
public struct ExchangeRateService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    /// Peru's zone: "today" is Lima's day.
    public static let lima = TimeZone(identifier: "America/Lima") ?? TimeZone(secondsFromGMT: -5 * 3600)!

    var repository: ExchangeRateRepository { services.acting(ExchangeRateRepository.self) }

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LocalDate(services.now(), in: Self.lima) }

    /// Rates from `since` (all when nil), newest first.
    public func list(since: LocalDate? = nil, limit: Int = 1000) throws -> [ExchangeRate] {
        try actor.authorize(.rateView)
        return try repository.list(since: since, limit: limit)
    }

    /// The rate of exactly this day (nil when none was entered for it).
    public func get(_ date: LocalDate) throws -> ExchangeRate? {
        try actor.authorize(.rateView)
        return try repository.get(date)
    }

    /// The rate a document of `date` uses: that day's, or the latest earlier one up to 7 days old
    /// (`note` says "del 28/11 (2 días antes)"); older than that it throws `ExchangeRateError.missing`,
    /// whose message tells the user to enter one (an unattended job fails with it instead of guessing).
    public func rateFor(_ date: LocalDate) throws -> ExchangeRateRule.Choice {
        try actor.authorize(.rateView)
        return try ExchangeRateRule.rateFor(date, latest: repository.latest(onOrBefore: date))
    }

    /// The default for quotes, invoices and recurring billing in dollars, and for the sales board's
    /// sums: the venta rate of `date`, the day it came from, and the note to show beside it ("" when
    /// it is the day's own rate).
    public func defaultRate(for date: LocalDate) throws -> (rate: Decimal, fromDate: LocalDate, note: String) {
        let choice = try rateFor(date)
        return (choice.sell, choice.rate.date, choice.note)
    }

    /// "TC 3.752 del 28/11 (2 días antes)", or "TC 3.752 del 30/11 (hoy)" for the day's own rate: what
    /// a document in dollars shows beside its rate.
    public static func label(_ d: (rate: Decimal, fromDate: LocalDate, note: String)) -> String {
        let milli = NSDecimalNumber(decimal: d.rate * 1000).int64Value
        let figure = ExchangeRate.text(milli)
        return "TC " + figure + " " + (d.note.isEmpty ? "del " + ExchangeRateRule.dayMonth(d.fromDate) + " (hoy)" : d.note)
    }

    /// The default rate of `date` with its label; throws `ExchangeRateError.missing` (whose message says
    /// what to do) when there is none within 7 days.
    public func defaultRateLabel(for date: LocalDate) throws -> (rate: Decimal, label: String) {
        let d = try defaultRate(for: date)
        return (d.rate, Self.label(d))
    }

    /// Enters the rate of a day as typed: compra and venta with at most 3 decimals, positive, compra
    /// not above venta, each within 2.5–6 unless `confirmed` (then `ExchangeRateError.needsConfirmation`).
    /// Replaces that day's rate if there was one.
    @discardableResult
    public func record(date: LocalDate, buy: String, sell: String, confirmed: Bool = false) throws -> ExchangeRateRepository.Outcome {
        try actor.authorize(.rateRecord)
        let b = try Self.figure("compra", buy, confirmed: confirmed)
        let s = try Self.figure("venta", sell, confirmed: confirmed)
        try ExchangeRate.checkPair(buyMilli: b, sellMilli: s)
        return try repository.save(ExchangeRate(date: date, buyMilli: b, sellMilli: s, source: .manual))
    }

    /// What an import did.
    public struct ImportReport: Sendable, Hashable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        /// The bad lines ("línea 4: …"), in file order.
        public var problems: [ExchangeRateCSV.Problem] = []
        /// Whether anything was saved (false when bad lines stopped an all-or-nothing import).
        public var saved = false
    }

    /// Imports a file of SUNAT's rates (see `ExchangeRateCSV`). All or nothing: with any bad line nothing
    /// is saved unless `partial`, which saves the good lines. Every line reported.
    public func importRates(_ text: String, partial: Bool = false) throws -> ImportReport {
        try actor.authorize(.rateImport)
        let parsed = ExchangeRateCSV.parse(text)
        var report = ImportReport(problems: parsed.problems)
        guard parsed.problems.isEmpty || partial, !parsed.rows.isEmpty else { return report }
        let outcomes = try repository.saveAll(parsed.rows.map {
            ExchangeRate(date: $0.date, buyMilli: $0.buyMilli, sellMilli: $0.sellMilli, source: .imported)
        })
        for o in outcomes {
            switch o {
            case .created: report.created += 1
            case .updated: report.updated += 1
            case .unchanged: report.unchanged += 1
            }
        }
        report.saved = true
        return report
    }

    private static func figure(_ field: String, _ text: String, confirmed: Bool) throws(ExchangeRateError) -> Int64 {
        do { return try ExchangeRate.milli(text, confirmed: confirmed) } catch { throw .invalid(field: field, error) }
    }
}

extension Services {
    public var exchangeRates: ExchangeRateService { ExchangeRateService(services: self) }
}
