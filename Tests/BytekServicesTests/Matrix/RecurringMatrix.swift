import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Recurrentes: one monthly subscription of customer A (S/ 100.00, billed on the 1st, in advance) started
/// the month before the matrix's day, so a run bills two periods in one factura.
enum RecurringMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        try EInvoicingSettingsRepository(db: store.db, user: "setup", now: MatrixWorld.now)
            .save(EInvoicingSettings(issuer: BillingMatrix.issuer, detraccionAccount: "00-000-123456"))
        let today = LimaTime.date(MatrixWorld.now())
        let start = LocalDate(year: today.year, month: today.month, day: 1)!.adding(days: -1)
        let quote = try store.db.scalar("SELECT min(id) FROM quote").intValue ?? 0
        try store.db.execute("""
            INSERT INTO subscription(customer_id, description, unit, tax_category, price_cents, currency, period, periods,
                start_date, quote_id, quote_number, quote_version, created_at)
            VALUES (?, 'Hosting Pro', 'U1', 'gravado', 10000, 'PEN', 'monthly', '12', ?, ?, 'COT-1', 1, '2026-01-01T00:00:00.000Z')
            """, [.int(world.customerA), .text(LocalDate(year: start.year, month: start.month, day: 1)!.description), .int(quote)])
        world.ids["subscriptionA"] = store.db.lastInsertRowID
    }

    static let expected: [String: String] = [
        "recurrentes.ver": "admin ventas finanzas operaciones worker",
        "recurrentes.facturar": "admin finanzas worker",
        "recurrentes.editar": "admin finanzas",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.recurringView) { s, _, _ in
            let plan = try s.recurring.preview()
            guard plan.documents.count == 1, plan.lineCount == 2 else { throw MatrixRecurringError.wrong("\(plan.documents.count)") }
        },
        MatrixCase(.recurringRun) { s, _, _ in
            let report = try BillingMatrix.signing(s).recurring.run()
            guard report.issued.count == 1, report.failures.isEmpty else { throw MatrixRecurringError.wrong("\(report)") }
        },
        MatrixCase(.recurringEdit) { s, w, _ in
            try s.recurring.changePrice(w.ids["subscriptionA"] ?? -1, to: "120.00")
        },
    ]
}

enum MatrixRecurringError: Error { case wrong(String) }
