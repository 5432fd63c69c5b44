import BytekDemo
import BytekModel
import BytekStore
import BytekSUNAT
import BytekWorker
import Foundation

/// The e-invoicing part of `bytek demo`: configures the emulator environment with a self-signed
/// certificate, issues the demo's documents and runs them through a real SUNAT emulator (started here on a
/// free port, its state kept beside the database) with an in-process worker, so every status the user
/// later sees — aceptado, observado, rechazado, anulado, pendiente — is SUNAT's (the emulator's) own answer.
@MainActor
enum DemoBillingRun {
    struct Outcome {
        var issued = 0
        var statuses: [EDocumentStatus: Int] = [:]
        var warning: String?
    }

    static func run(store: Store, context: CommandContext, now: Date = Date()) throws -> Outcome {
        let folder = URL(fileURLWithPath: context.dbPath).deletingLastPathComponent()
        let key = try DemoBilling.configure(store: store, secretsPath: Secrets.path(environment: context.environment))
        let plan = try DemoBilling.plan(store: store, now: now)
        var outcome = Outcome()
        let emulator: LocalEmulator?
        do {
            guard let script = SunatCommand.locateScript(environment: context.environment) else { throw LocalEmulator.Failure.notFound }
            emulator = try LocalEmulator(script: script, arguments: [
                "--ruc", DemoBilling.issuer.ruc, "--user", DemoBilling.solUser, "--password", DemoBilling.solPassword,
                "--polls", "0", "--state", folder.appendingPathComponent("sunat-emulador.json").path])
        } catch {
            emulator = nil
            outcome.warning = "\(error); los comprobantes de la demostración quedan pendientes de envío"
        }
        defer {
            emulator?.stop()
            try? DemoBilling.saveSettings(store: store, port: DemoBilling.emulatorPort)
        }
        if let emulator { try DemoBilling.saveSettings(store: store, port: emulator.port) }

        let repo = EDocumentRepository(db: store.db, user: "finanzas")
        let issuer = EDocumentIssuer(repository: repo, key: key)
        var records: [Int: EDocumentRecord] = [:]
        let worker = Worker(db: store.db, leaseSeconds: 60)
        worker.log = { _ in }
        JobHandlers.registerAll(on: worker, environment: context.environment)
        // Passes until nothing more completes (a send, then its ticket poll...), six at most.
        func send() throws {
            var passes = 0
            while passes < 6, try worker.runOnce().completed > 0 { passes += 1 }
        }
        func issue(_ i: Int) throws {
            var doc = plan[i].document
            if let m = plan[i].modifies, let original = records[m], var note = doc.note {
                note.reference = DocumentReference(kind: original.kind, series: try Series(original.series), number: original.number)
                doc.note = note
            }
            records[i] = try issuer.issue(doc, quoteNumber: doc.orderReference)
            outcome.issued += 1
        }

        // Sent and answered now: facturas and notes one by one (with an observation and a rejection
        // arranged with the emulator), then the boletas' resumen diario, then the bajas.
        for i in plan.indices where plan[i].outcome != .pending {
            guard let emulator else { try issue(i); continue }
            switch plan[i].outcome {
            case .observe: try emulator.control(["observations": ["4287"]])
            case .reject: try emulator.control(["reject_code": "2017"])
            default: break
            }
            try issue(i)
            try send()
            if plan[i].outcome == .observe || plan[i].outcome == .reject {
                try emulator.control(["observations": [String](), "reject_code": NSNull()])
            }
        }
        if emulator != nil {
            _ = try JobQueue(db: store.db).enqueue(kind: SunatSummaryJob.kind, payload: "{}")
            try send()
            for i in plan.indices {
                if case .void(let reason) = plan[i].outcome, let record = records[i] {
                    try repo.requestVoid(id: record.id, reason: reason)
                }
            }
            try send()
        }
        try DemoReceivables.seed(store: store, now: now) { let r = try issuer.issue($0); if emulator != nil { try send() }; return r }
        try DemoCards.seed(store: store, now: now)
        let environment = context.environment
        try DemoProjects.seed(store: store, now: now, environment: { environment })
        if emulator != nil { try send() }
        // Left for the worker that runs beside the TUI (scripts/demo).
        for i in plan.indices where plan[i].outcome == .pending { try issue(i) }
        outcome.statuses = try repo.countsByStatus()
        return outcome
    }
}
