import Foundation
import Testing
@testable import BytekSUNAT

@Suite("SOAP client against the emulator", .serialized)
struct SOAPClientTests {
    @Test func wrongPasswordIsAFault() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let client = emulator.client(password: "equivocada")
        #expect(throws: SunatSOAPError.self) { _ = try client.getStatus(ticket: "123") }
        do { _ = try client.getStatus(ticket: "123") } catch {
            guard case .fault(let code, let message, let status) = error else { Issue.record("\(error)"); return }
            #expect(code == "0102")
            #expect(!message.isEmpty)
            #expect(status == 500)
            #expect(error.isRetryable)   // 0100–1999: retried later
        }
    }

    @Test func unknownDocumentGetStatusCdr() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let answer = try emulator.client().getStatusCdr(ruc: "20123456786", kind: "01", series: "F001", number: 99)
        #expect(answer.statusCode == "0011")
        #expect(answer.content == nil)
    }

    @Test func connectionRefusedIsRetryableNetworkError() throws {
        let client = SunatSOAPClient(billService: URL(string: "http://127.0.0.1:1/billService")!,
                                     consultService: URL(string: "http://127.0.0.1:1/billConsultService")!,
                                     username: "x", password: "y", timeout: 2)
        do { _ = try client.sendBill(fileName: "a.zip", zip: Data([1, 2])); Issue.record("no error") } catch {
            guard case .network = error else { Issue.record("\(error)"); return }
            #expect(error.isRetryable)
        }
    }

    @Test func codeClassification() {
        #expect(SunatSOAPError.fault(code: "1033", message: "", httpStatus: 500).isAlreadyRegistered)
        #expect(!SunatSOAPError.fault(code: "1033", message: "", httpStatus: 500).isRetryable)
        #expect(!SunatSOAPError.fault(code: "2017", message: "", httpStatus: 500).isRetryable)
        #expect(SunatSOAPError.fault(code: "0130", message: "", httpStatus: 500).isRetryable)
        #expect(SunatSOAPError.httpStatus(503, "").isRetryable)
        #expect(!SunatSOAPError.httpStatus(404, "").isRetryable)
    }

    @Test func envelopeEscapesCredentials() {
        let text = SunatSOAPEnvelope.make(username: "20123456786MOD<", password: "a&ñ", operation: "getStatus",
                                          fields: [("ticket", "1")])
        #expect(text.contains("<wsse:Username>20123456786MOD&lt;</wsse:Username>"))
        #expect(text.contains("<wsse:Password>a&amp;ñ</wsse:Password>"))
        #expect(text.contains("<ser:getStatus><ticket>1</ticket></ser:getStatus>"))
    }
}
