import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Reminders through the real ledger and the real outbox: a factura of Cliente A (S/ 1,180.00, detracción
/// S/ 141.60 apart, 10 days of credit: due 28/11/2026), the standard policy, the clock moved day by day.
@Suite struct ReminderServiceTests {
    let f: LedgerFixture
    let document: String

    init() throws {
        f = try LedgerFixture(creditDays: 10)
        try f.store.db.execute("""
            INSERT INTO customer_contact(customer_id, name, role, email, phone, whatsapp)
            VALUES (?, 'Gerencia', 'Gerente', 'gerencia@cliente-a.pe', '', ''),
                   (?, 'Luis Pérez', 'Cobranzas', 'luis@cliente-a.pe', '', '+51 912 345 678')
            """, [.int(f.customer), .int(f.customer)])
        try SettingsRepository(db: f.store.db).set(ReminderRepository.portalURLSetting, "https://portal.bytek.pe/")
        document = try f.issue(LedgerFixture.factura(price: 1_000, detraccion: true)).documentID
        try Self.services(f.store, "2026-11-18").reminders.ensureDefaultPolicy(financeCopy: ["finanzas@bytek.pe"])
    }

    /// Services acting as finanzas (or the worker) at 08:00 Lima on `day`.
    static func services(_ store: Store, _ day: String, actor: Actor = .staff("fina", role: .finanzas, door: .cli)) -> Services {
        let d = LocalDate(day)!
        let at = Date(timeIntervalSince1970: Double(d.daysSinceEpoch) * 86_400 + 13 * 3_600)
        return Services(store: store, actor: actor, now: { at }, environment: { [:] })
    }

    func run(_ day: String) throws -> ReminderRunReport { try Self.services(f.store, day, actor: .worker).reminders.run() }

    func count(_ table: String) throws -> Int64 { try f.store.db.scalar("SELECT count(*) FROM \(table)").intValue ?? -1 }

    func messages() throws -> [CustomerMessage] { try MessageOutbox(db: f.store.db, user: "t").messages(customerId: f.customer).reversed() }

    @Test func eachLevelGoesOutOnceThroughTheOutboxAndAPaymentStopsTheRest() throws {
        #expect(try run("2026-11-24").sent.isEmpty)                     // −4: nothing yet
        let first = try run("2026-11-25")                               // −3: e-mail
        #expect(first.sent.map(\.channel) == ["correo"])
        #expect(try run("2026-11-25").sent.isEmpty)                     // rerun the same day: nothing twice
        #expect(try run("2026-11-26").sent.isEmpty)
        var m = try messages()
        #expect(m.count == 1)
        // Only the collections contact (Luis), not the manager; only the neto part (S/ 1,038.40), not the detracción.
        #expect(m[0].recipients == ["luis@cliente-a.pe"] && m[0].purpose == .recordatorio)
        #expect(m[0].subject == "Próximo vencimiento: S/ 1,038.40 el 28/11/2026")
        #expect(m[0].body.contains("\(document)     —      28/11/2026  S/ 1,038.40"))
        #expect(m[0].body.contains("https://portal.bytek.pe/c/\(f.customer)/pagar"))

        let due = try run("2026-11-28")                                 // 0: WhatsApp with its ordered parameters
        #expect(due.sent.map(\.channel) == ["whatsapp"])
        m = try messages()
        #expect(m.count == 2 && m[1].channel == .whatsapp && m[1].recipients == ["51912345678"])
        #expect(m[1].template == "recordatorio_vencimiento" && m[1].language == "es")
        #expect(m[1].parameters == ["Cliente A S.A.C.", document, "S/ 1,038.40", "https://portal.bytek.pe/c/\(f.customer)/pagar"])
        #expect(m[1].fallback?.to == ["luis@cliente-a.pe"] && m[1].fallback?.subject == "Recordatorio de pago — Cliente A S.A.C.")
        #expect(try count("reminder_sent") == 2)

        // Paid in full on the 30th: +3 (1 Dec) and the rest never go out.
        let neto = try f.id(document)
        _ = try f.fina.receivables.recordPayment(PaymentInput(customerId: f.customer, date: LocalDate("2026-11-30")!, method: .transferencia,
                                                  bankAccountId: f.bcpPEN, operationNumber: "OP-1", amount: LedgerFixture.pen("1038.40"),
                                                  applications: [PaymentApplication(receivableId: neto, amount: LedgerFixture.pen("1038.40"))]))
        for day in ["2026-12-01", "2026-12-05", "2026-12-13", "2026-12-28"] { #expect(try run(day).sent.isEmpty) }
        #expect(try count("customer_message") == 2)

        let history = try Self.services(f.store, "2026-12-01").reminders.history(customerId: f.customer)
        #expect(history.map { "\($0.offsetDays) \($0.channel) \($0.status)" } == ["0 whatsapp Pendiente", "-3 correo Pendiente"])
    }

    @Test func theUniqueRowRefusesASecondSendingOfALevel() throws {
        _ = try run("2026-11-25")
        let repo = ReminderRepository(db: f.store.db, user: "t")
        let level = try #require(try repo.policies().first?.levels.first)
        let r = try #require(try repo.candidates(on: LocalDate("2026-11-25")!).first)
        let batch = ReminderBatch(customerId: f.customer, customerName: "A", customerDocNumber: "", policyName: "", level: level, receivables: [r])
        #expect(throws: DatabaseError.self) {
            try f.store.db.write { try repo.recordSent(batch, messageId: 1, channel: "correo", recipient: "x", on: LocalDate("2026-11-25")!) }
        }
        #expect(try count("reminder_sent") == 1)
    }

    @Test func twoWorkersAtOnceSendEachLevelOnce() throws {
        // Twenty more customers with a factura each, due the same day as A's.
        let customers = CustomerRepository(db: f.store.db, user: "setup", now: LedgerFixture.now)
        for i in 0..<20 {
            let ruc = RUC.complete("2060000" + String(100 + i).suffix(3)) ?? ""
            let id = try customers.create(Customer(docType: .ruc, docNumber: ruc, legalName: "Cliente \(i) S.A.C.", creditDays: 10,
                                                   contacts: [Contact(name: "Pagos", role: "Pagos", email: "pagos\(i)@cliente.pe")])).id ?? 0
            _ = id
            var doc = try LedgerFixture.factura(price: 100)
            doc.customer = DocumentCustomer(documentType: .ruc, number: ruc, name: "Cliente \(i) S.A.C.")
            try f.issue(doc)
        }
        let other = try Store(path: f.path)
        let stores = [f.store, other]
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            do { results.add(try Self.services(stores[i], "2026-11-25", actor: .worker).reminders.run().sent.count) } catch {
                results.add(-1000)
            }
        }
        #expect(results.values.sorted().reduce(0, +) == 21)           // 21 messages between the two, none failed
        #expect(try count("customer_message") == 21)
        #expect(try count("reminder_sent") == 21)
        #expect(try f.store.db.scalar("SELECT count(*) FROM job WHERE kind = 'mensaje.enviar'").intValue == 21)
        #expect(try run("2026-11-25").sent.isEmpty)
    }

    @Test func promiseDisputeAndPauseHoldTheReminders() throws {
        let fina = Self.services(f.store, "2026-11-27").reminders
        try fina.promise(customerId: f.customer, until: LocalDate("2026-11-30")!, note: "Paga el lunes 30")
        #expect(try run("2026-11-28").sent.isEmpty)
        #expect(try Self.services(f.store, "2026-11-28").reminders.plan().held.map(\.stop) == [.promise(until: LocalDate("2026-11-30")!)])
        // After the promise: the latest level due (+3, 1 Dec) goes out; 0 (during the promise) never does.
        #expect(try run("2026-12-01").sent.map(\.level.offsetDays) == [3])
        try Self.services(f.store, "2026-12-02").reminders.dispute(customerId: f.customer, true, note: "Reclama la hora extra")
        #expect(try run("2026-12-05").sent.isEmpty)                     // +7 held by the dispute
        try Self.services(f.store, "2026-12-06").reminders.dispute(customerId: f.customer, false, note: "")
        #expect(try run("2026-12-06").sent.map(\.level.offsetDays) == [7])   // 1 day late, within the grace days
        try Self.services(f.store, "2026-12-06").reminders.pause(customerId: f.customer, true, note: "Gerencia lo ve")
        #expect(try run("2026-12-13").sent.isEmpty && run("2026-12-28").sent.isEmpty)
        #expect(try count("reminder_sent") == 2)
        let s = try fina.settings(customerId: f.customer)
        #expect(s.paused && s.pauseNote == "Gerencia lo ve" && !s.disputed && s.updatedBy == "fina")
        // A promise in the past is refused, naming the field.
        #expect(throws: ReminderPolicyError.promiseInPast("20/11/2026")) {
            try fina.promise(customerId: f.customer, until: LocalDate("2026-11-20")!)
        }
        #expect(try f.store.db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'reminder_customer'").intValue == 4)
    }

    @Test func limitsLeaveNothingWritten() throws {
        let fina = Self.services(f.store, "2026-11-20").reminders
        let policy = try #require(try fina.policies().first)
        let audit = try count("audit_log")
        let huge = ReminderLevel(offsetDays: 45, channel: .email(EmailReminderTemplate(subject: "Aviso", body: String(repeating: "x", count: 100_000))))
        #expect(throws: ReminderPolicyError.templateTooLong(field: "mensaje", max: 20_000)) { try fina.saveLevel(huge, policyId: policy.id ?? -1) }
        let unknown = ReminderLevel(offsetDays: 45, channel: .email(EmailReminderTemplate(subject: "Aviso {monto}", body: "x")))
        #expect(throws: ReminderPolicyError.unknownPlaceholders(field: "asunto", names: ["monto"])) {
            try fina.saveLevel(unknown, policyId: policy.id ?? -1)
        }
        #expect(throws: ReminderPolicyError.noteTooLong) {
            try fina.pause(customerId: f.customer, true, note: String(repeating: "n", count: 501))
        }
        #expect(try count("audit_log") == audit)
        #expect(try fina.policies().first?.levels.count == 6)
        // Ventas may record a promise but not edit the policy.
        let ventas = Self.services(f.store, "2026-11-20", actor: .staff("vera", role: .ventas, door: .tui)).reminders
        #expect(throws: ServiceError.self) { try ventas.removeLevel(id: policy.levels[0].id ?? -1) }
        try ventas.promise(customerId: f.customer, until: LocalDate("2026-11-25")!)
    }
}

