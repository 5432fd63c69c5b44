import BytekModel
import BytekServices
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// A reminder desk over fixed values: the standard policy (ids 1…6) and Comercial Andina's two open
/// receivables, previewed with the real template rendering.
@MainActor
final class FixedReminderDesk: ReminderDesk {
    let today = LocalDate("2026-11-18")!
    var policy = ReminderPolicy(id: 1, name: "Estándar", graceDays: 3, isDefault: true,
                                levels: ReminderDefaults.levels().enumerated().map { i, l in
                                    var l = l; l.id = Int64(i + 1); return l })
    var settingsByCustomer: [Int64: ReminderCustomerSettings] = [:]
    static let receivables = [
        Receivable(id: 1, documentId: 1, documentID: "F001-101", documentKind: .factura, customerId: 1, customerName: "Comercial Andina S.A.C.",
                   customerDocNumber: "20100047218", unit: nil, part: .neto, installment: 0, amount: Money(minorUnits: 118_000, .pen),
                   settled: Money(minorUnits: 0, .pen), issueDate: LocalDate("2026-10-18")!, dueDate: LocalDate("2026-11-15")!),
        Receivable(id: 2, documentId: 2, documentID: "F001-102", documentKind: .factura, customerId: 1, customerName: "Comercial Andina S.A.C.",
                   customerDocNumber: "20100047218", unit: nil, part: .neto, installment: 2, amount: Money(minorUnits: 50_000, .pen),
                   settled: Money(minorUnits: 0, .pen), issueDate: LocalDate("2026-10-18")!, dueDate: LocalDate("2026-11-21")!),
    ]
    static let recipients = ReminderRecipients(emails: ["pagos@andina.pe"], whatsapp: "51912345678")

    func policies() throws -> [ReminderPolicy] { [policy] }
    func plan() throws -> ReminderPlan {
        var p = ReminderPlan()
        p.batches = [ReminderBatch(customerId: 1, customerName: "Comercial Andina S.A.C.", customerDocNumber: "20100047218",
                                   policyName: "Estándar", level: policy.levels[2], receivables: [Self.receivables[0]])]
        p.held = [ReminderHold(customerId: 2, customerName: "Ferretería Ñaña E.I.R.L.", stop: .disputed)]
        return p
    }
    func outgoing(_ batch: ReminderBatch) throws -> ReminderOutgoing { try preview(batch.level, customerId: batch.customerId)! }
    func preview(_ level: ReminderLevel, customerId: Int64) throws -> ReminderOutgoing? {
        ReminderOutgoing(level: level, recipients: Self.recipients,
                         message: ReminderMessage(customerName: "Comercial Andina S.A.C.", receivables: Self.receivables, today: today,
                                                  payLink: "https://portal.bytek.pe/c/1/pagar"))
    }
    /// Checked by the policy's real rules, then kept.
    func saveLevel(_ level: ReminderLevel, policyId: Int64) throws -> ReminderLevel {
        var l = try policy.check(level)
        if l.id == nil { l.id = Int64(policy.levels.count + 1) }
        policy.levels = (policy.levels.filter { $0.id != l.id } + [l]).sorted { $0.offsetDays < $1.offsetDays }
        return l
    }
    func settings(customerId: Int64) throws -> ReminderCustomerSettings { settingsByCustomer[customerId] ?? ReminderCustomerSettings(customerId: customerId) }
    func history(customerId: Int64) throws -> [ReminderHistoryEntry] { [] }
    func pause(customerId: Int64, _ paused: Bool) throws {}
    func dispute(customerId: Int64, _ open: Bool) throws {}
    func promise(customerId: Int64, until: LocalDate?) throws {}
    func describe(_ error: Error) -> String { "\(error)" }
}

@MainActor
@Suite struct ReminderScreenTests {
    /// Comercial Andina's reminders open over the real operations layer, as `role`.
    static func customerScreen(role: Role, login: String) throws -> (ScreenHarness, Int64) {
        let h = try ScreenHarness(role: role, login: login, width: 120, height: 30)
        try h.addCustomers([("20100047218", "Comercial Andina S.A.C.", "Miraflores")])
        let customer = try #require(try h.store.db.queryOne("SELECT id FROM customer")).int("id")
        h.go(.receivables)
        let desk = ServicesReminderDesk(services: h.app.context.services(h.store), strings: h.app.context.strings)
        h.app.stacks[.receivables]?.append(ReminderCustomerScreen(desk: desk, customerId: customer, customerName: "Comercial Andina S.A.C.",
                                                                  strings: h.app.context.strings))
        h.app.draw()
        return (h, customer)
    }

