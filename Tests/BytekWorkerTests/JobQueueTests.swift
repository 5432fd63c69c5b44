import Foundation
import Testing
@testable import BytekStore

@Suite struct JobQueueTests {
    @Test func claimThenCompleteRecordsResultAndReleasesLease() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let queue = JobQueue(db: store.db, clock: clock.clock)
        let job = try queue.enqueue(kind: "k", payload: #"{"a":1}"#)
        #expect(job.state == .pending)
        #expect(job.runAt == clock.now)

        let claimed = try #require(try queue.claim(owner: "w1", leaseSeconds: 30))
        #expect(claimed.id == job.id)
        #expect(claimed.state == .running)
        #expect(claimed.attempts == 1)
        #expect(claimed.leaseOwner == "w1")
        #expect(claimed.leaseUntil == clock.now + 30_000)
        #expect(try queue.claim(owner: "w2", leaseSeconds: 30) == nil)

        #expect(try queue.complete(id: job.id, owner: "w2", result: "x") == false)
        #expect(try queue.complete(id: job.id, owner: "w1", result: #"{"ok":true}"#))
        let done = try #require(try queue.job(id: job.id))
        #expect(done.state == .done)
        #expect(done.result == #"{"ok":true}"#)
        #expect(done.leaseOwner == nil)
        #expect(done.finishedAt == clock.now)
        #expect(try queue.claim(owner: "w1", leaseSeconds: 30) == nil)
    }

