import Testing
@testable import BytekModel

@Suite struct SmokeTests {
    @Test func builds() { #expect(Bool(true)) }
}
