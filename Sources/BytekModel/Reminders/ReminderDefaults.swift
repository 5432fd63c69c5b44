/// The standard policy BYTEK starts from (the demo's): −3 e-mail, 0 WhatsApp `recordatorio_vencimiento`,
/// +3 e-mail, +7 WhatsApp `aviso_mora`, +15 e-mail, +30 e-mail copied to finanzas.
public enum ReminderDefaults {
    public static let policyName = "Estándar"

    public static func levels(financeCopy: [String] = []) -> [ReminderLevel] {
        [
            ReminderLevel(offsetDays: -3, channel: .email(EmailReminderTemplate(
                subject: "Próximo vencimiento: {total} el {vencimiento}",
                body: """
                Estimados {cliente}:

                Les recordamos que los siguientes documentos vencen el {vencimiento}:

                {documentos}

                Total: {total}
                Pueden pagar en línea en {enlace_pago}

                Si ya realizaron el pago, por favor ignoren este mensaje.

                Atentamente,
                Cobranzas — BYTEK S.A.C.S.
                """))),
            ReminderLevel(offsetDays: 0, channel: .whatsapp(WhatsAppReminderTemplate(
                name: "recordatorio_vencimiento", language: "es", parameters: [.cliente, .documentos, .total, .enlace_pago]))),
            ReminderLevel(offsetDays: 3, channel: .email(EmailReminderTemplate(
                subject: "Documentos vencidos: {total}",
                body: """
                Estimados {cliente}:

                A la fecha tienen {dias_vencido} días de atraso en los siguientes documentos:

                {documentos}

                Total vencido: {total}
                Pueden pagar en línea en {enlace_pago} o responder a este correo con la constancia de pago.

                Atentamente,
                Cobranzas — BYTEK S.A.C.S.
                """))),
            ReminderLevel(offsetDays: 7, channel: .whatsapp(WhatsAppReminderTemplate(
                name: "aviso_mora", language: "es", parameters: [.cliente, .total, .dias_vencido, .enlace_pago]))),
            ReminderLevel(offsetDays: 15, channel: .email(EmailReminderTemplate(
                subject: "Segundo aviso de mora: {total}",
                body: """
                Estimados {cliente}:

                Sus documentos siguen pendientes con {dias_vencido} días de atraso:

                {documentos}

                Total vencido: {total}
                Les pedimos regularizar el pago en {enlace_pago} o comunicarse con nosotros.

                Atentamente,
                Cobranzas — BYTEK S.A.C.S.
                """))),
            ReminderLevel(offsetDays: 30, channel: .email(EmailReminderTemplate(
                subject: "Aviso final de mora: {total}",
                body: """
                Estimados {cliente}:

                Sus documentos tienen {dias_vencido} días de atraso:

                {documentos}

                Total vencido: {total}
                De no recibir el pago, suspenderemos los servicios asociados. Pagos en {enlace_pago}.

                Atentamente,
                Cobranzas — BYTEK S.A.C.S.
                """, copyTo: financeCopy))),
        ]
    }
}
