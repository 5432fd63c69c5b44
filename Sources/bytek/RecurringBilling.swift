import BytekServices
import BytekStore
import BytekWorker
import Foundation

/// The worker's handler of `recurrentes.facturar`. For the tests only: with
/// `BYTEK_TEST_RECURRING_STALL_AFTER=N` the handler stops for a minute after its N-th document of a run
/// (saying so on stderr), so a test can `kill -9` the worker in the middle of a run.
enum RecurringBilling {
    static func run(_ context: JobContext, environment: [String: String]) throws -> String {
        let stallAfter = environment["BYTEK_TEST_RECURRING_STALL_AFTER"].flatMap(Int.init)
        return try RecurringJob.run(db: context.db, nowMs: context.now, environment: environment,
                                    payload: context.payloadObject, describe: Messages.text) { count in
            guard let stallAfter, count == stallAfter else { return }
            FileHandle.standardError.write(Data("recurrentes: detenido tras \(count) comprobantes\n".utf8))
            Thread.sleep(forTimeInterval: 60)
        }
    }
}
