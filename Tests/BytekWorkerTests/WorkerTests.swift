import Foundation
import Testing
@testable import BytekStore
@testable import BytekWorker

struct Boom: Error, CustomStringConvertible {
    var description: String { "explotó" }
}

@Suite struct WorkerTests {
    func quietWorker(_ db: Database, clock: TestClock, owner: String = "w") -> Worker {
        let worker = Worker(db: db, owner: owner, leaseSeconds: 30, clock: clock.clock)
        worker.log = { _ in }
        return worker
    }

    @Test func runOnceRunsEveryDueJobOfItsKinds() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let worker = quietWorker(store.db, clock: clock)
        var seen: [String] = []
        worker.register("eco") { ctx in
            seen.append(ctx.payloadObject["texto"] as? String ?? "")
            #expect(ctx.owner == "w")
            #expect(ctx.job.state == .running)
            return JobPayload.text(["eco": ctx.payloadObject["texto"] ?? ""])
        }
        let q = worker.queue
        let a = try q.enqueue(kind: "eco", payload: #"{"texto":"uno"}"#)
        try q.enqueue(kind: "eco", payload: #"{"texto":"dos"}"#)
        let other = try q.enqueue(kind: "desconocido")
        try q.enqueue(kind: "eco", payload: #"{"texto":"tarde"}"#, runAt: clock.now + 1_000)

        let summary = try worker.runOnce()
        #expect(summary.completed == 2)
        #expect(seen == ["uno", "dos"])
        #expect(try q.job(id: a.id)?.result == #"{"eco":"uno"}"#)
        #expect(try q.job(id: other.id)?.state == .pending, "a kind without handler is never claimed")
        clock.advance(ms: 1_000)
        #expect(try worker.runOnce().completed == 1)
        #expect(seen.last == "tarde")
    }

    @Test func throwingHandlerRetriesWithBackoffThenFails() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let worker = quietWorker(store.db, clock: clock)
        var calls = 0
        worker.register("frágil") { _ in calls += 1; throw Boom() }
        let job = try worker.queue.enqueue(kind: "frágil", maxAttempts: 3)

        #expect(try worker.runOnce() == Worker.Summary(completed: 0, failed: 1, scheduled: 0))
        #expect(try worker.queue.job(id: job.id)?.state == .pending)
        #expect(try worker.queue.job(id: job.id)?.lastError == "explotó")
        #expect(try worker.runOnce().failed == 0, "not retried before its backoff")
        clock.advance(ms: 2_000)
        #expect(try worker.runOnce().failed == 1)
        clock.advance(ms: 4_000)
        #expect(try worker.runOnce().failed == 1)
        #expect(calls == 3)
        #expect(try worker.queue.job(id: job.id)?.state == .failed)
        clock.advance(ms: 3_600_000)
        #expect(try worker.runOnce().failed == 0)
        #expect(calls == 3)
    }

    @Test func handlerThatRecoversOnSecondAttemptCompletes() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let worker = quietWorker(store.db, clock: clock)
        worker.register("k") { ctx in
            if ctx.job.attempts == 1 { throw Boom() }
            return "{}"
        }
        let job = try worker.queue.enqueue(kind: "k")
        try worker.runOnce()
        clock.advance(ms: 2_000)
        try worker.runOnce()
        let done = try #require(try worker.queue.job(id: job.id))
        #expect(done.state == .done)
        #expect(done.attempts == 2)
    }

    @Test func dueSchedulesAreFiredAndRun() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock(limaMs(2026, 11, 26, 1, 0))
        let worker = quietWorker(store.db, clock: clock)
        var runs = 0
        worker.register("tic") { _ in runs += 1; return nil }
        try worker.schedules.ensure(name: "reloj", kind: "tic", rule: "daily 02:00")
        try worker.schedules.ensure(name: "ajeno", kind: "sin-manejador", rule: "daily 02:00")
        #expect(try worker.runOnce().scheduled == 0)
        clock.set(limaMs(2026, 11, 26, 2, 0, 1))
        let summary = try worker.runOnce()
        #expect(summary.scheduled == 1)
        #expect(summary.completed == 1)
        #expect(runs == 1)
        #expect(try worker.runOnce().scheduled == 0)
        #expect(try worker.schedules.schedule(named: "ajeno")?.lastRun == nil, "left for a worker that can run it")
    }

    @Test func stopEndsRunAfterTheCurrentJob() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let worker = Worker(db: store.db, owner: "w", leaseSeconds: 30)
        worker.log = { _ in }
        worker.idleSleepMs = 20
        let w = UncheckedBox(worker)
        worker.register("k") { ctx in
            w.value.stop()
            #expect(ctx.isStopping)
            return nil
        }
        let first = try worker.queue.enqueue(kind: "k")
        let second = try worker.queue.enqueue(kind: "k")
        worker.run()
        #expect(try worker.queue.job(id: first.id)?.state == .done)
        #expect(try worker.queue.job(id: second.id)?.state == .pending)
    }

    @Test func longJobKeepsItsLeaseWhileRunning() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let worker = Worker(db: store.db, owner: "largo", leaseSeconds: 1)
        worker.log = { _ in }
        let path = store.path
        let stolen = RunLog()
        worker.register("lento") { ctx in
            // Another worker keeps trying to take the job while it runs 2.5 lease periods.
            let thief = JobQueue(db: try Database(path: path))
            let end = Date().addingTimeInterval(2.5)
            while Date() < end {
                if let j = try thief.claim(owner: "ladrón", leaseSeconds: 1) { stolen.record(j.id) }
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(!ctx.leaseLost)
            return nil
        }
        let job = try worker.queue.enqueue(kind: "lento")
        #expect(try worker.runOnce().completed == 1)
        #expect(stolen.ids.isEmpty)
        #expect(try worker.queue.job(id: job.id)?.state == .done)
    }

    @Test func ownerIDsNameHostAndProcessAndDiffer() {
        let a = Worker.makeOwnerID(), b = Worker.makeOwnerID()
        #expect(a != b)
        #expect(a.split(separator: ":").count >= 3)
        #expect(a.contains(":\(getpid()):"))
    }
}

/// Lets a handler reach its own worker in a test.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
