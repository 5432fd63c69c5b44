import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek cobro` and `bytek tarjetas` on the built binary against the Izipay emulator (its secrets in the
/// environment): a timeout after the emulator charged ends in one charge and one payment; a second charge finds
/// nothing to pay; a partial refund; amounts beyond the limits refused; ventas refused.
@Suite struct CardCLITests {
    /// The Izipay emulator on port 0, killed at the end; `admin` calls its admin API with curl.
    final class Emulator {
        let process = Process()
        let base: String
        init() throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("GatewayEmulators/izipay_emulator.py").path, "--port", "0"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = ""
            while let d = try out.fileHandleForReading.read(upToCount: 1), let c = d.first, c != 10 { line.append(Character(UnicodeScalar(c))) }
            base = "http://127.0.0.1:" + line.replacingOccurrences(of: "LISTENING ", with: "")
        }
        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

        func admin(_ path: String, _ json: String? = nil) throws -> [String: Any] {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", base + path] + (json.map { ["-H", "Content-Type: application/json", "-d", $0] } ?? [])
            let out = Pipe()
            curl.standardOutput = out
            try curl.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            curl.waitUntilExit()
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        }

        var secrets: [String: String] {
            ["BYTEK_SECRET_IZIPAY_URL": base, "BYTEK_SECRET_IZIPAY_SHOP_ID": "33148340",
             "BYTEK_SECRET_IZIPAY_PASSWORD": "testpassword_BYTEKemulador0001",
             "BYTEK_SECRET_IZIPAY_PUBLIC_KEY": "33148340:testpublickey_BYTEKemulador0001",
             "BYTEK_SECRET_IZIPAY_HMAC_KEY": "bytekhmacemulador0001", "BYTEK_GATEWAY_TIMEOUT": "1"]
        }
    }

    @Test func timeoutAfterChargingRefundAndRefusals() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try ReceivableCLITests.seed(fx)   // F001-1: neto S/ 1,038.40
        let emulator = try Emulator()
        let env = emulator.secrets
        #expect(try fx.run("cuenta-bancaria", "agregar", "--banco", "Izipay", "--numero", "IZI-PEN").status == 0)
        let account = try fx.run("cobro", "cuenta", "--pasarela", "izipay", "--cuenta", "1")
        #expect(account.stdout.contains("Los cobros con Izipay en PEN se registran en la cuenta 1."), "\(account.stderr)")
        let token = try #require(try emulator.admin("/_emulador/tarjeta", #"{"numero":"4970100000000055","vencimiento":"12/30","email":"a@b.pe"}"#)["token"] as? String)
        let db = try Database(path: fx.dbPath)
        let customer = try #require(try db.scalar("SELECT id FROM customer").intValue)
        let card = try CardRepository(db: db, user: "portal").saveCard(customerId: customer, gateway: "izipay", token: token, brand: "VISA",
                                                                       maskedNumber: "497010XXXXXX0055", expiryMonth: 12, expiryYear: 2030,
                                                                       holderEmail: "a@b.pe", accountId: nil)
        try CardRepository(db: db, user: "portal").setAutopay(customerId: customer, cardId: card.id, enabled: true)

        let cards = try fx.run("tarjetas", "--cliente", ReceivableCLITests.ruc)
        #expect(cards.stdout.contains("VISA •••• 0055 (vence 12/2030)") && cards.stdout.contains("cobro automático"), "\(cards.stdout)")

        // The emulator charges, then answers after 3 s; the client waits 1 s.
        _ = try emulator.admin("/_emulador/falla", #"{"tipo":"timeout","segundos":3}"#)
        let charge = try fx.run("cobro", "cargar", "--cliente", ReceivableCLITests.ruc, extra: env)
        #expect(charge.status == 0, "\(charge.stdout)\(charge.stderr)")
        #expect(charge.stdout.contains("Pago aprobado: F001-1 por S/ 1,038.40."), "\(charge.stdout)")
        #expect(try emulator.admin("/_emulador/cargos")["total"] as? Int == 1)
        let again = try fx.run("cobro", "cargar", "--cliente", ReceivableCLITests.ruc, extra: env)
        #expect(again.status == 1 && again.stderr.contains("No hay documentos con saldo por cobrar con tarjeta"), "\(again.stderr)")
        #expect(try emulator.admin("/_emulador/cargos")["total"] as? Int == 1)
        #expect(try db.scalar("SELECT count(*) FROM payment WHERE method = 'tarjeta' AND reversed_at IS NULL").intValue == 1)

        let list = try fx.run("cobro", "listar")
        #expect(list.stdout.contains("Aprobado") && list.stdout.contains("pago 1"), "\(list.stdout)")

        let huge = try fx.run("cobro", "reembolsar", "1", "--monto", "99999999999999999999", "--motivo", "x", extra: env)
        #expect(huge.status == 1 && huge.stderr.contains("monto del reembolso"), "\(huge.stderr)")
        let refund = try fx.run("cobro", "reembolsar", "1", "--monto", "38.40", "--motivo", "Descuento acordado", extra: env)
        #expect(refund.status == 0, "\(refund.stderr)")
        #expect(refund.stdout.contains("Reembolso 1 de S/ 38.40 hecho") && refund.stdout.contains("nuevo pago 2 por el resto"), "\(refund.stdout)")
        #expect(try db.scalar("SELECT amount_cents FROM payment WHERE reversed_at IS NULL").intValue == 100_000)

        #expect(try fx.run("user", "add", "vero", "--name", "Vero", "--role", "ventas").status == 0)
        let refused = try fx.run("cobro", "cargar", "--cliente", ReceivableCLITests.ruc, user: "vero", extra: env)
        #expect(refused.status != 0 && refused.stderr.contains("ventas"), "\(refused.stderr)")

        // The worker's daily job: the 38.40 the refund left open is due and the card is on autopay — charged once more.
        _ = try JobQueue(db: db).enqueue(kind: "cobros.automaticos")
        #expect(try fx.run("worker", "--once", extra: env).status == 0)
        let job = try #require(try db.queryOne("SELECT state, result FROM job WHERE kind = 'cobros.automaticos'"))
        #expect(job.string("state") == "done" && job.string("result").contains("\"aprobados\":1"), "\(job.string("result"))")
        #expect(try ScheduleStore(db: db).schedule(named: "cobros-automaticos")?.rule == "daily 07:00")
        #expect(try emulator.admin("/_emulador/cargos")["total"] as? Int == 2)
        let auto = try fx.run("cobro", "automatico", extra: env)
        #expect(auto.status == 0 && auto.stdout.contains("0 aprobados"), "\(auto.stdout)\(auto.stderr)")
        #expect(try emulator.admin("/_emulador/cargos")["total"] as? Int == 2)
    }
}
