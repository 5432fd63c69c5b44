import Foundation

/// SIGTERM and SIGINT for `bytek serve`: blocked in every thread (call `block()` before the server starts
/// its threads, which inherit the mask), then awaited with sigwait, so a stop is handled in plain code.
public enum StopSignal {
    private static func set() -> sigset_t {
        var s = sigset_t()
        sigemptyset(&s)
        sigaddset(&s, SIGTERM)
        sigaddset(&s, SIGINT)
        return s
    }

    public static func block() {
        var s = set()
        pthread_sigmask(SIG_BLOCK, &s, nil)
    }

    /// Waits for SIGTERM or SIGINT; returns which one came.
    public static func wait() -> Int32 {
        var s = set()
        var sig: Int32 = 0
        sigwait(&s, &sig)
        return sig
    }
}
