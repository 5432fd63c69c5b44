import Foundation

/// A thread-safe "please stop" flag with a wake-up for a sleeping worker. Signal handlers and other
/// threads set it; the worker's own thread reads it between jobs.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private let wake = DispatchSemaphore(value: 0)

    var isRaised: Bool { lock.withLock { raised } }

    func raise() {
        let first = lock.withLock { () -> Bool in
            defer { raised = true }
            return !raised
        }
        if first { wake.signal() }
    }

    /// Sleeps up to `milliseconds`, returning early when the flag is raised.
    func sleep(milliseconds: Int) {
        if isRaised { return }
        _ = wake.wait(timeout: .now() + .milliseconds(milliseconds))
        if isRaised { wake.signal() }
    }
}
