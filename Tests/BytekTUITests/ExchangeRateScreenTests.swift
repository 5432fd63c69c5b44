import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Finanzas › Tipo de cambio: the day's rate line, the list, and `n` entering a rate with its checks
/// (3 decimals, the 2.5–6 band confirmed by a second Enter), saved through the service with the door.
@MainActor
@Suite struct ExchangeRateScreenTests {
    func harness(_ role: Role, _ login: String) throws -> ScreenHarness {
        let h = try ScreenHarness(role: role, login: login, width: 140, height: 30)
        try ExchangeRateRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
            .save(ExchangeRate(date: LocalDate("2026-11-15")!, buyMilli: 3_741, sellMilli: 3_749))
        return h
    }

    @Test func finanzasEntersTodaysRateWithItsChecks() throws {
        let h = try harness(.finanzas, "fina")
        h.go(.exchangeRates)
        #expect(h.screen.contains("Hoy (18/11/2026): venta 3.749 — del 15/11 (3 días antes)"), "\(h.screen)")
        #expect(h.screen.contains("15/11/2026") && h.screen.contains("3.741") && h.screen.contains("manual"))
        assertGolden(h.app.lastFrame, "exchange-rates-140x30")

        h.keys(.char("n"))
        #expect(h.screen.contains("Tipo de cambio del día") && h.screen.contains("18/11/2026"), "\(h.screen)")
        assertGolden(h.app.lastFrame, "exchange-rate-entry-140x30")
        h.type("3.7521")
        h.keys(.tab)
        h.type("3.759")
        h.keys(.enter)
        #expect(h.screen.contains("Compra: El tipo de cambio admite hasta 3 decimales."), "\(h.screen)")
        h.keys(.backspace)
        h.keys(.tab)
        h.send(Array(repeating: .key(.backspace), count: 5))
        h.type("7.1")
        h.keys(.enter)
        #expect(h.screen.contains("no está entre 2.5 y 6") && h.screen.contains("Enter otra vez lo guarda igual"), "\(h.screen)")
        #expect(try ExchangeRateRepository(db: h.store.db, user: "x").get(LocalDate("2026-11-18")!) == nil)
        h.send(Array(repeating: .key(.backspace), count: 3))
        h.type("3.759")
        h.keys(.enter)
        #expect(h.screen.contains("Tipo de cambio del 18/11/2026 guardado: compra 3.752, venta 3.759."), "\(h.screen)")
        #expect(h.screen.contains("Hoy (18/11/2026): venta 3.759"), "\(h.screen)")
        let saved = try #require(try ExchangeRateRepository(db: h.store.db, user: "x").get(LocalDate("2026-11-18")!))
        #expect(saved.buyMilli == 3_752 && saved.sellMilli == 3_759 && saved.user == "fina")
        let audit = try h.store.db.queryOne("SELECT user_login, door FROM audit_log WHERE entity = 'exchange_rate' ORDER BY id DESC")
        #expect(audit?.string("user_login") == "fina" && audit?.optionalString("door") == "tui")
    }

    @Test func ventasReadsButTheServiceRefusesItsEntry() throws {
        let h = try harness(.ventas, "vero")
        h.go(.exchangeRates)
        #expect(h.screen.contains("venta 3.749"), "\(h.screen)")
        #expect(!h.screen.contains("n Nuevo"))
        h.keys(.char("n"))
        h.type("3.750")
        h.keys(.tab)
        h.type("3.755")
        h.keys(.enter)
        #expect(h.screen.contains("Su rol (ventas) no tiene permiso para modificar en Tipo de cambio."), "\(h.screen)")
        #expect(try ExchangeRateRepository(db: h.store.db, user: "x").list().count == 1)
    }

    @Test func withoutARateForAWeekTheScreenSaysSo() throws {
        let h = try ScreenHarness(role: .admin, login: "admin", width: 100, height: 30)
        try ExchangeRateRepository(db: h.store.db, user: "admin")
            .save(ExchangeRate(date: LocalDate("2026-11-10")!, buyMilli: 3_741, sellMilli: 3_749))
        h.go(.exchangeRates)
        #expect(h.screen.contains("No hay tipo de cambio desde el 10/11: regístrelo en Finanzas › Tipo de cambio"), "\(h.screen)")
    }
}
