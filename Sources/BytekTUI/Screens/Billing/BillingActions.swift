import BytekDocuments
import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The Facturación actions on one document, shared by the list and the full-screen detail. Each goes
/// through the operations layer (`InvoiceService`), which refuses what the role may not do (a Spanish
/// refusal in the status bar) before anything opens; outcomes are reported there too.
@MainActor
final class BillingActions {
    let store: Store
    /// The operations layer as the session's user (the environment says where the SUNAT credentials are).
    let services: Services
    var service: InvoiceService { services.invoices }
    let text: BillingText
    var strings: Strings { text.s }
    /// Called after a document was issued, with its record (the list selects it).
    var onIssued: (EDocumentRecord) -> Void = { _ in }
    /// SUNAT's padrón, opened once for the screen: issuing to a RUC not ACTIVO or not HABIDO says so first.
    lazy var padron = PadronFlags(services: services)

    init(store: Store, context: AppContext, environment: @escaping @Sendable () -> [String: String]) {
        self.store = store
        services = Services(store: store, actor: context.session.actor, now: context.now, environment: environment)
        text = BillingText(context.strings)
    }

    // MARK: notes

    /// Opens the form of a credit (`.notaCredito`) or debit note on document `id`.
    func newNote(_ kind: DocumentKind, on id: Int64?, _ context: AppContext) {
        guard let id else { return }
        do {
            let original = try service.noteOriginal(id: id)
            let editor = BillingNoteEditor(kind: kind, original: original, service: service, text: text)
            editor.onIssued = { [weak self] record in self?.onIssued(record) }
            FormScreen.open(editor, drafts: services.drafts, strings: strings, context: context)
        } catch {
            context.error(text.describe(error))
        }
    }

    // MARK: sending

    /// Re-queues the send of document `id` now.
    func retry(_ id: Int64?, _ context: AppContext) {
        guard let id else { return }
        do {
            let job = try service.retry(id: id)
            let doc = try service.record(id: id).documentID
            context.ok(strings.format("billing.retried", doc, String(job.id)))
        } catch {
            context.error(text.describe(error))
        }
    }

    /// Sends the resumen diario of the waiting boletas now (the worker builds, signs and sends it).
    func queueSummary(_ context: AppContext) {
        do {
            let request = try service.queueSummary()
            context.ok(strings.format("billing.summaryQueued", String(request.boletas + request.voids)))
        } catch {
            context.error(text.describe(error))
        }
    }

    // MARK: baja

    /// Asks for the reason, then confirms, then requests the baja of document `id`.
    func requestVoid(_ id: Int64?, _ context: AppContext) {
        guard let id else { return }
        let record: EDocumentRecord
        do {
            record = try service.voidCandidate(id: id)
        } catch {
            context.error(text.describe(error))
            return
        }
        let texts = ReasonDialog.Texts(title: strings.format("billing.void.title", record.documentID),
                                       prompt: strings["billing.void.prompt"], hint: strings["billing.void.hint"],
                                       confirm: strings["widget.answer"], empty: strings["billing.err.emptyReason"])
        let dialog = ReasonDialog(texts, maxLength: EDocumentRepository.maxVoidReasonLength, strings: strings) { [weak self] reason in
            guard let self, let reason else { return }
            let question = self.strings.format("billing.void.confirm", self.text.kind(record.kind), record.documentID,
                                               record.customerName, reason)
            context.present(ConfirmDialog(message: question, title: self.strings.format("billing.void.title", record.documentID),
                                          danger: true) { [weak self] yes in
                guard let self, yes else { return }
                do {
                    try self.service.requestVoid(id: id, reason: reason)
                    self.onIssued(record)
                    context.ok(self.strings.format("billing.void.requested", record.documentID))
                } catch {
                    context.error(self.text.describe(error))
                }
            })
        }
        context.present(dialog)
    }

