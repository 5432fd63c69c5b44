import Foundation
import Testing
@testable import BytekModel

/// Keys made with ssh-keygen; the fingerprints are what `ssh-keygen -lf` printed for them.
enum SSHKeyFixtures {
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICsLkEZ52exMeLN45edEy0QRol45jCyij5FLBtuCu+sj ana@laptop"
    static let ed25519Fingerprint = "SHA256:hILcOeKTxhrT6RGjmCWvu2Pn0PCaGAeSnHz/mtQQZ7s"
    static let ecdsa = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBGS5XzQXZ3LLa1fFKNMudJa+g/KVLSP5LvNJBBU+T739R0K4uCBYQWKIzYyD5BF8E4JE+zgfduiwsMMja5+LxCY= luis"
    static let ecdsaFingerprint = "SHA256:C+D3LYQ8uk3KtWJDtyDfsjQly5TRtO4xXjBuak5IPyQ"
    static let rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDLrNkg1764ZSBw295c7u8Fsq6YmCOm6uqEGVTBoDs7nbukGebjUy+bmm0rs5foyx3vnc1fTTv1G1LLQrj0TmskzLCydwphGO+2D7e6h+DaLStq1ZOEBYxvVCXk/pRvkM6EUxt8nvhQ5DglitObu+MfMTDGTo+ojyGtxpRtucOb6w== rsa key"
    static let rsaFingerprint = "SHA256:I8I+iMRSMWBefLVuhMGiSRK79h+NxJBLNS9yfMAOGDA"
    static let privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n"
}

@Suite struct SSHPublicKeyTests {
    @Test(arguments: [
        (SSHKeyFixtures.ed25519, "ssh-ed25519", SSHKeyFixtures.ed25519Fingerprint, "ana@laptop"),
        (SSHKeyFixtures.ecdsa, "ecdsa-sha2-nistp256", SSHKeyFixtures.ecdsaFingerprint, "luis"),
        (SSHKeyFixtures.rsa, "ssh-rsa", SSHKeyFixtures.rsaFingerprint, "rsa key"),
    ])
    func aPubFileGivesTypeCommentAndTheFingerprintSshKeygenPrints(line: String, type: String, fingerprint: String, comment: String) throws {
        let key = try SSHPublicKey.parseFile(line + "\n")
        #expect(key.type == type)
        #expect(key.comment == comment)
        #expect(key.fingerprint == fingerprint)
        #expect(key.line == line)
    }

    @Test func blankLinesCommentsAndCRLFAreIgnored() throws {
        let key = try SSHPublicKey.parseFile("\n# mi clave\r\n\(SSHKeyFixtures.ed25519)\r\n\n")
        #expect(key.fingerprint == SSHKeyFixtures.ed25519Fingerprint)
        #expect(try SSHPublicKey.parseFile(String(SSHKeyFixtures.ed25519.split(separator: " ").prefix(2).joined(separator: " "))).comment == "")
    }

    @Test func privateKeysAndOtherFormatsAreRefusedWithTheirReason() {
        #expect(throws: SSHPublicKeyError.privateKey) { try SSHPublicKey.parseFile(SSHKeyFixtures.privateKey) }
        #expect(throws: SSHPublicKeyError.privateKey) {
            try SSHPublicKey.parseFile("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----")
        }
        #expect(throws: SSHPublicKeyError.privateKey) { try SSHPublicKey.parseFile("PuTTY-User-Key-File-3: ssh-ed25519\n") }
        #expect(throws: SSHPublicKeyError.rfc4716) {
            try SSHPublicKey.parseFile("---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----\n")
        }
        #expect(throws: SSHPublicKeyError.empty) { try SSHPublicKey.parseFile("") }
        #expect(throws: SSHPublicKeyError.empty) { try SSHPublicKey.parseFile("\n# nada\n  \n") }
        #expect(throws: SSHPublicKeyError.multipleKeys(2)) {
            try SSHPublicKey.parseFile(SSHKeyFixtures.ed25519 + "\n" + SSHKeyFixtures.rsa + "\n")
        }
        #expect(throws: SSHPublicKeyError.hasOptions) {
            try SSHPublicKey.parseFile("command=\"sh\" " + SSHKeyFixtures.ed25519)
        }
        #expect(throws: SSHPublicKeyError.hasOptions) { try SSHPublicKey.parseFile("restrict " + SSHKeyFixtures.ed25519) }
        #expect(throws: SSHPublicKeyError.unknownType("hola")) { try SSHPublicKey.parseFile("hola mundo") }
        #expect(throws: SSHPublicKeyError.unsupportedType("ssh-dss")) { try SSHPublicKey.parseFile("ssh-dss AAAAB3NzaC1kc3MAAACBAP") }
        #expect(throws: SSHPublicKeyError.tooLarge) {
            try SSHPublicKey.parseFile(String(repeating: "#", count: SSHPublicKey.maximumFileSize + 1))
        }
    }

    @Test func base64ThatIsNotAKeyOfThatTypeIsRefused() {
        let ed = SSHKeyFixtures.ed25519.split(separator: " ")
        #expect(throws: SSHPublicKeyError.malformed) { try SSHPublicKey.parseLine("ssh-ed25519") }
        #expect(throws: SSHPublicKeyError.malformed) { try SSHPublicKey.parseLine("ssh-ed25519 esto-no-es-base64!") }
        #expect(throws: SSHPublicKeyError.malformed) { try SSHPublicKey.parseLine("ssh-ed25519 AAAA") }
        // The label says RSA, the blob says Ed25519.
        #expect(throws: SSHPublicKeyError.malformed) { try SSHPublicKey.parseLine("ssh-rsa \(ed[1])") }
        // A length prefix that points past the end of the blob.
        let bogus = Data([0, 0, 0, 200] + Array("ssh-ed25519".utf8) + [UInt8](repeating: 1, count: 20)).base64EncodedString()
        #expect(throws: SSHPublicKeyError.malformed) { try SSHPublicKey.parseLine("ssh-ed25519 \(bogus)") }
    }

    @Test func aCommentWithControlCharactersOrTooLongIsRefused() throws {
        #expect(throws: SSHPublicKeyError.invalidComment) { try SSHPublicKey.parseLine(SSHKeyFixtures.ed25519 + "\u{1B}]0;x\u{07}") }
        #expect(throws: SSHPublicKeyError.invalidComment) {
            try SSHPublicKey.parseLine(SSHKeyFixtures.ed25519 + String(repeating: "a", count: 200))
        }
        let longest = try SSHPublicKey.parseLine("ssh-ed25519 " + SSHKeyFixtures.ed25519.split(separator: " ")[1] + " "
            + String(repeating: "ñ", count: 200))
        #expect(longest.comment.count == 200)
    }

    @Test func everyRefusalHasASpanishMessage() {
        let all: [SSHPublicKeyError] = [.empty, .privateKey, .rfc4716, .multipleKeys(3), .hasOptions, .unknownType("x\u{1B}"),
                                        .unsupportedType("ssh-dss"), .malformed, .invalidComment, .tooLarge]
        for e in all { #expect(!e.message.isEmpty && !e.message.contains("\u{1B}"), "\(e)") }
        #expect(SSHPublicKeyError.privateKey.message.contains(".pub"))
    }
}
