import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek recordatorios` on the built binary: the standard policy, refusals naming the field (an offset of
/// ten digits, an unknown placeholder, a 100,000-character template), today's preview, sending once,
/// the history, a promise in the past, a dispute, and a role that may not edit the policy.
@Suite struct ReminderCLITests {
    static let ruc = ReceivableCLITests.ruc

    /// Cobranzas' factura (S/ 1,180.00 with detracción, due today) and a contact in cobranzas with a mobile.
    static func seed(_ fx: CLIFixture) throws {
        try ReceivableCLITests.seed(fx)
        try Database(path: fx.dbPath).execute("""
            INSERT INTO customer_contact(customer_id, name, role, email, phone, whatsapp)
            VALUES (1, 'Rosa', 'Cobranzas', 'rosa@cliente-cli.pe', '', '987 654 321')
            """)
        #expect(try fx.run("user", "add", "vera", "--name", "Vera", "--role", "ventas").status == 0)
    }

    @Test func policyPreviewSendOnceHistoryAndRefusals() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try Self.seed(fx)
        let none = try fx.run("recordatorios", "hoy")
        #expect(none.status == 0 && none.stdout.contains("Ningún recordatorio"), "\(none.stdout)\(none.stderr)")

        let standard = try fx.run("recordatorios", "politica", "estandar", "--copia", "finanzas@bytek.pe")
        #expect(standard.stdout.contains("Política Estándar por defecto con 6 niveles."), "\(standard.stderr)")
        #expect(try fx.run("recordatorios", "politica", "enlace", "https://portal.bytek.pe").status == 0)

        let tenDigits = try fx.run("recordatorios", "politica", "nivel", "1234567890", "--asunto", "A", "--mensaje", "B")
        #expect(tenDigits.status != 0)
        #expect(tenDigits.stderr.contains("Días: «1234567890» está fuera de rango; use de -60 (antes del vencimiento) a +365 (después)."),
                "\(tenDigits.stderr)")
        let unknown = try fx.run("recordatorios", "politica", "nivel", "+45", "--asunto", "Deuda de {cliente}", "--mensaje", "Pague {monto} ya")
        #expect(unknown.status != 0 && unknown.stderr.contains("Mensaje: no se conoce {monto}; use {cliente}"), "\(unknown.stderr)")
        let big = try fx.write("plantilla.txt", String(repeating: "Texto {cliente} ", count: 6_250))   // 100,000 characters
        let huge = try fx.run("recordatorios", "politica", "nivel", "+45", "--asunto", "Aviso", "--mensaje-archivo", big)
        #expect(huge.status != 0 && huge.stderr.contains("Mensaje: el texto es demasiado largo; use hasta 20000 caracteres."), "\(huge.stderr)")
        let ventas = try fx.run("recordatorios", "politica", "quitar", "+30", user: "vera")
        #expect(ventas.status != 0 && ventas.stderr.contains("recordatorios.politica"), "\(ventas.stderr)")
        let shown = try fx.run("recordatorios", "politica")
        #expect(shown.stdout.contains("+30\tcorreo\tAviso final de mora: {total}\tcopia: finanzas@bytek.pe"), "\(shown.stdout)")
        #expect(!shown.stdout.contains("+45"))

        // Due today: level 0, WhatsApp to the collections contact; neto only (1,180.00 − 141.60).
        let today = try fx.run("recordatorios", "hoy")
        #expect(today.stdout.contains("Cliente CLI S.A.C.\t0\twhatsapp\t51987654321\tS/ 1,038.40\tF001-1"), "\(today.stdout)")
        let sent = try fx.run("recordatorios", "enviar")
        #expect(sent.status == 0 && sent.stdout.contains(": 1 enviado(s) a la cola."), "\(sent.stdout)\(sent.stderr)")
        let again = try fx.run("recordatorios", "enviar")
        #expect(again.stdout.contains(": 0 enviado(s) a la cola."), "\(again.stdout)")
        let history = try fx.run("recordatorios", "historial", "--cliente", Self.ruc)
        #expect(history.stdout.contains("\t0\twhatsapp\t51987654321\tPendiente\tF001-1"), "\(history.stdout)")
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM customer_message WHERE channel = 'whatsapp' AND purpose = 'recordatorio'").intValue == 1)
        #expect(try db.scalar("SELECT parameters FROM customer_message").stringValue
                == "[\"Cliente CLI S.A.C.\",\"F001-1\",\"S/ 1,038.40\",\"https://portal.bytek.pe/c/1/pagar\"]")

        let past = try fx.run("recordatorios", "promesa", Self.ruc, "--hasta", "01/01/2020")
        #expect(past.status != 0 && past.stderr.contains("Promesa hasta: 01/01/2020 ya pasó"), "\(past.stderr)")
        let dispute = try fx.run("recordatorios", "disputa", Self.ruc, "--nota", "Reclama la factura", user: "vera")
        #expect(dispute.stdout.contains("Recordatorios del cliente: en disputa (Reclama la factura)."), "\(dispute.stdout)\(dispute.stderr)")
        #expect(try fx.run("recordatorios", "hoy").stdout.contains("Retenido: Cliente CLI S.A.C.: en disputa"))
    }
}
