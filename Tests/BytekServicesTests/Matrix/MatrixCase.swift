import BytekModel
@testable import BytekServices

/// Whose row a case reaches for: the actor's own customer's (A) or another customer's (B).
enum MatrixTarget: Sendable { case own, other }

/// One operation, done the way a door would do it, over the world's rows. It must succeed when the
/// actor may do it (any error other than `ServiceError` fails the matrix), so "allowed" is proven by
/// doing, not by asking.
struct MatrixCase: Sendable {
    let operation: Operation
    /// Whether an allowed run leaves an audit entry (every write does, unless said otherwise).
    let audited: Bool
    let run: @Sendable (Services, MatrixWorld, MatrixTarget) throws -> Void

    init(_ operation: Operation, audited: Bool? = nil,
         _ run: @escaping @Sendable (Services, MatrixWorld, MatrixTarget) throws -> Void) {
        self.operation = operation
        self.audited = audited ?? (operation.access == .write)
        self.run = run
    }

    /// The customer of the row the case reaches for.
    static func customer(_ world: MatrixWorld, _ target: MatrixTarget) -> Int64 {
        target == .own ? world.customerA : world.customerB
    }
}

/// Each area lists its cases, how it seeds the world, and who may do each of its operations.
protocol MatrixArea {
    static var seed: MatrixSeed { get }
    static var cases: [MatrixCase] { get }
    /// Operation name → the actors allowed, written out by hand (see `ExpectedMatrix`).
    static var expected: [String: String] { get }
}
