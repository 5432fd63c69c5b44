import BytekStore
import Dispatch
import Foundation

/// Runs a job: returns the result (JSON text or nil) or throws to have the job retried with backoff.
public typealias JobHandler = (JobContext) throws -> String?

/// The background worker. It knows no business module: each module registers handlers by job kind.
///
/// Guarantees: a job is claimed under a lease in one IMMEDIATE transaction, so several workers (threads or
/// processes) never run the same job at once; only kinds with a handler are claimed; a handler that throws
/// sends its job back with exponential backoff until its attempts run out; the lease of a long job is
/// extended while it runs; after `stop()` (or SIGTERM/SIGINT once `installSignalHandlers()` was called)
/// the worker finishes the current job and returns.
public final class Worker {
    public let db: Database
    /// "host:pid:random", written into the leases this worker holds.
    public let owner: String
    public let queue: JobQueue
    public let schedules: ScheduleStore
    public let leaseSeconds: Int
    /// How long `run()` sleeps when nothing is due.
    public var idleSleepMs = 250
    /// Where the worker reports what it does (one line per event).
    public var log: (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    /// Turns a handler's error into the text kept in `job.last_error`.
    public var describeError: (any Error) -> String = { String(describing: $0) }

    private var handlers: [String: JobHandler] = [:]
    private let stopFlag = StopFlag()
    private var signalSources: [any DispatchSourceSignal] = []
    private let heartbeatQueue = DispatchQueue(label: "bytek.worker.heartbeat")
    private var heartbeatDB: Database?

    /// What `runOnce()` did.
    public struct Summary: Sendable, Equatable {
        public var completed = 0
        /// Attempts that threw (the job is retried later, or failed for good).
        public var failed = 0
        /// Jobs enqueued by due schedules.
        public var scheduled = 0
    }

    public init(db: Database, owner: String = Worker.makeOwnerID(), leaseSeconds: Int = 60,
                clock: @escaping MillisecondClock = JobQueue.systemClock) {
        self.db = db
        self.owner = owner
        self.leaseSeconds = max(1, leaseSeconds)
        self.queue = JobQueue(db: db, clock: clock)
        self.schedules = ScheduleStore(db: db, clock: clock)
    }

    /// A fresh owner id: host name, process id and a random part.
    public static func makeOwnerID() -> String {
        let host = ProcessInfo.processInfo.hostName
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(host):\(getpid()):\(random)"
    }

    /// Sets the handler of a job kind (replacing any earlier one).
    public func register(_ kind: String, handler: @escaping JobHandler) {
        handlers[kind] = handler
    }

    /// The kinds this worker can run, sorted.
    public var kinds: [String] { handlers.keys.sorted() }

    public var isStopping: Bool { stopFlag.isRaised }

    /// Asks the worker to stop after the current job. Safe from any thread.
    public func stop() { stopFlag.raise() }

    /// Makes SIGTERM and SIGINT stop the worker cleanly (after the current job) instead of killing it.
    public func installSignalHandlers() {
        let flag = stopFlag
        for sig in [SIGTERM, SIGINT] {
            // The default action would kill the process before the dispatch source sees the signal.
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { flag.raise() }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Fires due schedules, then claims and runs jobs until none is due (or `stop()` was called).
    @discardableResult
    public func runOnce() throws -> Summary {
        var summary = Summary()
        summary.scheduled = try fireSchedules()
        while !stopFlag.isRaised, let job = try queue.claim(owner: owner, leaseSeconds: leaseSeconds, kinds: kinds) {
            if execute(job) { summary.completed += 1 } else { summary.failed += 1 }
        }
        return summary
    }

    /// Loops until stopped: fires due schedules, runs due jobs, sleeps `idleSleepMs` when idle.
    /// Store errors (a disk problem, a lock held too long) are logged and retried after a pause.
    public func run() {
        log("trabajador \(owner) iniciado; tipos: \(kinds.joined(separator: ", "))")
        while !stopFlag.isRaised {
            do {
                _ = try fireSchedules()
                if let job = try queue.claim(owner: owner, leaseSeconds: leaseSeconds, kinds: kinds) {
                    _ = execute(job)
                    continue
                }
            } catch {
                log("error del almacén: \(describeError(error))")
            }
            stopFlag.sleep(milliseconds: idleSleepMs)
        }
        log("trabajador \(owner) detenido")
    }

    private func fireSchedules() throws -> Int {
        var fired = 0
        for schedule in try schedules.dueSchedules() where handlers[schedule.kind] != nil {
            if let job = try schedules.fire(name: schedule.name) {
                fired += 1
                log("programación \(schedule.name): trabajo \(job.id) encolado")
            }
        }
        return fired
    }

    /// Runs one claimed job and records its outcome. True when it completed.
    private func execute(_ job: Job) -> Bool {
        guard let handler = handlers[job.kind] else { return false }
        let heartbeat = makeHeartbeat(for: job)
        let context = JobContext(job: job, db: db, owner: owner, now: queue.now, stopFlag: stopFlag, heartbeat: heartbeat)
        let outcome: Result<String?, any Error> = Result { try handler(context) }
        heartbeat?.stop()
        do {
            switch outcome {
            case .success(let result):
                if try queue.complete(id: job.id, owner: owner, result: result) {
                    log("trabajo \(job.id) \(job.kind): terminado")
                    return true
                }
                log("trabajo \(job.id) \(job.kind): terminado, pero su plazo ya era de otro trabajador")
                return false
            case .failure(let error):
                let text = describeError(error)
                let state = try queue.fail(id: job.id, owner: owner, error: text)
                log("trabajo \(job.id) \(job.kind): error (intento \(job.attempts)/\(job.maxAttempts)"
                    + (state == .failed ? ", sin más intentos" : "") + "): \(text)")
                return false
            }
        } catch {
            log("trabajo \(job.id) \(job.kind): no se pudo registrar el resultado: \(describeError(error))")
            return false
        }
    }

    private func makeHeartbeat(for job: Job) -> LeaseHeartbeat? {
        if heartbeatDB == nil { heartbeatDB = try? Database(path: db.path) }
        guard let heartbeatDB else { return nil }
        return LeaseHeartbeat(
            queue: JobQueue(db: heartbeatDB, clock: queue.now), jobID: job.id, owner: owner,
            leaseSeconds: leaseSeconds, dispatchQueue: heartbeatQueue)
    }
}
