import Testing
@testable import BytekDocuments

@Suite struct DocumentsPlaceholderTests {
    @Test func builds() { #expect(Bool(true)) }
}
