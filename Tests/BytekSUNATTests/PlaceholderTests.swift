import Testing
@testable import BytekSUNAT

@Suite struct SUNATPlaceholderTests {
    @Test func builds() { #expect(Bool(true)) }
}
