import Testing
@testable import BytekDocuments

@Suite struct ScopeHashTests {
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("Instalación de red — 3 unidad\nÑandú", "522d9deec75098aeb63196447ae45cc15b7cf6e668f53212a3bdb4c31de78bd6"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func matchesKnownDigests(input: String, digest: String) {
        #expect(ScopeHash.sha256Hex(input) == digest)
    }

    @Test func canonicalTextIgnoresSurroundingSpaces() {
        #expect(ScopeHash.canonicalText([" a ", "b"]) == "a\nb")
        #expect(ScopeHash.sha256Hex(ScopeHash.canonicalText(["a", "b"])) != ScopeHash.sha256Hex(ScopeHash.canonicalText(["a", "c"])))
    }
}
