import BytekModel
import BytekSUNAT
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The credit limit at issue: no limit (0) never stops; exactly at the limit passes; one céntimo over is
/// refused with the figures unless finanzas overrides it with a reason (recorded with the document, audited);
/// ventas cannot override; dollars count at the day's rate; the worker issues anyway, flagged.
@Suite struct CreditLimitTests {
    func limit(_ fx: LedgerFixture, _ cents: Int64, _ currency: Currency = .pen) throws {
        try fx.store.db.execute("UPDATE customer SET credit_limit_cents = ?, credit_currency = ? WHERE id = ?",
                                [.int(cents), .text(currency.rawValue), .int(fx.customer)])
    }

    func services(_ fx: LedgerFixture, _ actor: Actor) -> Services {
        Services(store: fx.store, actor: actor, now: LedgerFixture.now, environment: { BillingMatrix.environment })
    }

    @Test func zeroAtAndOneCentimoOver() throws {
        let fx = try LedgerFixture()
        let fina = services(fx, .staff("fina", role: .finanzas, door: .cli))
        // Limit 0: no limit.
        _ = try fina.invoices.issue(LedgerFixture.factura(price: 1000))                 // owes S/ 1,180.00
        // Exactly at the limit: 1,180.00 + 118.00 = 1,298.00.
        try limit(fx, 129_800)
        _ = try fina.invoices.issue(LedgerFixture.factura(price: 100))
        #expect(try fx.store.db.scalar("SELECT count(*) FROM credit_override").intValue == 0)
        // One céntimo over: owes 1,298.00; the limit becomes 1,298.00 and the new factura S/ 0.01.
        try limit(fx, 129_800)
        let cent = try LedgerFixture.factura(price: Decimal(string: "0.01")!)          // 0.01 + IGV 0.00 = 0.01
        do {
            _ = try fina.invoices.issue(cent)
            Issue.record("one céntimo over the limit must be refused")
        } catch let e as CreditLimitError {
            #expect(e.message == "Cliente A S.A.C. supera su línea de crédito: debe S/ 1,298.00, este comprobante suma S/ 0.01 "
                    + "(total S/ 1,298.01) y su línea es S/ 1,298.00 (exceso S/ 0.01). Finanzas debe autorizar el sobregiro con un motivo")
        }
        let ventas = services(fx, .staff("vera", role: .ventas, door: .tui))
        #expect(throws: ServiceError.forbidden(operation: "credito.sobregiro", role: .ventas)) {
            _ = try ventas.credit.gate(customer: ventas.credit.repository.customer(id: fx.customer), newAmount: Money(1, .pen),
                                       what: "esta cotización", override: "por favor")
        }
        #expect(throws: CreditLimitError.reasonRequired) { _ = try fina.invoices.issue(cent, creditOverride: "  ") }
        let record = try fina.invoices.issue(cent, creditOverride: "Pago confirmado por el gerente")
        let row = try #require(try fx.store.db.queryOne("SELECT * FROM credit_override"))
        #expect(row.int("e_document_id") == record.id && row.string("reference") == record.documentID)
        #expect(row.int("open_cents") == 129_800 && row.int("new_cents") == 1 && row.int("limit_cents") == 129_800)
        #expect(row.string("reason") == "Pago confirmado por el gerente" && row.string("user_login") == "fina" && row.int("unattended") == 0)
        let audit = try fx.store.db.queryOne("SELECT user_login, door, summary FROM audit_log WHERE entity = 'credit_override'")
        #expect(audit?.string("summary").hasPrefix("Sobregiro autorizado: \(record.documentID), Cliente A S.A.C., total S/ 1,298.01") == true)
        #expect(audit?.string("door") == "cli")
    }

    @Test func dollarsAtTheDaysRateAndTheWorkerIssuesFlagged() throws {
        let fx = try LedgerFixture()
        let fina = services(fx, .staff("fina", role: .finanzas, door: .cli))
        try fina.exchangeRates.record(date: LedgerFixture.today, buy: "3.700", sell: "3.750")
        _ = try fina.invoices.issue(LedgerFixture.factura(price: 100, currency: .usd, rate: Decimal(string: "3.75")!))  // US$ 118.00
        try limit(fx, 50_000)  // S/ 500.00; owes 118 × 3.75 = 442.50
        let e = try #require(try fina.credit.exposure(customerId: fx.customer, newAmount: Money(Decimal(string: "57.50")!, .pen)))
        #expect(e.open == Money(Decimal(string: "442.50")!, .pen) && !e.isOver)
        #expect(try fina.credit.exposure(customerId: fx.customer, newAmount: Money(Decimal(string: "57.51")!, .pen))?.isOver == true)
        // The worker issues anyway; the override row is flagged unattended, waiting for finanzas' e-mail.
        // (Recurring billing and milestones issue through `credit.gate(document:)` as the worker.)
        let worker = services(fx, .worker)
        let doc = try LedgerFixture.factura(price: 100)
        let flagged = try worker.credit.gate(document: doc, override: nil)
        let record = try EDocumentIssuer(repository: EDocumentRepository(db: fx.store.db, user: "worker", now: LedgerFixture.now),
                                         key: LedgerFixture.key.get()).issue(doc, alongside: flagged)
        let row = try #require(try fx.store.db.queryOne("SELECT * FROM credit_override"))
        #expect(row.int("unattended") == 1 && row.int("e_document_id") == record.id && row.string("user_login") == "worker")
        #expect(try worker.credit.unmailedUnattended().map(\.line) == ["\(record.documentID): total S/ 560.50, línea S/ 500.00"])
        #expect(try fx.store.db.scalar("SELECT count(*) FROM job WHERE kind = 'credito.aviso'").intValue == 1)

        // The job mails finanzas once: without addresses it waits; with them it sends and marks the rows.
        var sent: [(String, [String])] = []
        #expect(try CreditAlertJob.run(db: fx.store.db, now: LedgerFixture.now) { to, lines, _ in sent.append((to, lines)) }
                .hasPrefix("omitido: falta credito_aviso_correos"))
        // Finanzas chooses the addresses: a wrong one refuses the whole list (nothing saved); ventas may not.
        #expect(throws: CreditLimitError.invalidRecipient("no-es-correo")) {
            try fina.credit.setAlertRecipients("fina@bytek.pe, no-es-correo")
        }
        #expect(try fina.credit.alertRecipients().isEmpty)
        #expect(throws: ServiceError.self) {
            try services(fx, .staff("vera", role: .ventas, door: .tui)).credit.setAlertRecipients("vera@bytek.pe")
        }
        #expect(try fina.credit.setAlertRecipients(" fina@bytek.pe ,fina@bytek.pe") == ["fina@bytek.pe"])
        #expect(try fx.store.db.scalar("SELECT summary FROM audit_log WHERE entity = 'credit_override' AND action = 'update'")
                .stringValue == "Avisos de sobregiro a: fina@bytek.pe")
        #expect(try CreditAlertJob.run(db: fx.store.db, now: LedgerFixture.now) { to, lines, _ in sent.append((to, lines)) }
                == "enviado a fina@bytek.pe: 1 comprobante(s)")
        #expect(sent.map(\.0) == ["fina@bytek.pe"] && sent.first?.1 == ["\(record.documentID): total S/ 560.50, línea S/ 500.00"])
        #expect(try CreditAlertJob.run(db: fx.store.db, now: LedgerFixture.now) { _, _, _ in Issue.record("sent twice") } == "nada que avisar")
        let mail = CreditAlertJob.message(["F001-9: total S/ 1.00, línea S/ 0.50"], to: "fina@bytek.pe", from: "BYTEK <a@b.pe>",
                                          date: LedgerFixture.now())
        #expect(mail.contains("To: <fina@bytek.pe>\r\n") && mail.contains("Content-Type: text/plain; charset=utf-8"))
    }
}
