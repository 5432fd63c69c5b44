import BytekModel
import Foundation
import Testing

/// Levels and templates: offsets, placeholders, limits, rendering, contacts.
@Suite struct ReminderTemplateTests {
    static let policy = ReminderPolicy(id: 1, name: "P", levels: [
        ReminderLevel(id: 1, offsetDays: 0, channel: .email(EmailReminderTemplate(subject: "s", body: "b")))])

    @Test func offsetsTypedByAUser() throws {
        #expect(try ReminderLevel.parseOffset("-3") == -3)
        #expect(try ReminderLevel.parseOffset("+7") == 7)
        #expect(try ReminderLevel.parseOffset(" 0 ") == 0)
        #expect(try ReminderLevel.parseOffset("−60") == -60)
        #expect(try ReminderLevel.parseOffset("365") == 365)
        #expect(throws: ReminderPolicyError.offsetOutOfRange("366")) { try ReminderLevel.parseOffset("366") }
        #expect(throws: ReminderPolicyError.offsetOutOfRange("-61")) { try ReminderLevel.parseOffset("-61") }
        #expect(throws: ReminderPolicyError.offsetOutOfRange("1234567890")) { try ReminderLevel.parseOffset("1234567890") }
        #expect(throws: ReminderPolicyError.offsetOutOfRange("99999999999999999999")) {
            try ReminderLevel.parseOffset("99999999999999999999")
        }
        #expect(throws: ReminderPolicyError.offsetNotANumber("3.5")) { try ReminderLevel.parseOffset("3.5") }
        #expect(throws: ReminderPolicyError.offsetNotANumber("")) { try ReminderLevel.parseOffset("") }
        #expect(ReminderPolicyError.offsetOutOfRange("1234567890").message
                == "Días: «1234567890» está fuera de rango; use de -60 (antes del vencimiento) a +365 (después).")
    }

    @Test func unknownPlaceholdersAreRefusedByName() throws {
        let level = ReminderLevel(offsetDays: 3, channel: .email(EmailReminderTemplate(
            subject: "Aviso {cliente}", body: "Debe {monto} al {fecha_pago} — {total} {monto}")))
        #expect(throws: ReminderPolicyError.unknownPlaceholders(field: "mensaje", names: ["monto", "fecha_pago"])) {
            try Self.policy.check(level)
        }
        let message = ReminderPolicyError.unknownPlaceholders(field: "mensaje", names: ["monto", "fecha_pago"]).message
        #expect(message.hasPrefix("Mensaje: no se conoce {monto}, {fecha_pago}; use {cliente}, {documentos}, {total}"))
        let badSubject = ReminderLevel(offsetDays: 3, channel: .email(EmailReminderTemplate(subject: "{Cliente}", body: "x")))
        #expect(throws: ReminderPolicyError.unknownPlaceholders(field: "asunto", names: ["Cliente"])) { try Self.policy.check(badSubject) }
        #expect(throws: ReminderPolicyError.unknownPlaceholders(field: "parámetros", names: ["monto"])) {
            try WhatsAppReminderTemplate.parseParameters("cliente, {monto}, total")
        }
        #expect(try WhatsAppReminderTemplate.parseParameters("cliente, {total},enlace_pago") == [.cliente, .total, .enlace_pago])
    }

    @Test func limitsOfLevelsAndTemplates() throws {
        let huge = String(repeating: "a", count: 100_000)
        let big = ReminderLevel(offsetDays: 3, channel: .email(EmailReminderTemplate(subject: "Aviso", body: huge)))
        #expect(throws: ReminderPolicyError.templateTooLong(field: "mensaje", max: 20_000)) { try Self.policy.check(big) }
        #expect(ReminderPolicyError.templateTooLong(field: "mensaje", max: 20_000).message
                == "Mensaje: el texto es demasiado largo; use hasta 20000 caracteres.")
        let dup = ReminderLevel(offsetDays: 0, channel: .email(EmailReminderTemplate(subject: "a", body: "b")))
        #expect(throws: ReminderPolicyError.duplicateOffset(0)) { try Self.policy.check(dup) }
        // The same level saved again (same id) keeps its own offset.
        #expect(try Self.policy.check(ReminderLevel(id: 1, offsetDays: 0, channel: dup.channel)).offsetDays == 0)
        #expect(throws: ReminderPolicyError.offsetOutOfRange("400")) { try Self.policy.check(ReminderLevel(offsetDays: 400, channel: dup.channel)) }
        #expect(throws: ReminderPolicyError.emptyTemplate(field: "asunto")) {
            try Self.policy.check(ReminderLevel(offsetDays: 5, channel: .email(EmailReminderTemplate(subject: "  ", body: "b"))))
        }
        #expect(throws: ReminderPolicyError.invalidCopyAddress("finanzas@")) {
            try Self.policy.check(ReminderLevel(offsetDays: 5, channel: .email(EmailReminderTemplate(subject: "a", body: "b", copyTo: ["finanzas@"]))))
        }
        #expect(throws: ReminderPolicyError.invalidWhatsAppName("Aviso Mora")) {
            try Self.policy.check(ReminderLevel(offsetDays: 5, channel: .whatsapp(WhatsAppReminderTemplate(name: "Aviso Mora", parameters: []))))
        }
        #expect(throws: ReminderPolicyError.invalidWhatsAppLanguage("español")) {
            try Self.policy.check(ReminderLevel(offsetDays: 5, channel: .whatsapp(WhatsAppReminderTemplate(name: "aviso", language: "español", parameters: []))))
        }
        #expect(WhatsAppReminderTemplate.isValidLanguage("es_PE") && WhatsAppReminderTemplate.isValidLanguage("es"))
    }

    static func r(_ id: Int64, _ doc: String, installment: Int = 0, due: String, cents: Int64, settled: Int64 = 0,
                  _ c: Currency = .pen) -> Receivable {
        Receivable(id: id, documentId: id, documentID: doc, documentKind: .factura, customerId: 7, customerName: "Minera Andina S.A.",
                   customerDocNumber: "20100047218", unit: nil, part: .neto, installment: installment,
                   amount: Money(minorUnits: cents, c), settled: Money(minorUnits: settled, c),
                   issueDate: LocalDate("2026-10-01")!, dueDate: LocalDate(due)!)
    }

    @Test func renderingFillsEveryPlaceholder() throws {
        let rs = [Self.r(2, "F001-00000045", installment: 2, due: "2026-12-05", cents: 59_000),
                  Self.r(1, "F001-00000031", due: "2026-11-30", cents: 118_000, settled: 18_000),
                  Self.r(3, "F001-00000050", due: "2026-12-01", cents: 5_000, .usd)]
        let m = ReminderMessage(customerName: "Minera Andina S.A.", receivables: rs, today: LocalDate("2026-12-07")!,
                                payLink: "https://portal.bytek.pe/c/7/pagar")
        let text = m.fill("{cliente}|{total}|{vencimiento}|{dias_vencido}|{enlace_pago}")
        // 1,000.00 + 590.00 soles; 50.00 dollars; earliest due 30/11, 7 days before the 7th.
        #expect(text == "Minera Andina S.A.|S/ 1,590.00 + US$ 50.00|30/11/2026|7|https://portal.bytek.pe/c/7/pagar")
        #expect(m.fill("{documentos}") == """
            Documento      Cuota  Vence             Saldo
            F001-00000031  —      30/11/2026  S/ 1,000.00
            F001-00000050  —      01/12/2026    US$ 50.00
            F001-00000045  2      05/12/2026    S/ 590.00
            """)
        let wa = WhatsAppReminderTemplate(name: "aviso_mora", parameters: [.total, .documentos, .cliente])
        #expect(m.parameters(wa) == ["S/ 1,590.00 + US$ 50.00", "F001-00000031, F001-00000050, F001-00000045 (cuota 2)",
                                     "Minera Andina S.A."])
        // Before the due date: 0 days late, not negative.
        let early = ReminderMessage(customerName: "X", receivables: [rs[0]], today: LocalDate("2026-12-02")!, payLink: "")
        #expect(early.fill("{dias_vencido}") == "0")
    }

    @Test func collectionContactsAndWhatsAppNumbers() throws {
        #expect(WhatsAppNumber.normalize("987 654 321") == "51987654321")
        #expect(WhatsAppNumber.normalize("+51 987-654-321") == "51987654321")
        #expect(WhatsAppNumber.normalize("51987654321") == "51987654321")
        #expect(WhatsAppNumber.normalize("(01) 421-5555") == nil)     // a Lima landline
        #expect(WhatsAppNumber.normalize("98765432") == nil)
        #expect(WhatsAppNumber.normalize("5198765432199") == nil)
        #expect(WhatsAppNumber.normalize("9876S4321") == nil)
        let contacts = [Contact(name: "Gerente", role: "Gerente general", email: "gg@minera.pe", whatsapp: "999888777"),
                        Contact(name: "Rosa", role: "Tesorería", email: "Tesoreria@Minera.pe", phone: "01 4215555"),
                        Contact(name: "Luis", role: "Cobranzas", email: "luis@minera.pe", whatsapp: "+51 912 345 678")]
        let picked = ReminderRecipients.pick(contacts: contacts, customerEmail: "info@minera.pe")
        #expect(picked.emails == ["tesoreria@minera.pe", "luis@minera.pe"])
        #expect(picked.whatsapp == "51912345678")
        // No collections role: every contact; none at all: the customer's e-mail.
        #expect(ReminderRecipients.pick(contacts: [contacts[0]], customerEmail: "").emails == ["gg@minera.pe"])
        #expect(ReminderRecipients.pick(contacts: [], customerEmail: "info@minera.pe") == ReminderRecipients(emails: ["info@minera.pe"], whatsapp: nil))
    }

    @Test func theStandardLevelsPassTheirOwnChecks() throws {
        var p = ReminderPolicy(id: 1, name: ReminderDefaults.policyName, levels: [])
        for (i, level) in ReminderDefaults.levels(financeCopy: ["finanzas@bytek.pe"]).enumerated() {
            var l = try p.check(level)
            l.id = Int64(i + 1)
            p.levels.append(l)
        }
        #expect(p.levels.map(\.offsetDays) == [-3, 0, 3, 7, 15, 30])
        #expect(p.levels.map(\.channel.name) == ["correo", "whatsapp", "correo", "whatsapp", "correo", "correo"])
    }
}
