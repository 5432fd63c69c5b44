import BytekStore
import BytekWorker
import Foundation

/// Job kinds for the end-to-end tests only, registered when BYTEK_TEST_JOBS=1.
enum TestJobs {
    /// `test.sleep` with payload `{"ms": N}`: sleeps N ms, then records its completion as the setting
    /// `test.sleep.<job id>` (a second completion of the same job would violate the key and fail).
    static let sleepKind = "test.sleep"

    static func register(on worker: Worker) {
        worker.register(sleepKind) { context in
            let ms = (context.payloadObject["ms"] as? Int) ?? 0
            let end = Date().addingTimeInterval(Double(ms) / 1000)
            while Date() < end { Thread.sleep(forTimeInterval: min(0.05, max(0, end.timeIntervalSinceNow))) }
            try context.db.write {
                try context.db.execute("INSERT INTO setting(key, value) VALUES (?, ?)",
                                       "test.sleep.\(context.job.id)", context.owner)
            }
            return JobPayload.text(["durmio_ms": ms])
        }
    }
}