    @Test func rFromCobranzasShowsTheLevelsAndPreviewsTheChosenOneForTheRowsCustomer() throws {
        let h = try ScreenHarness(width: 120, height: 48)
        _ = try h.openCobranzas()
        let desk = FixedReminderDesk()
        var opened: (Int64?, String, Bool)?
        h.cobranzas?.openReminders = { id, name, customer, ctx in
            opened = (id, name, customer)
            ctx.push(ReminderPolicyScreen(desk: desk, customerId: id, customerName: name, strings: ctx.strings))
        }
        h.select("F001-101")
        h.keys(.char("R"))
        #expect(opened?.0 == 1 && opened?.1 == "Comercial Andina S.A.C." && opened?.2 == false)
        let screen = h.screen
        #expect(screen.contains("Política Estándar — gracia 3 días"), "\(screen)")
        #expect(screen.contains("▸   −3  correo   Próximo vencimiento: {total} el {vencimiento}"), "\(screen)")
        #expect(screen.contains("Asunto: Próximo vencimiento: S/ 1,680.00 el 15/11/2026"), "\(screen)")
        #expect(screen.contains("F001-101   —      15/11/2026  S/ 1,180.00"), "\(screen)")
        assertGolden(h.app.lastFrame, "reminders-policy-120x48")
        // ↓: level 0 by WhatsApp: its ordered parameters, then the fallback e-mail.
        h.keys(.down)
        #expect(h.screen.contains("WhatsApp a 51912345678, plantilla recordatorio_vencimiento:"), "\(h.screen)")
        #expect(h.screen.contains("{{1}} Comercial Andina S.A.C.") && h.screen.contains("{{2}} F001-101, F001-102 (cuota 2)")
                && h.screen.contains("{{4}} https://portal.bytek.pe/c/1/pagar"), "\(h.screen)")
        #expect(h.screen.contains("Si WhatsApp falla, este correo:") && h.screen.contains("Asunto: Recordatorio de pago — Comercial Andina S.A.C."))
        h.keys(.escape)
        #expect(h.app.stacks[.receivables]?.last is ReceivablesScreen)
    }

    @Test func enterEditsTheChosenLevelAndTheRefusalsLandOnTheirFields() throws {
        let h = try ScreenHarness(width: 120, height: 48)
        let desk = FixedReminderDesk()
        h.go(.receivables)
        h.app.stacks[.receivables]?.append(ReminderPolicyScreen(desk: desk, customerId: 1, customerName: "Comercial Andina S.A.C.",
                                                                strings: h.app.context.strings, drafts: DraftRepository(db: h.store.db)))
        h.app.draw()
        h.keys(.enter)                                   // the −3 e-mail level
        let form = try #require(h.app.stacks[.receivables]?.last as? FormScreen)
        #expect(h.screen.contains("Nivel −3 de la política"), "\(h.screen)")
        form.form.focus("offset")
        h.keys(.ctrl("u"))
        h.type("1234567890")
        form.form.focus("subject")
        h.keys(.ctrl("u"))
        h.type("Deuda {monto} de {cliente}")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Días: «1234567890» está fuera de rango"), "\(h.screen)")
        form.form.focus("offset")
        h.keys(.ctrl("u"))
        h.type("-5")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Asunto: no se conoce {monto}"), "\(h.screen)")
        #expect(desk.policy.levels.first?.offsetDays == -3, "nothing saved while refused")
        form.form.focus("subject")
        h.keys(.ctrl("u"))
        h.type("Vence pronto: {total}")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Nivel −5 guardado."), "\(h.screen)")
        // Back on the policy: the level moved to −5 and the preview renders the new subject for the customer.
        #expect(h.screen.contains("▸   −5  correo   Vence pronto: {total}"), "\(h.screen)")
        #expect(h.screen.contains("Asunto: Vence pronto: S/ 1,680.00"), "\(h.screen)")
    }

    @Test func thePaletteOpensTheRemindersOverCobranzas() throws {
        let h = try ScreenHarness(role: .finanzas, login: "fina", width: 120, height: 40)
        h.go(.customers)
        h.keys(.char(":"))
        h.type("recordatorios")
        #expect(h.screen.contains("Recordatorios de cobranza"), "\(h.screen)")
        h.keys(.enter)
        #expect(h.app.stacks[.receivables]?.last is ReminderPolicyScreen, "\(h.screen)")
        #expect(h.screen.contains("No hay política por defecto"), "\(h.screen)")
    }

    @Test func hOpensTheCustomerAndItsPromiseDisputeAndPauseGoThroughTheService() throws {
        let (h, customer) = try Self.customerScreen(role: .ventas, login: "vero")
        #expect(h.screen.contains("Recordatorios — Comercial Andina S.A.C.") && h.screen.contains("Estado: activos"), "\(h.screen)")
        #expect(h.screen.contains("Aún no se enviaron recordatorios a este cliente."))
        h.keys(.char("m"))      // ventas may record a promise: a week from 18/11/2026
        #expect(h.screen.contains("Estado: promesa de pago hasta 25/11/2026"), "\(h.screen)")
        #expect(h.screen.contains("Último cambio: vero"), "\(h.screen)")
        h.keys(.char("d"))
        #expect(h.screen.contains("en disputa"), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT disputed FROM reminder_customer WHERE customer_id = ?", [.int(customer)]).intValue == 1)
        #expect(try h.store.db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'reminder_customer' AND door = 'tui'").intValue == 2)
    }

    @Test func aRoleThatMayNotIsRefusedAndNothingIsWritten() throws {
        let (h, _) = try Self.customerScreen(role: .operaciones, login: "oscar")
        h.keys(.char("p"))
        #expect(h.screen.contains("no tiene permiso"), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM reminder_customer").intValue == 0)
    }
}
