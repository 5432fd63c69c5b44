import Testing
@testable import BytekStore

@Suite struct SmokeTests {
    @Test func builds() { #expect(Bool(true)) }
}
