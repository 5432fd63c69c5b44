import BytekStore
import Foundation
import Testing

@Suite struct WorkerProcessTests {
    /// Polls `condition` every 50 ms for up to `seconds`.
    func waitFor(_ seconds: TimeInterval, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    @Test func jobOfAKilledWorkerRunsAgainAfterItsLeaseAndCompletesOnce() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let db = try Database(path: fx.dbPath)
        let queue = JobQueue(db: db)
        let job = try queue.enqueue(kind: "test.sleep", payload: #"{"ms":3000}"#)

        let first = try fx.start(["worker", "--lease", "2"], extra: ["BYTEK_TEST_JOBS": "1"])
        let claimed = try waitFor(20) { try queue.job(id: job.id)?.state == .running }
        #expect(claimed, "the first worker never claimed the job")
        let firstOwner = try queue.job(id: job.id)?.leaseOwner
        Thread.sleep(forTimeInterval: 0.5)
        kill(first.pid, SIGKILL)
        _ = first.wait(timeout: 10)
        #expect(first.process.terminationReason == .uncaughtSignal)

        let killed = try #require(try queue.job(id: job.id))
        #expect(killed.state == .running, "the job stays claimed by the dead worker")
        #expect(try db.scalar("SELECT count(*) FROM setting WHERE key LIKE 'test.sleep.%'").intValue == 0)

        // Until the lease expires nobody takes it; afterwards a new worker does.
        let leaseUntil = killed.leaseUntil ?? 0
        let early = try fx.run("worker", "--once", extra: ["BYTEK_TEST_JOBS": "1"])
        #expect(early.status == 0)
        if JobQueue.systemClock() < leaseUntil {
            // That whole run happened inside the dead worker's lease: it must not have taken the job.
            let untouched = try #require(try queue.job(id: job.id))
            #expect(untouched.state == .running)
            #expect(untouched.attempts == 1)
        }
        while JobQueue.systemClock() <= leaseUntil + 50 { Thread.sleep(forTimeInterval: 0.1) }
        let second = try fx.run("worker", "--once", "--lease", "2", extra: ["BYTEK_TEST_JOBS": "1"])
        #expect(second.status == 0, "\(second.stderr)")

        let done = try #require(try queue.job(id: job.id))
        #expect(done.state == .done)
        #expect(done.attempts == 2)
        let completions = try db.query("SELECT value FROM setting WHERE key = ?", "test.sleep.\(job.id)")
        #expect(completions.count == 1, "completed exactly once")
        #expect(completions.first?.string("value") != firstOwner)
        #expect(try db.scalar("SELECT count(*) FROM setting WHERE key LIKE 'test.sleep.%'").intValue == 1)
    }

    @Test func sigtermStopsAfterTheCurrentJob() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let db = try Database(path: fx.dbPath)
        let queue = JobQueue(db: db)
        let job = try queue.enqueue(kind: "test.sleep", payload: #"{"ms":1200}"#)
        let worker = try fx.start(["worker"], extra: ["BYTEK_TEST_JOBS": "1"])
        #expect(try waitFor(20) { try queue.job(id: job.id)?.state == .running })
        kill(worker.pid, SIGTERM)
        let result = worker.wait(timeout: 20)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(worker.process.terminationReason == .exit)
        #expect(try queue.job(id: job.id)?.state == .done, "the running job was finished before stopping")
        #expect(result.stderr.contains("detenido"))
    }

    @Test func workerOnceRunsTheNightlyBackupJob() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let db = try Database(path: fx.dbPath)
        let job = try JobQueue(db: db).enqueue(kind: BackupJob.kind)
        let r = try fx.run("worker", "--once")
        #expect(r.status == 0, "\(r.stderr)")
        let done = try #require(try JobQueue(db: db).job(id: job.id))
        #expect(done.state == .done, "\(done.lastError ?? "")")
        let files = try FileManager.default.contentsOfDirectory(atPath: fx.file("backups"))
        #expect(files.count == 1)
        #expect(files.first.flatMap(BackupStamp.init(fileName:)) != nil)
        let manifest = try BackupArchive.extract(fx.file("backups/" + (files.first ?? "")), into: fx.file("revisar"))
        #expect(try Database(path: fx.file("revisar/bytek.sqlite"), readOnly: true).integrityCheck() == "ok")
        #expect(manifest.tables["app_user"] == 1)
    }
}
