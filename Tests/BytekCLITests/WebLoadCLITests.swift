import Foundation
import Testing

@Suite("web door under load (wrk smoke)")
struct WebLoadCLITests {
    @Test("bytek bench --web-only: 200 connections for 3 s on a logged-in page, zero errors (skips only without wrk)")
    func wrkSmoke() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            print("SKIPPED web load smoke: wrk is not installed (apt-get install wrk; scripts/setup lists it)")
            return
        }
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let r = try fx.run("bench", "--web-only", "--seconds", "3", "--connections", "200", user: nil)
        let report = try #require(r.stdout.split(separator: "\n").first { $0.contains("portal web:") }.map(String.init),
                                  "no load line: \(r.stdout) \(r.stderr)")
        #expect(report.contains("· 0 errores"), "\(report)")
        let requests = try #require(r.stdout.split(separator: "\n").first { $0.hasSuffix(" solicitudes") }
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) })
        #expect(requests > 200, "the page was really loaded (\(requests) requests)")
        print("web load smoke: \(report)")
    }
}
