import BytekModel
import BytekStore
import Foundation
import Testing

@Suite struct ConcurrentWritersTests {
    func customersCSV(prefix: String, count: Int) -> String {
        var text = "tipo_doc,numero_doc,razon_social,distrito\n"
        for i in 0..<count {
            let ten = prefix + String(format: "%06d", i)
            text += "RUC,\(validRUC(ten)),Empresa \(prefix)-\(i) S.A.C.,Miraflores\n"
        }
        return text
    }

    @Test func twoImportsAndAUserLoopWriteAtOnceWithoutBusyErrors() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let a = try fx.write("a.csv", customersCSV(prefix: "2041", count: 400))
        let b = try fx.write("b.csv", customersCSV(prefix: "2042", count: 400))
        let users = 15

        let importA = try fx.start(["import", "customers", a])
        let importB = try fx.start(["import", "customers", b])
        var userRuns: [RunResult] = []
        for i in 0..<users {
            userRuns.append(try fx.run("user", "add", "u\(i)", "--name", "Usuario \(i)", "--role", "ventas"))
        }
        let ra = importA.wait(), rb = importB.wait()
        for r in [ra, rb] + userRuns {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!r.stderr.contains("ocupada"))
            #expect(!r.stderr.lowercased().contains("busy"))
        }
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM customer").intValue == 800)
        #expect(try db.scalar("SELECT count(*) FROM app_user").intValue == Int64(users + 1))
        #expect(try db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'customer' AND action = 'create'").intValue == 800)
        #expect(try db.integrityCheck() == "ok")
    }
}
