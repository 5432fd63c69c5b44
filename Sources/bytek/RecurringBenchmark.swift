import BytekModel
import BytekServices
import BytekStore
import BytekSUNAT
import Foundation

/// `bytek bench recurrentes [--subscriptions N] [--customers N] [--rules CARPETA]`: the recurring run of
/// issue 11 — N subscriptions (5,000) over C customers (3,000) invoiced, signed and queued by one run on
/// one thread, pre-flight off (target ≤ 30 s). With --rules the SUNAT pre-flight's own cost is measured apart,
/// on a run of 100 documents with the rules on.
@MainActor
enum RecurringBenchmark {
    static func run(_ args: inout Arguments) throws -> Int32 {
        let subs = try args.option("--subscriptions").flatMap(Int.init) ?? 5_000
        let customers = try args.option("--customers").flatMap(Int.init) ?? 3_000
        let rules = try args.option("--rules")
        try args.finish()
        guard subs >= customers, customers >= 1 else {
            throw CLIError.usage("--subscriptions debe ser al menos --customers", command: "bench")
        }
        let main = try measure(subscriptions: subs, customers: customers, rules: nil)
        let ok = main.seconds <= 30
        Console.out(BenchCommand.line("recurrentes: \(subs) suscripciones, \(customers) clientes (pre-flight apagado)",
                                      String(format: "%.1f s (CPU %.1f s) · %d comprobantes · %.1f ms/comprobante", main.seconds, main.cpu,
                                             main.documents, main.seconds * 1000 / Double(max(main.documents, 1))), "≤ 30 s", ok))
        if let rules {
            let pre = try measure(subscriptions: 100, customers: 100, rules: rules)
            let off = try measure(subscriptions: 100, customers: 100, rules: nil)
            let perDoc = (pre.seconds - off.seconds) * 1000 / Double(max(pre.documents, 1))
            Console.out(BenchCommand.line("recurrentes: costo del pre-flight de SUNAT (100 comprobantes)",
                                          String(format: "%.1f ms/comprobante (con %.1f s, sin %.1f s)", perDoc, pre.seconds, off.seconds),
                                          "aparte", true))
        }
        return ok ? 0 : 1
    }

    /// Seeds a fresh database and times one run of the worker over it.
    static func measure(subscriptions: Int, customers: Int, rules: String?) throws -> (seconds: Double, cpu: Double, documents: Int) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-bench-recurrentes-\(getpid())-\(UUID().uuidString).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try Store(path: path)
        let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                            address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                   province: "Lima", department: "Lima"))
        var settings = EInvoicingSettings(issuer: issuer, detraccionAccount: "00-000-123456")
        settings.rulesFolder = rules
        let seed = RecurringSeeder(db: store.db)
        try seed.settings(settings)
        let today = LimaTime.date(ProcessClock.now())
        let start = LocalDate(year: today.year, month: today.month, day: 1)!
        var ids: [Int64] = []
        try store.db.write {
            for i in 0..<customers {
                let ruc = RUC.complete("20" + String(format: "%08d", 10_000_000 + i)) ?? ""
                try store.db.execute("""
                    INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES ('RUC', ?, ?, ?, ?)
                    """, [.text(ruc), .text("Cliente \(i) S.A.C."), .text("2026-01-01T00:00:00.000Z"), .text("2026-01-01T00:00:00.000Z")])
                ids.append(store.db.lastInsertRowID)
            }
        }
        let quote = try seed.holderQuote(customerId: ids[0], issueDate: start)
        try store.db.write {
            for i in 0..<subscriptions {
                let price = Money(minorUnits: Int64(5_000 + (i * 137) % 40_000), .pen)
                try seed.subscription(customerId: ids[i % customers], quote: quote, description: "Servicio \(i % 7)", price: price,
                                      period: .monthly, start: start)
            }
        }
        let pfx = try SelfSignedCertificate.pkcs12(commonName: issuer.ruc, organization: issuer.legalName, password: "clave", validDays: 30)
        let env = ["BYTEK_SOL_USER": "MODDATOS", "BYTEK_SOL_PASSWORD": "moddatos", "BYTEK_CERT_PFX_BASE64": pfx.base64EncodedString(), "BYTEK_CERT_PASSWORD": "clave",
                   "BYTEK_SECRETS": path + "-ninguno", "BYTEK_SUNAT_CREDENTIALS": path + "-ninguno"]
        let services = Services(store: store, actor: .worker, environment: { env })
        let t = Date(), cpu0 = cpuSeconds()
        let report = try services.recurring.run(on: today)
        let seconds = Date().timeIntervalSince(t), cpu = cpuSeconds() - cpu0
        if !report.failures.isEmpty { Console.err("recurrentes: \(report.failures.count) falla(s): \(report.failures[0].reason)") }
        return (seconds, cpu, report.issued.count)
    }

    /// CPU time of this process (user + system): the figure on one core, apart from waiting for a busy machine.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1_000_000
    }
}
