import Testing
@testable import BytekTUI

@Suite struct SmokeTests {
    @Test func builds() { #expect(Bool(true)) }
}
