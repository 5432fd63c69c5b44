import BytekStore
import BytekSUNAT
import BytekWeb
import BytekWorker
import Foundation

/// The one place that knows every module's job kinds: registers their handlers on a worker.
/// A new module adds its line here; the worker itself never changes.
enum JobHandlers {
    static func registerAll(on worker: Worker, environment: [String: String]) {
        worker.register(BackupJob.kind) { context in
            try BackupJob.run(db: context.db, nowMs: context.now()).json
        }
        worker.register(QuoteExpiryJob.kind) { context in try QuoteExpiryJob.run(db: context.db, nowMs: context.now()) }
        let sunat = SunatSendJob.serviceFactory(environment: environment)
        worker.register(SunatSendJob.kind) { context in try SunatSendJob.run(context, service: sunat) }
        SunatBatchJobs.register(on: worker, service: sunat, signer: SunatBatchSigner.factory(environment: environment))
        // Where the worker starts: the daily resumen and the sweep of unfinished RC/RA exist from then on.
        do {
            try SunatBatchJobs.ensureSchedules(db: worker.db)
            try QuoteExpiryJob.ensureSchedule(db: worker.db)
        } catch {
            worker.log("no se pudo programar el resumen diario o el vencimiento de cotizaciones: \(worker.describeError(error))")
        }
        let smtp = SMTPSettings(environment: environment)
        worker.register(PortalLinkJob.kind) { context in try PortalLinkJob.run(context, smtp: smtp) }
        if environment["BYTEK_TEST_JOBS"] == "1" { TestJobs.register(on: worker) }
    }
}
