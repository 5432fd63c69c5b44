import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// A factura typed by hand in dollars with the rate left empty takes the day's venta rate (here the
/// latest of the week before, said so beside the field and in the question); without one the user is
/// told where to enter it and may type one by hand.
@MainActor
@Suite struct BillingExchangeRateScreenTests {
    /// Description, price, then back up to Moneda: dólares (the rate stays as `rate`, "" for empty).
    func typeDollarFactura(_ h: ScreenHarness, rate: String = "") {
        h.keys(.ctrl("s"))  // no line yet: the description is asked first
        h.type("Servidores")
        h.keys(.tab, .tab)
        h.type("100")
        h.keys(.backTab, .backTab, .backTab, .backTab)  // back up to the exchange rate
        if !rate.isEmpty { h.type(rate) }
        h.keys(.backTab, .right)  // Moneda: dólares
    }

    @Test func anEmptyRateTakesTheDaysRateSaidSo() throws {
        let h = try ScreenHarness.invoiceByHand()
        // Opened before the rate exists: the plain hint. Reopen after entering it.
        #expect(h.screen.contains("Soles por dólar, solo en USD"), "\(h.screen)")
        h.keys(.escape)
        try ExchangeRateRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
            .save(ExchangeRate(date: LocalDate("2026-11-16")!, buyMilli: 3_741, sellMilli: 3_749))
        h.keys(.char("m"))
        h.type("andina")
        h.keys(.enter)
        #expect(h.screen.contains("Vacío en USD: TC 3.749 del 16/11 (2 días antes)"), "\(h.screen)")
        typeDollarFactura(h)
        h.keys(.ctrl("s"))
        #expect(h.question?.hasPrefix("¿Emitir Factura F001-1 por US$ 118.00") == true, "\(h.screen)")
        #expect(h.question?.hasSuffix("TC 3.749 del 16/11 (2 días antes).") == true, "\(h.question ?? h.screen)")
        h.keys(.char("s"))
        #expect(h.app.topScreen is BillingListScreen, "\(h.screen)")
        let record = try #require(try h.edocs.record(documentID: "F001-1"))
        #expect(try h.edocs.document(id: record.id)?.exchangeRate == Decimal(string: "3.749"))
    }

    @Test func withoutARateTheUserIsToldAndMayTypeOne() throws {
        let h = try ScreenHarness.invoiceByHand()
        typeDollarFactura(h)
        h.keys(.ctrl("s"))
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("No hay tipo de cambio para el 18/11: regístrelo en Finanzas › Tipo de cambio, o escríbalo."),
                "\(h.screen)")
        #expect(try h.edocs.list().isEmpty)
        h.type("3.71")  // the focus is on the exchange rate
        h.keys(.ctrl("s"))
        #expect(h.question?.hasPrefix("¿Emitir Factura F001-1 por US$ 118.00") == true, "\(h.screen)")
        #expect(h.question?.contains("TC") == false, "\(h.question ?? "")")
        h.keys(.char("s"))
        let record = try #require(try h.edocs.record(documentID: "F001-1"))
        #expect(try h.edocs.document(id: record.id)?.exchangeRate == Decimal(string: "3.71"))
    }
}

/// A quote set to dollars with the rate left empty takes the day's venta rate, shown with the day it
/// came from in the header; without one, the user is told where to enter it and may type one.
@MainActor
@Suite struct QuoteDollarRateScreenTests {
    func harness(rate: Bool) throws -> ScreenHarness {
        let h = try ScreenHarness(width: 200)
        try h.addCustomers(ScreenHarness.sampleCustomers)
        if rate {
            try ExchangeRateRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
                .save(ExchangeRate(date: LocalDate("2026-11-16")!, buyMilli: 3_741, sellMilli: 3_749))
        }
        _ = try h.addQuote(terms: .cash)
        h.go(.quotes)
        h.keys(.enter, .char("h"))
        h.keys(.tab, .right)  // unit → Moneda: dólares, the rate left empty
        h.keys(.ctrl("s"))
        return h
    }

    @Test func aQuoteSetToDollarsTakesTheDaysRateSaidSo() throws {
        let h = try harness(rate: true)
        #expect(h.builder?.quote.currency == .usd, "\(h.screen)")
        #expect(h.builder?.quote.exchangeRate == Decimal(string: "3.749"), "\(h.screen)")
        #expect(h.screen.contains("TC 3.749 del 16/11 (2 días antes)"), "\(h.screen)")
    }

    @Test func withoutARateTheUserIsToldAndMayTypeOne() throws {
        let h = try harness(rate: false)
        #expect(h.screen.contains("No hay tipo de cambio para el 18/11: regístrelo en Finanzas › Tipo de cambio, o escríbalo."),
                "\(h.screen)")
        #expect(h.app.topScreen is QuoteFormScreen)
        h.type("3.7")  // the focus is on the exchange rate
        h.keys(.ctrl("s"))
        #expect(h.builder?.quote.currency == .usd, "\(h.screen)")
        #expect(h.builder?.quote.exchangeRate == Decimal(string: "3.7"), "\(h.screen)")
        #expect(h.screen.contains("T.C. 3.7") && !h.screen.contains("TC 3.7"), "\(h.screen)")
    }
}