extension ReminderServiceTests {
    /// The worker's job: its daily schedule at 08:00 Lima, and a run on the job's clock and payload day.
    @Test func theDailyJobRunsAsTheWorkerOnItsDay() throws {
        #expect(try ReminderJob.ensureSchedule(db: f.store.db))
        let schedule = try #require(try ScheduleStore(db: f.store.db).schedule(named: "recordatorios"))
        #expect(schedule.kind == "recordatorios.enviar" && schedule.rule == "daily 08:00")
        let at = Int64(LocalDate("2026-11-25")!.daysSinceEpoch) * 86_400_000 + 13 * 3_600_000
        let result = try ReminderJob.run(db: f.store.db, nowMs: { at }, environment: [:], payload: [:])
        #expect(result == "{\"fecha\":\"2026-11-25\",\"enviados\":1,\"retenidos\":0,\"sin_contacto\":0,\"ya_enviados\":0}")
        let again = try ReminderJob.run(db: f.store.db, nowMs: { at }, environment: [:], payload: ["fecha": "2026-11-28"])
        #expect(again.hasPrefix("{\"fecha\":\"2026-11-28\",\"enviados\":1,"))
        #expect(try f.store.db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'reminder_sent' AND user_login = 'worker'").intValue == 2)
    }
}

/// Counts from concurrent threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int] = []
    func add(_ v: Int) { lock.lock(); values.append(v); lock.unlock() }
}
