import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The one call documents in dollars use (`defaultRate(for:)`), as the worker would make it, and the
/// checks of entering and importing.
@Suite struct ExchangeRateServiceTests {
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_000_000) }  // 18/11/2026 in Lima

    func store() throws -> (Store, String) {
        let path = NSTemporaryDirectory() + "bytek-rates-" + UUID().uuidString + ".sqlite"
        return (try Store(path: path), path)
    }

    func services(_ store: Store, _ actor: Actor) -> Services {
        Services(store: store, actor: actor, now: Self.now, environment: { [:] })
    }

    @Test func theDefaultRateIsTheDaysVentaOrAnEarlierOneSaidSoOrAVisibleFailure() throws {
        let (store, path) = try store()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let fina = services(store, .staff("fina", role: .finanzas, door: .tui))
        let worker = services(store, .worker)
        #expect(fina.exchangeRates.today == LocalDate("2026-11-18"))

        #expect(throws: ExchangeRateError.missing(day: LocalDate("2026-11-18")!, latest: nil)) {
            try worker.exchangeRates.defaultRate(for: worker.exchangeRates.today)
        }
        try fina.exchangeRates.record(date: LocalDate("2026-11-10")!, buy: "3.701", sell: "3.709")
        do {
            _ = try worker.exchangeRates.defaultRate(for: LocalDate("2026-11-18")!)
            Issue.record("a rate 8 days old must not be used")
        } catch let e as ExchangeRateError {
            #expect(e.message == "no hay tipo de cambio desde el 10/11: regístrelo en Finanzas › Tipo de cambio")
        }
        let week = try worker.exchangeRates.defaultRate(for: LocalDate("2026-11-17")!)
        #expect(week.rate == Decimal(string: "3.709") && week.fromDate == LocalDate("2026-11-10") && week.note == "del 10/11 (7 días antes)")

        try fina.exchangeRates.record(date: LocalDate("2026-11-18")!, buy: "3.741", sell: "3.749")
        let today = try worker.exchangeRates.defaultRate(for: LocalDate("2026-11-18")!)
        #expect(today.rate == Decimal(string: "3.749") && today.note == "")
    }

    @Test func enteringChecksTheFiguresAndReplacesTheDaysRate() throws {
        let (store, path) = try store()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let fina = services(store, .staff("fina", role: .finanzas, door: .cli))
        let day = LocalDate("2026-11-18")!
        #expect(throws: ExchangeRateError.invalid(field: "venta", .tooManyDecimals(.exchangeRate, max: 3))) {
            try fina.exchangeRates.record(date: day, buy: "3.74", sell: "3.7491")
        }
        #expect(throws: ExchangeRateError.buyAboveSell(buy: "3.760", sell: "3.750")) {
            try fina.exchangeRates.record(date: day, buy: "3.76", sell: "3.75")
        }
        do {
            try fina.exchangeRates.record(date: day, buy: "2.1", sell: "2.2")
            Issue.record("outside the band needs confirmation")
        } catch let e as ExchangeRateError {
            #expect(e.needsConfirmation)
        }
        #expect(try fina.exchangeRates.list().isEmpty, "nothing half-written")
        #expect(try fina.exchangeRates.record(date: day, buy: "2.1", sell: "2.2", confirmed: true) == .created)
        #expect(try fina.exchangeRates.record(date: day, buy: "3.741", sell: "3.749") == .updated)
        #expect(try fina.exchangeRates.record(date: day, buy: "3.741", sell: "3.749") == .unchanged)
        let audit = try store.db.query("SELECT action, door FROM audit_log WHERE entity = 'exchange_rate' ORDER BY id")
        #expect(audit.map { $0.string("action") + " " + $0.string("door") } == ["create cli", "update cli"])
    }

    @Test func anImportIsAllOrNothingUnlessPartial() throws {
        let (store, path) = try store()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let fina = services(store, .staff("fina", role: .finanzas, door: .tui))
        let file = "16/11/2026|3.735|3.742|\n17/11/2026|3.738|abc|\n18/11/2026|3.741|3.749|\n"
        let refused = try fina.exchangeRates.importRates(file)
        #expect(!refused.saved && refused.problems.map(\.line) == [2])
        #expect(try fina.exchangeRates.list().isEmpty)
        let partial = try fina.exchangeRates.importRates(file, partial: true)
        #expect(partial.saved && partial.created == 2)
        #expect(try fina.exchangeRates.list().map(\.source) == [.imported, .imported])
        let again = try fina.exchangeRates.importRates("18/11/2026|3.741|3.749|\n")
        #expect(again.unchanged == 1 && again.created == 0)
    }
}

/// The label documents in dollars show beside the default rate.
@Suite struct ExchangeRateDefaultLabelTests {
    @Test func aRateTwoDaysOldIsTheDefaultSaidSoAndTodaysSaysHoy() throws {
        let (store, path) = try ExchangeRateServiceTests().store()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let t = ExchangeRateServiceTests()
        let fina = t.services(store, .staff("fina", role: .finanzas, door: .tui))
        let worker = t.services(store, .worker)
        try fina.exchangeRates.record(date: LocalDate("2026-11-16")!, buy: "3.741", sell: "3.750")
        let old = try worker.exchangeRates.defaultRateLabel(for: worker.exchangeRates.today)
        #expect(old.rate == Decimal(string: "3.75"))
        #expect(old.label == "TC 3.750 del 16/11 (2 días antes)")
        let invoices = worker.invoices
        #expect(try invoices.defaultExchangeRate(for: invoices.today).label == "TC 3.750 del 16/11 (2 días antes)")
        // Eight days after it, nothing is guessed: the message says where to enter one.
        do {
            _ = try worker.exchangeRates.defaultRateLabel(for: LocalDate("2026-11-24")!)
            Issue.record("a rate 8 days old must not be used")
        } catch let e as ExchangeRateError {
            #expect(e.message == "no hay tipo de cambio desde el 16/11: regístrelo en Finanzas › Tipo de cambio")
        }
        try fina.exchangeRates.record(date: LocalDate("2026-11-18")!, buy: "3.744", sell: "3.752")
        #expect(try worker.exchangeRates.defaultRateLabel(for: worker.exchangeRates.today).label == "TC 3.752 del 18/11 (hoy)")
    }
}
