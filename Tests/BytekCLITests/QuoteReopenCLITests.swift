import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek quote reopen`: the explicit, audited way back from an accepted quote, through the binary.
@Suite(.serialized) struct QuoteReopenCLITests {
    @Test func reopenNeedsAReasonAndWriteAccessAndUndoesTheAcceptance() throws {
        let fx = try SalesCLITests.demo()
        defer { fx.cleanup() }
        let all = try SalesCLITests.versions(fx)
        let found = all.first { $0.state == .accepted && $0.lines.contains(where: \.isRecurring) } ?? all.first { $0.state == .accepted }
        let accepted = try #require(found)
        let id = try #require(accepted.id)

        let noReason = try fx.run("quote", "reopen", accepted.number, user: "ventas")
        #expect(noReason.status == 2)
        #expect(noReason.stderr.contains("falta --motivo"))
        let readOnly = try fx.run("quote", "reopen", accepted.number, "--motivo", "prueba", user: "finanzas")
        #expect(readOnly.status == 1)
        // The refusal comes from the operations layer, in the words the CLI always used.
        #expect(readOnly.stderr.contains("el usuario «finanzas» (rol finanzas) no tiene permiso para modificar Cotizaciones"),
                "\(readOnly.stderr)")

        let r = try fx.run("quote", "reopen", accepted.number, "--motivo", "El cliente cambió el alcance", user: "ventas")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(accepted.number) v\(accepted.version) reabierta"))
        let store = try Store(path: fx.dbPath)
        #expect(try QuoteRepository(db: store.db, user: "admin").get(id)?.state == .sent)
        #expect(try store.db.scalar("SELECT count(*) FROM subscription WHERE quote_id = ?", [.int(id)]).intValue == 0)
        let audit = try store.db.query("SELECT user_login, door FROM audit_log WHERE summary LIKE ?",
                                       [.text("%reabierta: El cliente cambió el alcance%")])
        #expect(audit.map { $0.string("user_login") } == ["ventas"])
        #expect(audit.map { $0.optionalString("door") } == ["cli"])

        let again = try fx.run("quote", "reopen", accepted.number, "--motivo", "otra vez", user: "ventas")
        #expect(again.status == 1)
        #expect(again.stderr.contains("no tiene una versión aceptada"))
    }
}
