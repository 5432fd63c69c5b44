import Foundation
import Testing
@testable import BytekSUNAT

/// Runs a command-line tool and returns its exit status and combined output.
struct ToolRun: Sendable {
    let status: Int32
    let output: String

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// A throwaway RSA 2048 key, its self-signed certificate and a PKCS#12, made with the openssl CLI.
struct TestCertificate: Sendable {
    static let pkcs12Password = "clave123"
    static let subject = "/C=PE/O=BYTEK S.A.C.S./CN=20123456789"

    let directory: URL
    var keyPEM: URL { directory.appendingPathComponent("key.pem") }
    var certPEM: URL { directory.appendingPathComponent("cert.pem") }
    var pkcs12: URL { directory.appendingPathComponent("cert.pfx") }

    /// Made once for the whole test run: key generation is the slow part.
    static let shared: Result<TestCertificate, SigningFixtureError> = Result { () throws(SigningFixtureError) in
        try TestCertificate.make(subject: subject)
    }

    static func make(subject: String) throws(SigningFixtureError) -> TestCertificate {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-sign-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let req = try ToolRun.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "365",
                                       "-keyout", "key.pem", "-out", "cert.pem", "-subj", subject], in: dir)
            guard req.status == 0 else { throw SigningFixtureError.tool(req.output) }
            let p12 = try ToolRun.run(["openssl", "pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem",
                                       "-out", "cert.pfx", "-passout", "pass:\(pkcs12Password)"], in: dir)
            guard p12.status == 0 else { throw SigningFixtureError.tool(p12.output) }
        } catch let error as SigningFixtureError {
            throw error
        } catch {
            throw .tool("\(error)")
        }
        return TestCertificate(directory: dir)
    }

    func pemKey() throws -> SigningKey {
        try SigningKey(privateKeyPEMPath: keyPEM.path, certificatePEMPath: certPEM.path)
    }

    func pkcs12Key() throws -> SigningKey {
        try SigningKey(pkcs12Path: pkcs12.path, password: Self.pkcs12Password)
    }
}

enum SigningFixtureError: Error, Sendable {
    case tool(String)
    case sampleMissing(String)
}

/// The SUNAT reference samples, read in place from ../shared/sunat (never copied into the project).
enum SunatSamples {
    /// /work/main/Tests/BytekSUNATTests/<file> → /work/shared/sunat
    static let sunatRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()   // BytekSUNATTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root
        .deletingLastPathComponent()   // its parent, beside `shared`
        .appendingPathComponent("shared/sunat")

    struct Sample: Sendable, CustomTestStringConvertible {
        let fileName: String
        let schema: String   // file under xsd/<version>/maindoc
        var version = "2.1"
        var testDescription: String { fileName }
        var url: URL { sunatRoot.appendingPathComponent("samples/\(version)/\(fileName)") }
        var schemaURL: URL { sunatRoot.appendingPathComponent("xsd/\(version)/maindoc/\(schema)") }

        /// The sample as UTF-8 with its placeholder ds:Signature removed, so ext:ExtensionContent is
        /// empty except for whitespace, as the UBL builder emits it.
        func unsignedBytes() throws -> [UInt8] {
            let data = try Data(contentsOf: url)
            var text: String
            if let utf8 = String(data: data, encoding: .utf8) {
                text = utf8
            } else {
                // The RA sample is ISO-8859-1: re-encode it and say so in the declaration.
                text = String(data: data, encoding: .isoLatin1) ?? ""
                text = text.replacingOccurrences(of: "encoding=\"ISO-8859-1\"", with: "encoding=\"UTF-8\"")
            }
            return Array(SunatSamples.removingSignature(text).utf8)
        }
    }

    static let all: [Sample] = [
        Sample(fileName: "20200464529-01-F001-697.xml", schema: "UBL-Invoice-2.1.xsd"),
        Sample(fileName: "20100454523-07-FC01-211.xml", schema: "UBL-CreditNote-2.1.xsd"),
        Sample(fileName: "20100454523-08-FD01-211.xml", schema: "UBL-DebitNote-2.1.xsd"),
        Sample(fileName: "20000000001-09-T001-123.xml", schema: "UBL-DespatchAdvice-2.1.xsd"),
        // Resumen diario and comunicación de baja still use the UBL 2.0 SUNAT schemas.
        Sample(fileName: "20000000001-RC-20180126-1.xml", schema: "UBL-SummaryDocuments-2.0.xsd", version: "2.0"),
        Sample(fileName: "20600995805-RA-20170719-01.xml", schema: "UBL-VoidedDocuments-2.0.xsd", version: "2.0"),
    ]

    static var invoice: Sample { all[0] }

    /// Removes the first `<ds:Signature .../>` or `<ds:Signature ...>...</ds:Signature>` element from the text.
    static func removingSignature(_ text: String) -> String {
        guard let start = text.range(of: "<ds:Signature"),
              let tagEnd = text.range(of: ">", range: start.upperBound..<text.endIndex) else { return text }
        var copy = text
        if text[text.index(before: tagEnd.lowerBound)] == "/" {
            copy.removeSubrange(start.lowerBound..<tagEnd.upperBound)
        } else if let end = text.range(of: "</ds:Signature>", range: tagEnd.upperBound..<text.endIndex) {
            copy.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return copy
    }
}

/// Writes bytes into a fresh temp file and returns its URL.
func writeTemp(_ bytes: [UInt8], name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-sign-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

/// The independent judge: the xmlsec1 command-line tool, trusting only the test certificate.
/// `--id-attr:Id Signature` is harmless here (the reference is URI="") and keeps the invocation valid
/// for documents whose references do point at an Id.
func xmlsecVerify(_ bytes: [UInt8], certificate: URL) throws -> ToolRun {
    let file = try writeTemp(bytes, name: "signed.xml")
    return try ToolRun.run(["xmlsec1", "--verify", "--trusted-pem", certificate.path,
                            "--id-attr:Id", "Signature", file.path])
}

func xmllintValidate(_ bytes: [UInt8], schema: URL) throws -> ToolRun {
    let file = try writeTemp(bytes, name: "doc.xml")
    return try ToolRun.run(["xmllint", "--noout", "--nonet", "--schema", schema.path, file.path])
}

extension Array where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}
