import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Cobranzas. The seed (series F002, so Facturación's numbers stay its own) issues a factura of customer A
/// (S/ 1,180.00 with detracción) and one of customer B, a retention agent (S/ 1,180.00, retención 35.40),
/// two bank accounts and a payment of A to reverse. Documents carry stand-in signed bytes: the ledger
/// hook runs inside `EDocumentRepository.issue` all the same.
enum ReceivableMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let db = store.db
        try db.execute("UPDATE customer SET retention_agent = 1 WHERE id = ?", [.int(world.customerB)])
        let edocs = EDocumentRepository(db: db, user: "setup", now: MatrixWorld.now)
        func factura(_ ruc: String, _ name: String, detraccion: Bool) throws -> EDocumentRecord {
            let doc = EDocument(kind: .factura, series: try Series("F002", for: .factura), number: 1, issuedAt: MatrixWorld.now(),
                                issuer: BillingMatrix.issuer, customer: DocumentCustomer(documentType: .ruc, number: ruc, name: name),
                                lines: [EDocumentLine(description: "Soporte técnico", quantity: 1, unit: .service, unitPrice: 1_000,
                                                      itemKind: .service)],
                                detraccion: detraccion ? Detraccion(account: "00-000-123456") : nil)
            return try edocs.issue(doc) { d in
                PreparedEDocument(signedXML: Array("<Invoice><cbc:ID>\(d.id)</cbc:ID></Invoice>".utf8), zip: Data([0x50, 0x4b]),
                                  digestValue: "hash-\(d.id)", fileName: d.fileName)
            }
        }
        let a = try factura("20100047218", "Cliente A S.A.C.", detraccion: true)
        let b = try factura("20131312955", "Cliente B S.A.", detraccion: false)
        let ledger = ReceivableRepository(db: db, user: "setup", now: MatrixWorld.now)
        let account = try ledger.addBankAccount(bank: "BCP", number: "193-1", currency: .pen)
        world.ids["bankAccount"] = account.id
        world.ids["receivableA"] = try ledger.receivables(documentID: a.documentID).first { $0.part == .neto }?.id
        world.ids["receivableB"] = try ledger.receivables(documentID: b.documentID).first { $0.part == .neto }?.id
        world.ids["paymentA"] = try ledger.recordPayment(PaymentInput(
            customerId: world.customerA, date: LocalDate(MatrixWorld.now(), in: ExchangeRateService.lima), method: .transferencia,
            bankAccountId: account.id, operationNumber: "SEED-1", amount: Money(100, .pen))).id
    }

    static let readers = "admin ventas finanzas operaciones"
    static let writers = "admin finanzas"

    static let expected: [String: String] = [
        "cobranzas.ver": readers,
        "cobranzas.estadocuenta": readers + " contacto",
        "cobranzas.registrarpago": writers,
        "cobranzas.revertirpago": writers,
        "cobranzas.detraccion": writers,
        "cobranzas.retencion": writers,
        "cobranzas.cuentas": writers,
    ]

    static var today: LocalDate { LocalDate(MatrixWorld.now(), in: ExchangeRateService.lima) }

    static let cases: [MatrixCase] = [
        MatrixCase(.receivableView) { s, _, _ in
            guard try s.receivables.pager(ReceivableQuery(asOf: today)).first(10).count >= 2 else { throw ServiceError.notFound }
            _ = try s.receivables.agingTotals(ReceivableQuery(asOf: today))
        },
        MatrixCase(.receivableStatement) { s, w, t in
            let statement = try s.receivables.statement(customerId: MatrixCase.customer(w, t), from: today.adding(days: -30), to: today)
            guard statement.sections.first?.lines.isEmpty == false else { throw ServiceError.notFound }
        },
        MatrixCase(.paymentRecord) { s, w, t in
            let customer = MatrixCase.customer(w, t)
            let receivable = w.ids[t == .own ? "receivableA" : "receivableB"] ?? -1
            try s.receivables.recordPayment(PaymentInput(
                customerId: customer, date: today, method: .transferencia, bankAccountId: w.ids["bankAccount"],
                operationNumber: "M-1", amount: Money(50, .pen),
                applications: [PaymentApplication(receivableId: receivable, amount: Money(50, .pen))]))
        },
        MatrixCase(.paymentReverse) { s, w, _ in
            try s.receivables.reversePayment(id: w.ids["paymentA"] ?? -1, reason: "Monto mal digitado")
        },
        MatrixCase(.detraccionRecord) { s, _, _ in
            try s.receivables.recordDetraccionDeposit(documentID: "F002-1", constancia: "987654", date: today, amount: Money(142, .pen))
        },
        MatrixCase(.retentionRecord) { s, _, _ in
            try s.receivables.recordRetentionReceipt(documentID: "F002-2", number: "R001-5", date: today,
                                                     amount: Money(Decimal(string: "35.40")!, .pen))
        },
        MatrixCase(.bankAccountManage) { s, _, _ in
            try s.receivables.addBankAccount(bank: "Interbank", number: "200-300", currency: .usd)
        },
    ]
}
