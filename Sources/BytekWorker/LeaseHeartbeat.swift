import BytekStore
import Dispatch
import Foundation

/// Keeps extending a running job's lease while its handler works, from a timer on its own serial queue
/// with its own connection, so a long job is not taken over by another worker. Stops when `stop()` is
/// called; a tick that lands after the job finished changes nothing (the queue only extends running
/// jobs still held by the owner).
final class LeaseHeartbeat: @unchecked Sendable {
    private let lock = NSLock()
    private var lostLease = false
    private let timer: DispatchSourceTimer

    var lost: Bool { lock.withLock { lostLease } }

    init(queue: JobQueue, jobID: Int64, owner: String, leaseSeconds: Int, dispatchQueue: DispatchQueue) {
        timer = DispatchSource.makeTimerSource(queue: dispatchQueue)
        let interval = max(200, leaseSeconds * 1000 / 3)
        timer.schedule(deadline: .now() + .milliseconds(interval), repeating: .milliseconds(interval))
        timer.setEventHandler { [weak self] in
            let extended = (try? queue.extendLease(id: jobID, owner: owner, leaseSeconds: leaseSeconds)) ?? true
            if !extended, let self { self.lock.withLock { self.lostLease = true } }
        }
        timer.resume()
    }

    func stop() { timer.cancel() }

    deinit { timer.cancel() }
}
