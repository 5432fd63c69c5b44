import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Bank statements. The seed (after Cobranzas', whose BCP account and receivables it uses) stores one
/// pending line of S/ 10.00 in that account; accepting it applies it to customer A's receivable.
enum StatementMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let line = BankStatementLine(fileLine: 2, date: ReceivableMatrix.today, description: "TRANSF 20100047218 CLIENTE A",
                                     amount: Money(10, .pen), operationNumber: "EXT-77", key: "op:EXT-77")
        _ = try BankStatementRepository(db: store.db, user: "setup", now: MatrixWorld.now)
            .importLines(accountId: world.ids["bankAccount"] ?? -1, accountLabel: "BCP 193-1 (PEN)", [line])
        world.ids["statementLine"] = try store.db.scalar("SELECT max(id) FROM bank_statement_line").intValue
    }

    static let expected: [String: String] = [
        "banco.importar": ReceivableMatrix.writers,
        "banco.conciliar": ReceivableMatrix.readers,
        "banco.aceptar": ReceivableMatrix.writers,
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.statementImport) { s, w, _ in
            let csv = "Fecha,Descripción,Monto,Operación\n28/05/2026,DEPOSITO VENTANILLA,25.00,88001\n"
            let r = try s.bankStatements.importStatement(accountId: w.ids["bankAccount"] ?? -1, bytes: Array(csv.utf8))
            guard r.saved, r.added == 1 else { throw ServiceError.notFound }
        },
        MatrixCase(.statementView) { s, _, _ in
            guard try s.bankStatements.pending().count == 1 else { throw ServiceError.notFound }
        },
        MatrixCase(.statementResolve) { s, w, _ in
            let payment = try s.bankStatements.accept(lineId: w.ids["statementLine"] ?? -1, receivableIds: [w.ids["receivableA"] ?? -1])
            guard payment?.applications.first?.amount == Money(10, .pen) else { throw ServiceError.notFound }
        },
    ]
}
