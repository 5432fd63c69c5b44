import BytekModel

extension Operation {
    /// The milestones of a project with their deliverables and sign-offs (a contact: its customer's projects).
    static let milestoneView = Operation("hito.ver", .projects, .read, contacts: true)
    /// Attaches a delivered file to a milestone (copied beside the database with its SHA-256).
    static let deliverableAttach = Operation("hito.adjuntar", .projects, .write)
    /// Releases a deliverable: downloadable in the portal (the payment gate is asked first).
    static let deliverableRelease = Operation("hito.liberar", .projects, .write)
    /// Marks a milestone ready for the customer's approval (it needs a deliverable).
    static let milestoneReady = Operation("hito.listo", .projects, .write)
    /// Records an approval (or changes asked) received another way: correo, acta, otro, with evidence.
    static let milestoneSignoffRecord = Operation("hito.registrar_aprobacion", .projects, .write,
                                                  rule: { [.admin, .operaciones, .ventas].contains($0) })
    /// The customer's contact approves a milestone or asks for changes in the portal.
    static let milestoneSignoffPortal = Operation("hito.decidir", .projects, .write, contacts: true, rule: { _ in false })
    /// Issues the invoice of an approved milestone (the worker's job; finanzas and admin by hand).
    static let milestoneInvoice = Operation("hito.facturar", .projects, .write, worker: true,
                                            rule: { $0 == .admin || $0 == .finanzas })
    /// The approved milestones waiting for finanzas to issue their invoice.
    static let milestoneInvoiceQueue = Operation("hito.por_facturar", .projects, .read,
                                                 rule: { $0 == .admin || $0 == .finanzas })
    /// Whether approved milestones are invoiced by the worker or queued for finanzas (setting hitos.facturacion).
    static let milestoneBillingSetting = Operation("hito.configurar_facturacion", .projects, .write, rule: { $0 == .admin })

    /// The operations of milestones, in the order the matrix prints them.
    public static let milestoneOperations = [milestoneView, deliverableAttach, deliverableRelease, milestoneReady,
                                             milestoneSignoffRecord, milestoneSignoffPortal, milestoneInvoice,
                                             milestoneInvoiceQueue, milestoneBillingSetting]
}