    /// Shows the signed XML of `id` in a scrollable read-only overlay.
    func showXML(_ id: Int64?, _ context: AppContext) {
        guard let id else { return }
        do {
            let xml = String(decoding: try service.signedXML(id: id), as: UTF8.self)
            let name = try service.record(id: id).fileName
            context.present(BillingTextViewer(title: strings.format("billing.xml.title", name), text: xml, strings: strings))
        } catch {
            context.error(text.describe(error))
        }
    }

    // MARK: issuing from a quote

    /// Picks an accepted quote, then asks before issuing the factura or boleta of its one-time part.
    func issueFromQuote(_ context: AppContext) {
        let service = self.service
        do { _ = try service.invoiceableQuotes(search: "", limit: 1) } catch {
            context.error(text.describe(error))
            return
        }
        let picker = QuotePicker(title: strings["billing.pickQuote"], strings: strings, search: { text in
            ((try? service.invoiceableQuotes(search: text)) ?? []).map { entry in
                PickerEntry(id: entry.quote.id, title: entry.quote.number + "  " + entry.customerName,
                            detail: entry.quote.oneTime.formatted)
            }
        }, onPick: { [weak self] entry in self?.confirmInvoice(quoteId: entry.id, context) })
        context.present(picker)
    }

    private func confirmInvoice(quoteId: Int64, _ context: AppContext) {
        do {
            let (doc, quote) = try service.invoiceDocument(quoteId: quoteId)
            let total = (try? doc.amounts().total.formatted) ?? ""
            let question = padron.warning(ruc: doc.customer.number, strings)
                + strings.format("billing.confirmIssue", text.kind(doc.kind), doc.series.code, total, doc.customer.name, quote.number)
            context.present(ConfirmDialog(message: question, title: strings["billing.issueTitle"]) { [weak self] yes in
                guard let self, yes else { return }
                self.issueInvoice(quoteId: quoteId, override: nil, context)
            })
        } catch {
            context.error(text.describe(error))
        }
    }

    /// Issues, or — beyond the customer's credit limit — warns ventas / asks finanzas for the override's reason.
    private func issueInvoice(quoteId: Int64, override: String?, _ context: AppContext) {
        do {
            let record = try service.issueInvoice(quoteId: quoteId, creditOverride: override)
            onIssued(record)
            context.ok(strings.format("billing.issued", text.kind(record.kind), record.documentID, record.total.formatted,
                                      text.status(record.status)))
        } catch {
            if CreditOverridePrompt.offer(error, context, strings, retry: { [weak self] in
                self?.issueInvoice(quoteId: quoteId, override: $0, context)
            }) { return }
            context.error(text.describe(error))
        }
    }

    // MARK: issuing by hand

    /// Picks a customer, then opens the form of a factura or boleta typed by hand.
    func issueByHand(_ context: AppContext) {
        let service = self.service
        do { _ = try service.buyers(search: "", limit: 1) } catch {
            context.error(text.describe(error))
            return
        }
        let picker = QuotePicker(title: strings["billing.pickCustomer"], strings: strings, search: { text in
            ((try? service.buyers(search: text)) ?? []).compactMap { c in
                guard let id = c.id else { return nil }
                return PickerEntry(id: id, title: c.legalName, detail: c.docType.shortName + " " + c.docNumber)
            }
        }, onPick: { [weak self] entry in
            guard let self else { return }
            do {
                let customer = try service.buyer(id: entry.id)
                let editor = BillingManualEditor(customer: customer, service: self.service, text: self.text,
                                                 padron: self.padron)
                editor.onIssued = { [weak self] record in self?.onIssued(record) }
                FormScreen.open(editor, drafts: self.services.drafts, strings: self.strings, context: context)
            } catch {
                context.error(self.text.describe(error))
            }
        })
        context.present(picker)
    }

    // MARK: printing

    /// Writes the PDF of `id` (A4 or ticket) into the documents folder and shows its path.
    func printPDF(_ id: Int64?, format: InvoicePaperFormat, _ context: AppContext) {
        guard let id else { return }
        do {
            let path = try service.writePDF(id: id, format: format)
            context.ok(strings.format("billing.pdfWritten", path))
        } catch {
            context.error(text.describe(error))
        }
    }
}
