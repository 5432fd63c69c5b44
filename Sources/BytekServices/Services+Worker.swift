import BytekModel
import BytekStore
import Foundation

extension Services {
    /// The services a worker's job runs with: `Actor.worker` on the job's connection (`db`) and clock
    /// (`nowMs`, milliseconds since 1970), with the worker's environment.
    public static func worker(db: Database, nowMs: @escaping MillisecondClock, environment: [String: String] = [:]) -> Services {
        Services(store: Store(opened: db), actor: .worker, now: { Date(timeIntervalSince1970: Double(nowMs()) / 1000) },
                 environment: { environment })
    }

    /// The day a job's payload names (`{"fecha":"2026-12-01"}`), nil for today.
    public static func payloadDay(_ payload: [String: Any]) -> LocalDate? {
        (payload["fecha"] as? String).flatMap(LocalDate.init)
    }
}
