import BytekModel
import Foundation
import Testing
@testable import BytekSUNAT

/// The engine from several threads at once (the TUI, the worker's jobs and signing share libxml2): every
/// run gives the answer of a run alone, and signing keeps working beside it.
@Suite("SUNAT rules engine from several threads")
struct SunatRulesConcurrencyTests {
    @Test func concurrentRunsGiveTheSameFindings() throws {
        let rules = try SunatRulesFixtures.rules()
        let cases = SunatRulesParityTests.cases.filter { $0.name.hasPrefix("factura") || $0.name.hasPrefix("nota") || $0.name.hasPrefix("total") }
        try #require(cases.count >= 4)
        let alone = try cases.map { try rules.check($0.xml, fileName: $0.fileName) }
        let key = try TestCertificate.shared.get().pkcs12Key()
        let unsigned = [UInt8](SunatRulesParityTests.factura.xml)
        let bag = ErrorBag()
        let results = RulesReportsBox(count: cases.count * 3)
        DispatchQueue.concurrentPerform(iterations: cases.count * 3 + 2) { i in
            do {
                if i >= cases.count * 3 {
                    for _ in 0..<20 { _ = try XMLSigner.sign(unsigned, key: key) }   // libxml2 + xmlsec meanwhile
                    return
                }
                let c = cases[i % cases.count]
                results.set(i, try rules.check(c.xml, fileName: c.fileName))
                _ = try SunatRegexp.match("F001-123", pattern: #"^[F][A-Z0-9]{3}-[0-9]{1,8}$"#)
            } catch { bag.add(error) }
        }
        #expect(bag.all.isEmpty, "\(bag.all)")
        for i in 0..<(cases.count * 3) {
            #expect(results.get(i) == alone[i % cases.count], "\(cases[i % cases.count].name)")
        }
    }
}

final class RulesReportsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [SunatRulesReport?]
    init(count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: SunatRulesReport) { lock.lock(); items[i] = r; lock.unlock() }
    func get(_ i: Int) -> SunatRulesReport? { lock.lock(); defer { lock.unlock() }; return items[i] }
}
