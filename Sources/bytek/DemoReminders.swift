import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The reminders part of `bytek demo`: the standard policy (−3 e-mail, 0 WhatsApp, +3 e-mail, +7 WhatsApp,
/// +15 e-mail, +30 e-mail copied to finanzas), the pay link on the demo portal, one customer with a promise
/// to pay and one in dispute, then the worker's run of today, so the outbox holds reminders by both
/// channels written exactly as the daily job writes them.
@MainActor
enum DemoReminders {
    static func run(store: Store, environment: [String: String]) throws -> ReminderRunReport? {
        let fina = Services(store: store, actor: .staff("finanzas", role: .finanzas, door: .cli), environment: { environment })
        if try fina.reminders.portalURL() == nil { try fina.reminders.setPortalURL(DemoPortal.address) }
        try fina.reminders.ensureDefaultPolicy(financeCopy: ["finanzas@bytek.pe"])
        let today = fina.reminders.today
        // Two customers whose documents fall due last: one promised to pay, one disputes.
        let later = try store.db.query("""
            SELECT customer_id FROM receivable WHERE is_open = 1 AND part = 'neto' AND customer_id IS NOT NULL
            GROUP BY customer_id ORDER BY min(due_date) DESC, customer_id LIMIT 2
            """).map { $0.int("customer_id") }
        if later.count == 2 {
            try fina.reminders.promise(customerId: later[0], until: today.adding(days: 7), note: "Pagará con la valorización de diciembre")
            try fina.reminders.dispute(customerId: later[1], true, note: "Observa las horas de soporte de noviembre")
        }
        // The daily job of the last days and today (the demo's documents are back-dated): −3 by e-mail, then 0
        // by WhatsApp, then +3 by e-mail, as the worker would have sent them.
        let worker = Services(store: store, actor: .worker, environment: { environment }).reminders
        var report = ReminderRunReport(date: today)
        for back in [6, 3, 0] {
            let r = try worker.run(on: today.adding(days: -back))
            report.sent += r.sent
            report.held = r.held
        }
        try deliverEarlier(store: store, environment: environment, before: today)
        return report
    }

    /// What the worker and WhatsApp's webhook made of the reminders: the earlier days' e-mails accepted by the mail
    /// server and their WhatsApp messages delivered and read; today's last WhatsApp message went to a number not on
    /// WhatsApp, failed, and its fallback e-mail is queued (once). Today's others stay in the outbox for the worker.
    private static func deliverEarlier(store: Store, environment: [String: String], before today: LocalDate) throws {
        let messages = Services(store: store, actor: .worker, environment: { environment }).messages
        let sent = try store.db.query("""
            SELECT DISTINCT message_id AS id, channel, sent_on < ? AS earlier FROM reminder_sent
            WHERE message_id IS NOT NULL ORDER BY message_id
            """, [.text(today.description)]).map { (id: $0.int("id"), channel: $0.string("channel"), earlier: $0.int("earlier") == 1) }
        let whatsapp = MessageChannel.whatsapp.rawValue
        for m in sent where m.earlier {
            guard m.channel == whatsapp else { try messages.recordSent(id: m.id); continue }
            try messages.recordSent(id: m.id, providerId: "wamid.demo\(m.id)")
            _ = try messages.applyReports([("wamid.demo\(m.id)", .entregado, ""), ("wamid.demo\(m.id)", .leido, "")])
        }
        if let last = sent.last(where: { !$0.earlier && $0.channel == whatsapp }) {
            try messages.recordSent(id: last.id, providerId: "wamid.demo\(last.id)")
            _ = try messages.applyReports([("wamid.demo\(last.id)", .fallido, "131026: el número no tiene WhatsApp")])
        }
    }
}
