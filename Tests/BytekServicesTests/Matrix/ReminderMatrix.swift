import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Recordatorios. The seed adds the standard policy (−3 … +30); Cobranzas' seed left customer A a factura due
/// on the matrix's day, so level 0 (WhatsApp, falling back to e-mail: A's contact has no mobile) is due.
enum ReminderMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let repo = ReminderRepository(db: store.db, user: "setup", now: MatrixWorld.now)
        let policy = try repo.savePolicy(ReminderPolicy(name: ReminderDefaults.policyName, isDefault: true))
        for level in ReminderDefaults.levels() { try repo.saveLevel(level, policyId: policy.id ?? -1) }
        world.ids["reminderPolicy"] = policy.id
    }

    static let expected: [String: String] = [
        "recordatorios.ver": "admin ventas finanzas operaciones worker",
        "recordatorios.politica": "admin finanzas",
        "recordatorios.cliente": "admin ventas finanzas",
        "recordatorios.enviar": "admin finanzas worker",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.reminderView) { s, w, _ in
            guard try s.reminders.plan().batches.contains(where: { $0.customerId == w.customerA }) else {
                throw MatrixReminderError.wrong("nothing due")
            }
            _ = try s.reminders.history(customerId: w.customerA)
        },
        MatrixCase(.reminderPolicy) { s, w, _ in
            try s.reminders.saveLevel(ReminderLevel(offsetDays: 45, channel: .email(EmailReminderTemplate(
                subject: "Aviso {cliente}", body: "{documentos}"))), policyId: w.ids["reminderPolicy"] ?? -1)
        },
        MatrixCase(.reminderCustomer) { s, w, t in
            try s.reminders.promise(customerId: MatrixCase.customer(w, t), until: s.reminders.today.adding(days: 5), note: "Paga el viernes")
        },
        MatrixCase(.reminderSend) { s, w, _ in
            let report = try s.reminders.run()
            guard report.sent.contains(where: { $0.customerId == w.customerA }) else { throw MatrixReminderError.wrong("\(report.sent.count)") }
        },
    ]
}

enum MatrixReminderError: Error { case wrong(String) }
