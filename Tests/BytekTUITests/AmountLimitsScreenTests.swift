import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Figures typed beyond `AmountLimits` in the forms: a sentence beside the field, no crash (before: an
/// overflow trap in TaxEngine.igvOf on the first keystroke past 10¹⁴), nothing saved.
@MainActor
extension ScreenHarness {
    /// The invoice-by-hand form (Facturación, `m`) open for Comercial Andina, with signing credentials.
    static func invoiceByHand() throws -> ScreenHarness {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.saveBillingSettings()
        h.openBilling(environment: env)
        h.keys(.char("m"))
        h.type("andina")
        h.keys(.enter)
        return h
    }

    /// Clears the focused field, types `text` and saves (Ctrl-U, the text, Ctrl-S).
    func retypeAndSave(_ text: String) {
        keys(.ctrl("u"))
        type(text)
        keys(.ctrl("s"))
    }
}

@MainActor
@Suite struct AmountLimitsScreenTests {
    static let twenty = "99999999999999999999"

    @Test func twentyDigitsInAQuoteLineAreRefusedBesideTheField() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.addQuoteCatalog()
        let quote = try h.addQuote()
        h.go(.quotes)
        h.keys(.enter)
        h.keys(.char("a"))
        h.type("nas")
        h.keys(.enter, .tab, .tab, .ctrl("u"))
        h.type(Self.twenty)  // the preview recomputes on every digit
        h.keys(.ctrl("s"))
        #expect(h.app.topScreen is QuoteFormScreen)
        #expect(h.screen.contains("La cantidad supera el máximo permitido (1,000,000,000)"))
        // Nine digits are a valid quantity, but 999,999,999 × S/ 2,500 is beyond the line limit.
        h.retypeAndSave("999999999")
        #expect(h.app.topScreen is QuoteFormScreen)
        #expect(h.screen.contains("supera el máximo permitido"))
        h.keys(.escape)
        let id = try #require(quote.id)
        let stored = try #require(try h.quotes.get(id))
        #expect(stored.lines.count == 3)
        let drafts = try h.store.db.scalar(
            "SELECT count(*) FROM form_draft WHERE fields_json LIKE '%999999999%'").intValue
        #expect(drafts == 0)
    }

    @Test func twentyDigitsInAnInvoiceByHandIssueNothing() throws {
        let h = try ScreenHarness.invoiceByHand()
        h.keys(.ctrl("s"))  // nothing typed: the focus goes to the first description
        h.type("Servidores")
        h.keys(.tab, .ctrl("u"))
        h.type(Self.twenty)
        h.keys(.tab)
        h.type("100")
        h.keys(.ctrl("s"))
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("La cantidad supera el máximo permitido"))
        #expect(try h.edocs.list().isEmpty)
        #expect(try Numbering.last("F001", in: h.store.db) == 0)
    }

    @Test func anUnusualExchangeRateIsIssuedOnlyOnceConfirmed() throws {
        let h = try ScreenHarness.invoiceByHand()
        h.keys(.ctrl("s"))  // no line yet: the description is asked first
        h.type("Servidores")
        h.keys(.tab, .tab)
        h.type("100")
        h.keys(.backTab, .backTab, .backTab, .backTab)  // back up to the exchange rate
        h.type("37.5")
        h.keys(.backTab, .right)  // Moneda: dólares
        h.keys(.ctrl("s"))
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("no está entre 2.5 y 6 soles por dólar"), "\(h.screen)")
        #expect(try h.edocs.list().isEmpty)
        h.keys(.ctrl("s"))  // the same rate again: confirmed, then the issue itself is asked
        #expect(h.question?.hasPrefix("¿Emitir Factura F001-1 por US$ 118.00") == true, "\(h.screen)")
        h.keys(.char("s"))
        #expect(h.app.topScreen is BillingListScreen, "\(h.screen)")
        let record = try #require(try h.edocs.record(documentID: "F001-1"))
        #expect(try h.edocs.document(id: record.id)?.exchangeRate == Decimal(string: "37.5"))
    }

    @Test func aCatalogPriceBeyondTheLimitIsRefusedAsTyped() throws {
        let h = try CatalogScreenTests().harness()
        h.keys(.char("n"))
        h.type("caro-1")
        h.keys(.tab)
        h.type("Servidor de oro")
        h.keys(.tab, .tab, .tab, .tab, .tab, .tab)  // description, unit, niche, kind, … → the price
        h.type(Self.twenty)
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Monto fuera de rango."), "\(h.screen)")
        h.retypeAndSave("100000000000.01")
        #expect(h.screen.contains("Supera el máximo permitido (100,000,000,000.00)."), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM catalog_item WHERE sku = 'CARO-1'").intValue == 0)
        h.retypeAndSave("100000000000.00")
        #expect(h.screen.contains("Ítem guardado: CARO-1"), "\(h.screen)")
    }

    @Test func aQuoteExchangeRateOutsideTheBandNeedsASecondSave() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let quote = try h.addQuote(terms: .cash)
        h.go(.quotes)
        h.keys(.enter, .char("h"))
        h.keys(.tab, .tab)  // unit, currency → the exchange rate
        h.type("3.7512")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("El tipo de cambio admite hasta 3 decimales."), "\(h.screen)")
        h.retypeAndSave("375")
        #expect(h.screen.contains("El tipo de cambio 375 no está entre 2.5 y 6 soles por dólar. Ctrl-S otra vez lo confirma."), "\(h.screen)")
        #expect(h.builder?.quote.exchangeRate == nil)
        h.keys(.ctrl("s"))
        #expect(h.builder?.quote.exchangeRate == 375, "\(h.screen)")
        #expect(quote.exchangeRate == nil)
    }

    @Test func aSecondCreditNoteCannotCreditMoreThanIsLeft() throws {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        try h.saveBillingSettings()
        let original = try h.addFactura("Soporte técnico", price: 500)  // S/ 590.00
        try h.accept(original.id)
        h.send([.tick])
        h.openBilling(environment: env)
        func creditNote(_ amount: String) {
            h.keys(.char("c"), .right, .tab)  // 04 Descuento global
            h.type("Descuento acordado")
            h.keys(.tab)
            h.type(amount)
            h.keys(.ctrl("s"), .char("s"))  // save, and answer «¿Emitir …? Se enviará a SUNAT.»
        }
        creditNote("400")  // S/ 472.00
        #expect(h.app.topScreen is BillingListScreen)
        #expect(try h.edocs.record(documentID: "FC01-1")?.total == Money(minorUnits: 47_200, .pen))
        h.keys(.down)
        #expect(h.billingList?.pane.table.selectedID == original.id)
        creditNote("100.01")  // S/ 118.01: one céntimo more than is left
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("solo le queda S/ 118.00"), "\(h.screen)")
        #expect(try h.edocs.record(documentID: "FC01-2") == nil)
        for _ in 0..<6 { h.keys(.backspace) }
        h.type("100")
        h.keys(.ctrl("s"), .char("s"))
        #expect(h.app.topScreen is BillingListScreen, "\(h.screen)")
        #expect(try h.edocs.record(documentID: "FC01-2")?.total == Money(minorUnits: 11_800, .pen))
    }

    @Test func validityAndCreditDaysStayWithinTenYears() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.addQuote(terms: .cash)
        h.go(.quotes)
        h.keys(.enter, .char("h"))
        h.keys(.tab, .tab, .tab, .tab)  // unit, currency, rate, prices with IGV → validity
        h.retypeAndSave("9223372036854775807")  // Int.max days: the due date once trapped
        #expect(h.screen.contains("La validez va de 1 a 3650 días."), "\(h.screen)")
        h.retypeAndSave("3650")
        #expect(h.builder?.quote.validityDays == 3650, "\(h.screen)")
        #expect(h.builder?.quote.validUntil == ScreenHarness.today.adding(days: 3650))
    }
}


@Suite struct AmountLimitTextTests {
    static let errors: [AmountLimitError] = [
        .notANumber(.quantity), .tooLarge(.unitPrice, max: AmountLimits.maxUnitPrice), .tooLarge(.lineAmount, max: AmountLimits.maxAmount),
        .tooManyDecimals(.unitCost, max: 10), .tooManyDecimals(.exchangeRate, max: 3), .tooManyLines(count: 1001, max: 1000),
        .exchangeRateNotPositive, .exchangeRateOutsideBand(Decimal(string: "37.5")!), .tooLarge(.documentTotal, max: 1),
        .notANumber(.discount), .notANumber(.amount),
    ]

    /// The screens say in Spanish exactly what the model (and so the CLI) says, and in English with BYTEK_LANG=en.
    @Test(arguments: errors) func spanishAsTheModelEnglishOfItsOwn(_ e: AmountLimitError) {
        #expect(ErrorText(Strings(language: .es)).limit(e) == e.message)
        let english = ErrorText(Strings(language: .en)).limit(e)
        #expect(english != e.message && !english.contains("limit."), "\(english)")
    }
}
