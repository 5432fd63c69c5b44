import BytekDemo
import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek bench recordatorios [--documents N] [--customers N]`: the daily reminders job over the bench's
/// receivables (N facturas of ten cuotas, 20,000 → 200,000 receivables, over C customers with a collections
/// contact each) with the standard policy: the preview of the day, the run that queues every message and
/// its `reminder_sent` rows (one transaction per customer), and the rerun that finds everything sent.
@MainActor
enum ReminderBenchmark {
    static func run(_ args: inout Arguments) throws -> Int32 {
        let documents = try args.option("--documents").flatMap(Int.init) ?? 20_000
        let customers = try args.option("--customers").flatMap(Int.init) ?? 3_000
        try args.finish()
        guard documents >= 1, customers >= 1 else { throw CLIError.usage("--documents y --customers van desde 1", command: "bench") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-bench-recordatorios-\(getpid()).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try Store(path: path)
        try store.db.write {
            for i in 0..<customers {
                let ruc = RUC.complete("20" + String(format: "%08d", 10_000_000 + i)) ?? ""
                try store.db.execute("""
                    INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES ('RUC', ?, ?, ?, ?)
                    """, [.text(ruc), .text("Cliente \(i) S.A.C."), .text("2026-01-01T00:00:00.000Z"), .text("2026-01-01T00:00:00.000Z")])
                try store.db.execute("""
                    INSERT INTO customer_contact(customer_id, name, role, email, phone, whatsapp) VALUES (?, 'Pagos', 'Cobranzas', ?, '', ?)
                    """, [.int(store.db.lastInsertRowID), .text("pagos\(i)@cliente.pe"), .text(i % 2 == 0 ? "9\(String(format: "%08d", i))" : "")])
            }
        }
        let today = LimaTime.date(ProcessClock.now())
        let receivables = try BenchReceivables.fill(store: store, documents: documents, today: today)
        let admin = Services(store: store, actor: .staff("admin", role: .admin, door: .cli))
        try admin.reminders.setPortalURL("https://portal.bytek.pe")
        try admin.reminders.ensureDefaultPolicy()
        let worker = Services(store: store, actor: .worker).reminders

        var started = Date()
        let plan = try admin.reminders.plan()
        let planSeconds = Date().timeIntervalSince(started)
        started = Date()
        let report = try worker.run()
        let runSeconds = Date().timeIntervalSince(started)
        started = Date()
        let again = try worker.run()
        let rerunSeconds = Date().timeIntervalSince(started)
        let listed = report.sent.reduce(0) { $0 + $1.documents.count }
        let okPlan = planSeconds <= 2, okRun = runSeconds <= 30, okRerun = again.sent.isEmpty && rerunSeconds <= 2
        Console.out(BenchCommand.line("recordatorios: vista previa del día (\(receivables) cuentas por cobrar)",
                                      String(format: "%.2f s · %d mensajes, %d retenidos", planSeconds, plan.batches.count, plan.held.count),
                                      "≤ 2 s", okPlan))
        Console.out(BenchCommand.line("recordatorios: corrida (cola de mensajes + reminder_sent, 1 transacción por cliente)",
                                      String(format: "%.2f s · %d mensajes (%d por WhatsApp) con %d documentos", runSeconds, report.sent.count,
                                             report.sent.filter { $0.channel == "whatsapp" }.count, listed), "≤ 30 s", okRun))
        Console.out(BenchCommand.line("recordatorios: segunda corrida del mismo día (nada dos veces)",
                                      String(format: "%.2f s · %d mensajes", rerunSeconds, again.sent.count), "0 mensajes, ≤ 2 s", okRerun))
        return okPlan && okRun && okRerun ? 0 : 1
    }
}