    @Test func futureJobIsNotDueUntilItsTime() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let queue = JobQueue(db: store.db, clock: clock.clock)
        try queue.enqueue(kind: "k", runAt: clock.now + 5_000)
        #expect(try queue.claim(owner: "w", leaseSeconds: 10) == nil)
        clock.advance(ms: 5_000)
        #expect(try queue.claim(owner: "w", leaseSeconds: 10) != nil)
    }

    @Test func claimOnlyTakesTheKindsAsked() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let queue = JobQueue(db: store.db, clock: TestClock().clock)
        try queue.enqueue(kind: "a")
        #expect(try queue.claim(owner: "w", leaseSeconds: 10, kinds: ["b"]) == nil)
        #expect(try queue.claim(owner: "w", leaseSeconds: 10, kinds: []) == nil)
        #expect(try queue.claim(owner: "w", leaseSeconds: 10, kinds: ["b", "a"])?.kind == "a")
    }

    @Test func failureRetriesWithExponentialBackoff() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let queue = JobQueue(db: store.db, clock: clock.clock)
        let job = try queue.enqueue(kind: "k", maxAttempts: 5)
        for attempt in 1...3 {
            let claimed = try #require(try queue.claim(owner: "w", leaseSeconds: 10))
            #expect(claimed.attempts == attempt)
            #expect(try queue.fail(id: job.id, owner: "w", error: "falló \(attempt)") == .pending)
            let after = try #require(try queue.job(id: job.id))
            let wait = Int64(1 << attempt) * 1000
            #expect(after.runAt == clock.now + wait)
            #expect(after.lastError == "falló \(attempt)")
            #expect(after.leaseOwner == nil)
            clock.advance(ms: wait - 1)
            #expect(try queue.claim(owner: "w", leaseSeconds: 10) == nil, "not due before its backoff ends")
            clock.advance(ms: 1)
        }
    }

    @Test func backoffIsCapped() {
        #expect(JobQueue.backoffMs(afterAttempts: 1) == 2_000)
        #expect(JobQueue.backoffMs(afterAttempts: 4) == 16_000)
        #expect(JobQueue.backoffMs(afterAttempts: 30) == JobQueue.maxBackoffMs)
        #expect(JobQueue.backoffMs(afterAttempts: 12) == JobQueue.maxBackoffMs)
    }

    @Test func reachingMaxAttemptsFailsTheJob() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let queue = JobQueue(db: store.db, clock: clock.clock)
        let job = try queue.enqueue(kind: "k", maxAttempts: 2)
        _ = try #require(try queue.claim(owner: "w", leaseSeconds: 10))
        #expect(try queue.fail(id: job.id, owner: "w", error: "uno") == .pending)
        clock.advance(ms: 60_000)
        _ = try #require(try queue.claim(owner: "w", leaseSeconds: 10))
        #expect(try queue.fail(id: job.id, owner: "w", error: "dos") == .failed)
        let failed = try #require(try queue.job(id: job.id))
        #expect(failed.state == .failed)
        #expect(failed.attempts == 2)
        #expect(failed.lastError == "dos")
        clock.advance(ms: 3_600_000)
        #expect(try queue.claim(owner: "w", leaseSeconds: 10) == nil)
        #expect(try queue.retryNow(id: job.id))
        #expect(try queue.claim(owner: "w", leaseSeconds: 10)?.attempts == 1)
    }

    @Test func idempotencyKeyEnqueuesOnce() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let other = try Database(path: store.path)
        let clock = TestClock()
        let first = try JobQueue(db: store.db, clock: clock.clock).enqueue(kind: "k", payload: "{\"n\":1}", idempotencyKey: "clave-1")
        let second = try JobQueue(db: other, clock: clock.clock).enqueue(kind: "k", payload: "{\"n\":2}", idempotencyKey: "clave-1")
        #expect(first.id == second.id)
        #expect(second.payload == "{\"n\":1}")
        #expect(try JobQueue(db: store.db).count() == 1)
        let third = try JobQueue(db: other, clock: clock.clock).enqueue(kind: "k", idempotencyKey: "clave-2")
        #expect(third.id != first.id)
        #expect(try JobQueue(db: store.db).count() == 2)
    }

    @Test func expiredLeaseIsReclaimedAndOldOwnerCannotFinish() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let queue = JobQueue(db: store.db, clock: clock.clock)
        let job = try queue.enqueue(kind: "k")
        _ = try #require(try queue.claim(owner: "muerto", leaseSeconds: 10))
        clock.advance(ms: 10_000)
        #expect(try queue.claim(owner: "vivo", leaseSeconds: 10) == nil, "the lease ends after lease_until, not at it")
        clock.advance(ms: 1)
        let again = try #require(try queue.claim(owner: "vivo", leaseSeconds: 10))
        #expect(again.id == job.id)
        #expect(again.attempts == 2)
        #expect(try queue.complete(id: job.id, owner: "muerto") == false)
        #expect(try queue.fail(id: job.id, owner: "muerto", error: "x") == nil)
        #expect(try queue.extendLease(id: job.id, owner: "muerto", leaseSeconds: 10) == false)
        #expect(try queue.extendLease(id: job.id, owner: "vivo", leaseSeconds: 100))
        #expect(try queue.job(id: job.id)?.leaseUntil == clock.now + 100_000)
        #expect(try queue.complete(id: job.id, owner: "vivo"))
    }

    @Test func expiredLeaseOnLastAttemptFailsTheJob() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let queue = JobQueue(db: store.db, clock: clock.clock)
        let job = try queue.enqueue(kind: "k", maxAttempts: 1)
        _ = try #require(try queue.claim(owner: "muerto", leaseSeconds: 1))
        clock.advance(ms: 2_000)
        #expect(try queue.claim(owner: "vivo", leaseSeconds: 1) == nil)
        let failed = try #require(try queue.job(id: job.id))
        #expect(failed.state == .failed)
        #expect(failed.lastError != nil)
    }

    @Test func listPagesNewestFirstWithStateFilter() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock()
        let queue = JobQueue(db: store.db, clock: clock.clock)
        var ids: [Int64] = []
        for i in 0..<25 { ids.append(try queue.enqueue(kind: i % 2 == 0 ? "par" : "impar").id) }
        let claimed = try #require(try queue.claim(owner: "w", leaseSeconds: 10))
        try queue.complete(id: claimed.id, owner: "w")

        let page1 = try queue.list(limit: 10)
        #expect(page1.map(\.id) == Array(ids.reversed().prefix(10)))
        let page2 = try queue.list(beforeID: page1.last?.id, limit: 10)
        #expect(page2.map(\.id) == Array(ids.reversed().dropFirst(10).prefix(10)))
        #expect(try queue.list(state: .done).map(\.id) == [claimed.id])
        #expect(try queue.list(state: .pending, kind: "par").count == 12)
        #expect(try queue.count(state: .pending) == 24)
        #expect(try queue.count() == 25)
        #expect(try queue.countsByState() == [.pending: 24, .done: 1])
    }

    @Test func twoConnectionsInThreadsNeverRunTheSameJob() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let queue = JobQueue(db: store.db)
        let total = 300
        for i in 0..<total { try queue.enqueue(kind: "k", payload: "{\"i\":\(i)}") }
        let path = store.path
        let results = RunLog()
        let group = DispatchGroup()
        for w in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let db = try Database(path: path)
                    let q = JobQueue(db: db)
                    let owner = "w\(w)"
                    while let job = try q.claim(owner: owner, leaseSeconds: 60) {
                        results.record(job.id)
                        guard try q.complete(id: job.id, owner: owner) else { results.error("lost \(job.id)"); continue }
                    }
                } catch { results.error("\(error)") }
            }
        }
        group.wait()
        #expect(results.errors.isEmpty, "\(results.errors)")
        #expect(results.ids.count == total)
        #expect(Set(results.ids).count == total, "a job was claimed twice")
        #expect(try queue.count(state: .done) == total)
    }
}

/// Thread-safe list of what the test threads saw.
final class RunLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int64] = []
    private var failures: [String] = []
    func record(_ id: Int64) { lock.withLock { seen.append(id) } }
    func error(_ text: String) { lock.withLock { failures.append(text) } }
    var ids: [Int64] { lock.withLock { seen } }
    var errors: [String] { lock.withLock { failures } }
}
