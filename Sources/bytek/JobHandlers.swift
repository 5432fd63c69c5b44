import BytekServices
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
            // Secrets are read for one purpose here: to take them out of the off-site command's error output.
            let secrets = try? Secrets.load(environment: environment)
            return try BackupJob.run(db: context.db, nowMs: context.now(), environment: environment,
                                     redact: { secrets?.redact($0) ?? $0 }, clock: context.now).json
        }
        worker.register(RestoreDrill.kind) { context in
            RestoreDrill.json(try RestoreDrill.run(db: context.db, nowMs: context.now(), describe: Messages.text))
        }
        worker.register(QuoteExpiryJob.kind) { context in try QuoteExpiryJob.run(db: context.db, nowMs: context.now()) }
        let sunat = SunatSendJob.serviceFactory(environment: environment)
        worker.register(SunatSendJob.kind) { context in try SunatSendJob.run(context, service: sunat) }
        SunatBatchJobs.register(on: worker, service: sunat, signer: SunatBatchSigner.factory(environment: environment))
        // Where the worker starts: the daily resumen and the sweep of unfinished RC/RA exist from then on.
        do {
            try SunatBatchJobs.ensureSchedules(db: worker.db)
            try QuoteExpiryJob.ensureSchedule(db: worker.db)
            try RestoreDrill.ensureSchedule(db: worker.db)
            try RecurringJob.ensureSchedule(db: worker.db)
            try CardChargeJob.ensureSchedule(db: worker.db)
            try ReminderJob.ensureSchedule(db: worker.db)
            try ProjectLateJob.ensureSchedule(db: worker.db)
            try ProjectAlarmJob.ensureSchedule(db: worker.db)
        } catch {
            worker.log("no se pudo programar el resumen diario, el vencimiento de cotizaciones o el simulacro de restauración: \(worker.describeError(error))")
        }
        worker.register(PortalLinkJob.kind) { context in
            try PortalLinkJob.run(context, smtp: { try SMTPSettings.load(environment: environment) })
        }
        worker.register(MessageSendJob.kind) { context in try MessageSendJob.run(context, environment: environment) }
        worker.register(SireProposalJob.kind) { context in try SireProposalJob.run(context, environment: environment) }
        worker.register(RecurringJob.kind) { context in try RecurringBilling.run(context, environment: environment) }
        worker.register(CardChargeJob.kind) { context in
            try CardChargeJob.run(db: context.db, nowMs: context.now, environment: environment, payload: context.payloadObject)
        }
        worker.register(ReminderJob.kind) { context in
            try ReminderJob.run(db: context.db, nowMs: context.now, environment: environment, payload: context.payloadObject)
        }
        worker.register(ProjectLateJob.kind) { context in
            try ProjectLateJob.run(db: context.db, nowMs: context.now, environment: environment, payload: context.payloadObject,
                                   send: staffMail(environment: environment, clock: context.now))
        }
        worker.register(CreditAlertJob.kind) { context in
            let clock = context.now
            return try CreditAlertJob.run(db: context.db, now: { Date(timeIntervalSince1970: Double(clock()) / 1000) }) { to, lines, date in
                guard let smtp = try SMTPSettings.load(environment: environment) else {
                    throw CLIError.failure("falta configurar el correo saliente (datos SMTP en el archivo de secretos o BYTEK_SMTP_URL)")
                }
                try SMTPClient.send(CreditAlertJob.message(lines, to: to, from: smtp.from, date: date), to: to, settings: smtp)
            }
        }
        worker.register(ProjectAlarmJob.kind) { context in
            try ProjectAlarmJob.run(db: context.db, nowMs: context.now, environment: environment, payload: context.payloadObject,
                                    send: staffMail(environment: environment, clock: context.now))
        }
        worker.register(MilestoneInvoiceJob.kind) { context in
            try MilestoneInvoiceJob.run(db: context.db, nowMs: context.now, environment: environment, payload: context.payloadObject)
        }
        if environment["BYTEK_TEST_JOBS"] == "1" { TestJobs.register(on: worker) }
    }

    /// Sends an internal plain-text e-mail to a member of staff (to, subject, body) through the SMTP settings.
    static func staffMail(environment: [String: String], clock: @escaping MillisecondClock) -> (String, String, String) throws -> Void {
        { to, subject, body in
            guard let smtp = try SMTPSettings.load(environment: environment) else {
                throw CLIError.failure("falta configurar el correo saliente (datos SMTP en el archivo de secretos o BYTEK_SMTP_URL)")
            }
            try MIMEMail(from: smtp.from, to: [to], subject: subject, text: body,
                         date: Date(timeIntervalSince1970: Double(clock()) / 1000)).send(settings: smtp)
        }
    }
}
