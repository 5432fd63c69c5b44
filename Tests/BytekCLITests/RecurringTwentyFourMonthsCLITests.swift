import BytekModel
import BytekStore
import Foundation
import Testing

/// Recurring billing over 24 months, driven as in production: the real `bytek worker` processes fire the
/// daily schedule `facturacion-recurrente` while ONE injected clock (the file named by BYTEK_CLOCK_FILE,
/// read by the binary, its worker and the date rules; the SUNAT emulator reads it with --clock-file) moves billing day by billing day
/// (the 1st and the 15th) from 1 Jan 2027 to 15 Dec 2028. Edits are typed with `bytek recurrentes` on
/// their day; a worker is killed with `kill -9` in the middle of a run; for a stretch two workers run at
/// once. Then the database is counted: every (subscription, period) billed once, none skipped, and the
/// totals equal the figures worked out by hand below.
@Suite("bytek worker: 24 months of recurring billing, exactly once", .serialized)
struct RecurringTwentyFourMonthsCLITests {
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }

    @Test func twentyFourMonthsBillEveryPeriodOnceWithHandComputedTotals() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let clock = fx.file("reloj")
        func setClock(_ day: LocalDate) throws {
            // 06:00 UTC = 01:00 in Lima: past the schedule's 00:20.
            try (day.description + "T06:00:00Z").write(toFile: clock, atomically: true, encoding: .utf8)
        }
        try setClock(Self.d("2026-12-31"))
        // Counted at "issued and queued": nothing listens on the SUNAT endpoint (port 9), so the send jobs
        // stay queued (each attempt refused at once) and the test time goes to billing, not to SUNAT.
        var env = try InvoiceCLITests.setUp(fx, emulatorPort: 9)
        env["BYTEK_CLOCK_FILE"] = clock
        // The settings with the Banco de la Nación account documents over S/ 700 name for the detracción.
        let settings = try String(contentsOfFile: fx.file("ajustes.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"environment\"", with: "\"detraccionAccount\": \"00-000-123456\", \"environment\"")
        #expect(try fx.run("invoice", "settings", "--file", try fx.write("ajustes2.json", settings)).status == 0)

        // Four customers (RUC: facturas F001); C1, C2 and C4 share billing day 1, C3 bills on the 15th.
        let db = try Database(path: fx.dbPath)
        let customers = CustomerRepository(db: db, user: "setup")
        var c: [Int64] = []
        for (body, name) in [("2010004721", "Alfa S.A.C."), ("2013131295", "Beta S.A."), ("2010007097", "Gamma S.A.C."),
                             ("2060123456", "Delta E.I.R.L.")] {
            c.append(try customers.create(Customer(docType: .ruc, docNumber: validRUC(body), legalName: name)).id ?? 0)
        }
        let seed = RecurringSeeder(db: db)
        let jan1 = Self.d("2027-01-01"), jan15 = Self.d("2027-01-15")
        func q(_ i: Int) throws -> (id: Int64, number: String) { try seed.holderQuote(customerId: c[i], issueDate: jan1) }
        let q1 = try q(0), q2 = try q(1), q3 = try q(2), q4 = try q(3)
        let pen = { (s: String) in Money(Decimal(string: s)!, .pen) }, usd = { (s: String) in Money(Decimal(string: s)!, .usd) }
        let s1 = try seed.subscription(customerId: c[0], quote: q1, description: "Hosting Pro", price: pen("100"), period: .monthly, start: jan1)
        let s2 = try seed.subscription(customerId: c[0], quote: q1, description: "Backup", price: pen("40"), period: .monthly, start: jan1,
                                       timing: .arrears)
        let s3 = try seed.subscription(customerId: c[0], quote: q1, description: "Soporte", price: pen("300"), period: .quarterly, start: jan1)
        let s4 = try seed.subscription(customerId: c[1], quote: q2, description: "Correo", price: pen("60"), period: .monthly,
                                       start: Self.d("2027-01-10"))
        let s5 = try seed.subscription(customerId: c[1], quote: q2, description: "Dominio", price: pen("120"), period: .annual, start: jan1)
        let s6 = try seed.subscription(customerId: c[1], quote: q2, description: "CRM", price: pen("200"), period: .monthly, start: jan1)
        let s7 = try seed.subscription(customerId: c[2], quote: q3, description: "Licencia", price: usd("50"), period: .monthly, start: jan15,
                                       billingDay: 15)
        let s8 = try seed.subscription(customerId: c[2], quote: q3, description: "Cloud", price: usd("80"), period: .monthly, start: jan15,
                                       billingDay: 15, timing: .arrears, billCurrency: .pen)
        let s9 = try seed.subscription(customerId: c[3], quote: q4, description: "Monitoreo", price: pen("90"), period: .monthly, start: jan1)
        let s10 = try seed.subscription(customerId: c[3], quote: q4, description: "Mesa de ayuda", price: pen("75"), period: .monthly, start: jan1)
        let s11 = try seed.subscription(customerId: c[3], quote: q4, description: "Antivirus", price: pen("30"), period: .monthly, start: jan1,
                                        timing: .arrears)

        // The venta rate 3.750 on every 15th, except 15 May 2027: that day (and 1 Jun, with nothing in the 7
        // days before) Gamma is not billed and the run says why; on 15 Jun it is billed what is due.
        var rates = "fecha,compra,venta\n"
        for m in 0..<24 where m != 4 { rates += String(format: "%04d-%02d-15,3.745,3.750\n", 2027 + m / 12, m % 12 + 1) }
        let imported = try fx.run("tipo-cambio", "import", try fx.write("tc.csv", rates), extra: env)
        #expect(imported.status == 0, "\(imported.stderr)")

        // The worker registers its schedules at the first start; only recurring billing is kept on.
        #expect(try fx.run("worker", "--once", extra: env).status == 0)
        try db.execute("UPDATE schedule SET active = 0 WHERE kind <> 'recurrentes.facturar'")

        func cli(_ args: String...) throws {
            let r = try fx.binary.start(args, environment: fx.environment(extra: env), folder: fx.folder).wait()
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        func worker() throws {
            let r = try fx.run("worker", "--once", extra: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        func documents() throws -> Int64 { try db.scalar("SELECT count(*) FROM e_document").intValue ?? -1 }

        var steps: [LocalDate] = []
        for m in 0..<24 {
            steps.append(LocalDate(year: 2027 + m / 12, month: m % 12 + 1, day: 1)!)
            steps.append(LocalDate(year: 2027 + m / 12, month: m % 12 + 1, day: 15)!)
        }
        var killed = false
        for day in steps {
            try setClock(day)
            switch day.description {
            case "2027-01-15": try cli("recurrentes", "terminar", "\(s11)", "--ultimo-dia", "2027-03-20")
            case "2027-04-15": try cli("recurrentes", "pausar", "\(s9)", "--fecha", "2027-04-10")
            case "2027-06-15":
                try cli("recurrentes", "reanudar", "\(s9)")
                try cli("recurrentes", "precio", "\(s6)", "250.00")
            case "2027-08-15": try cli("recurrentes", "cancelar", "\(s10)")
            default: break
            }
            if day.description == "2027-07-01" {
                // Three documents are due today (Alfa, Beta, Delta). The worker stops after the first one and
                // is killed there: the other two are billed by the next day's run, none twice.
                let before = try documents()
                var stalled = env
                stalled["BYTEK_TEST_RECURRING_STALL_AFTER"] = "1"
                let w = try fx.start(["worker"], extra: stalled)
                let deadline = Date().addingTimeInterval(30)
                while try documents() < before + 1, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                Thread.sleep(forTimeInterval: 0.2)
                kill(w.pid, SIGKILL)
                _ = w.wait(timeout: 10)
                #expect(w.process.terminationReason == .uncaughtSignal)
                #expect(try documents() == before + 1, "killed after exactly one document of three")
                killed = true
                continue
            }
            if day >= Self.d("2028-01-01") && day <= Self.d("2028-03-01") {
                // Two workers at once, each with a run of its own to do.
                _ = try JobQueue(db: db).enqueue(kind: "recurrentes.facturar")
                let a = try fx.start(["worker", "--once"], extra: env), b = try fx.start(["worker", "--once"], extra: env)
                let ra = a.wait(), rb = b.wait()
                #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr) \(rb.stderr)")
                continue
            }
            try worker()
        }
        #expect(killed)

        // ---- Counted at the end: every (subscription, period) once, none skipped, hand-computed totals. ----
        let rows = try db.query("SELECT subscription_id AS s, count(*) AS n, count(DISTINCT period_start) AS k, sum(amount_cents) AS a, "
                                + "sum(billed_cents) AS b FROM subscription_charge GROUP BY subscription_id")
        var got: [Int64: (n: Int64, k: Int64, a: Int64, b: Int64)] = [:]
        for r in rows { got[r.int("s")] = (r.int("n"), r.int("k"), r.int("a"), r.int("b")) }
        // (periods billed, amount in the price's currency in céntimos) by hand, for runs up to 15 Dec 2028:
        let expected: [Int64: (Int64, Int64)] = [
            // Monthly in advance, Jan 2027…Dec 2028: 24 × 100.00 = 2,400.00.
            s1: (24, 240_000),
            // Monthly in arrears: Dec 2028 is due on 1 Jan 2029, after the last run: 23 × 40.00 = 920.00.
            s2: (23, 92_000),
            // Quarterly in advance: Jan, Apr, Jul, Oct of both years: 8 × 300.00 = 2,400.00.
            s3: (8, 240_000),
            // Started 10 Jan: January billed 22 of 31 days, 60 × 22 ÷ 31 = 42.5806… → 42.58; then 23 × 60.00 = 1,380.00.
            s4: (24, 4_258 + 138_000),
            // Yearly in advance: 2027 and 2028, 2 × 120.00.
            s5: (2, 24_000),
            // 200.00 Jan–Jun 2027 (6); the change typed on 15 Jun counts from 1 Jul: 18 × 250.00 → 1,200 + 4,500.
            s6: (24, 120_000 + 450_000),
            // US$ 50.00 from 15 Jan 2027 to the period of 15 Dec 2028: 24 × 50.00 = US$ 1,200.00.
            s7: (24, 120_000),
            // US$ 80.00 in arrears on the 15th: the period 15 Nov–14 Dec 2028 is the last due: 23 × 80.00 = US$ 1,840.00.
            s8: (23, 184_000),
            // Jan–Apr 2027 billed whole (April on 1 Apr, before the pause from 10 Apr was typed): 4 × 90 = 360.00;
            // May wholly paused: not billed; June resumed on 15 Jun: 16 of 30 days, 90 × 16 ÷ 30 = 48.00;
            // Jul 2027–Dec 2028: 18 × 90 = 1,620.00.
            s9: (23, 36_000 + 4_800 + 162_000),
            // Cancelled on 15 Aug 2027 at period end: Jan–Aug, 8 × 75.00 = 600.00.
            s10: (8, 60_000),
            // Stopped with 20 Mar 2027 as last day, in arrears: Jan 30.00, Feb 30.00, Mar 20 of 31 days:
            // 30 × 20 ÷ 31 = 19.354… → 19.35.
            s11: (3, 3_000 + 3_000 + 1_935),
        ]
        for (sub, (n, cents)) in expected {
            let g = got[sub]
            #expect(g?.n == n && g?.k == n, "subscription \(sub): \(String(describing: g)) periods, expected \(n)")
            #expect(g?.a == cents, "subscription \(sub): \(String(describing: g?.a)) céntimos, expected \(cents)")
        }
        // Cloud billed in soles at 3.750: 80.00 × 3.750 = 300.00 a period, 23 × 300.00 = 6,900.00.
        #expect(got[s8]?.b == 690_000)
        // No period skipped: consecutive months for the monthly ones (May 2027 of Monitoreo was paused whole).
        let monitoreo = try db.query("SELECT period_start FROM subscription_charge WHERE subscription_id = ? ORDER BY 1", [.int(s9)])
            .map { $0.string("period_start") }
        #expect(!monitoreo.contains("2027-05-01") && monitoreo.contains("2027-06-01"))
        for sub in [s1, s4, s6] {
            let starts = try db.query("SELECT period_start FROM subscription_charge WHERE subscription_id = ? ORDER BY 1", [.int(sub)])
                .compactMap { LocalDate($0.string("period_start")) }
            let months = starts.map { $0.year * 12 + $0.month }
            #expect(zip(months, months.dropFirst()).allSatisfy { $1 == $0 + 1 }, "subscription \(sub): \(starts)")
        }

        // The documents hold exactly those charges: taxable sums per currency equal the billed sums
        // (PEN: 2,400 + 920 + 2,400 + 1,422.58 + 240 + 5,700 + 6,900 + 2,028 + 600 + 79.35 = 22,689.93; US$ 1,200.00).
        let taxable = try db.query("SELECT currency, sum(taxable_cents) AS t FROM e_document GROUP BY currency ORDER BY currency")
            .map { "\($0.string("currency"))=\($0.int("t"))" }
        #expect(taxable == ["PEN=2268993", "USD=120000"])
        #expect(try db.scalar("SELECT count(*) FROM e_document WHERE id NOT IN (SELECT document_id FROM subscription_charge)").intValue == 0)
        // Each document queued for SUNAT once.
        let docs = try documents()
        #expect(try db.scalar("SELECT count(DISTINCT document_id) FROM subscription_charge").intValue == docs)
        #expect(try db.scalar("SELECT count(*) FROM job WHERE kind = 'sunat.send'").intValue == docs)
        // Gamma had no rate on 15 May and 1 Jun 2027: two failure rows naming it and the reason.
        let failures = try db.query("SELECT r.run_date, f.reason FROM recurring_run_failure f JOIN recurring_run r ON r.id = f.run_id "
                                    + "WHERE f.customer_id = ? ORDER BY r.id", [.int(c[2])])
        #expect(failures.map { $0.string("run_date") } == ["2027-05-15", "2027-06-01"])
        #expect(failures.allSatisfy { $0.string("reason").contains("tipo de cambio") })
        // Its catch-up on 15 Jun 2027 bills two Cloud periods in soles: 2 × 300.00 + 18 % = 708.00 > 700: detracción.
        let catchUp = try #require(try db.queryOne("""
            SELECT e.series || '-' || e.number AS id, e.total_cents, e.document_json FROM e_document e
            WHERE e.issue_date = '2027-06-15' AND e.currency = 'PEN'
            """))
        #expect(catchUp.int("total_cents") == 70_800)
        #expect(catchUp.string("document_json").contains("00-000-123456"), "the detracción account is on the document")
        // The line says the period.
        let line = try db.scalar("SELECT description FROM e_document_line WHERE description LIKE 'Hosting Pro%' ORDER BY rowid LIMIT 1")
        #expect(line.stringValue == "Hosting Pro — ene 2027")

        // A sample through SUNAT's own rules: the detracción document and one in dollars.
        let usdDoc = try db.scalar("SELECT series || '-' || number FROM e_document WHERE currency = 'USD' ORDER BY id DESC LIMIT 1")
            .stringValue ?? ""
        for id in [catchUp.string("id"), usdDoc] {
            let check = try fx.run("invoice", "check", id, "--rules", InvoicePreflightCLITests.rulesFolder, extra: env)
            #expect(check.status == 0 && check.stdout.contains("SUNAT aceptaría \(id)"), "\(check.stdout) \(check.stderr)")
        }
        // The killed run stays unfinished (run date 1 Jul 2027); the history lists the latest runs.
        #expect(try db.query("SELECT run_date FROM recurring_run WHERE finished_at IS NULL").map { $0.string("run_date") } == ["2027-07-01"])
        let history = try fx.run("recurrentes", "historial", extra: env)
        #expect(history.status == 0 && history.stdout.contains("\t2028-12-15\tworker\t"), "\(history.stdout)")
    }
}
