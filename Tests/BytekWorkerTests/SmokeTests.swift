import Testing
@testable import BytekWorker

@Suite struct SmokeTests {
    @Test func builds() { #expect(Bool(true)) }
}
