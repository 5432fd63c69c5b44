import BytekModel
import BytekStore
import Foundation

/// The operations layer: every business action of BYTEK Core, for one actor over one store. The
/// TUI, the CLI, the web server and the worker build one of these and call its services; no front
/// writes through a repository itself.
///
/// Each operation checks, in this order: the actor's permission for it (`Actor.authorize`), the
/// scope of the row (a contact sees only its customer's rows), the input; then writes in one
/// transaction with its audit entry (actor and door recorded) and queues follow-up jobs.
public struct Services: Sendable {
    public let store: Store
    public let actor: Actor
    /// The clock; tests fix it.
    public let now: @Sendable () -> Date
    /// The process environment (where secrets may come from).
    public let environment: @Sendable () -> [String: String]

    public init(store: Store, actor: Actor, now: @escaping @Sendable () -> Date = { ProcessClock.now() },
                environment: @escaping @Sendable () -> [String: String] = { ProcessInfo.processInfo.environment }) {
        self.store = store; self.actor = actor; self.now = now; self.environment = environment
    }

    public var db: Database { store.db }
}
