import BytekDocuments
import BytekModel
import BytekStore
import Foundation

/// The Facturación actions on one document, shared by the list and the full-screen detail. Each checks
/// the role first (a read-only role gets a Spanish refusal in the status bar) and reports its outcome
/// there too.
@MainActor
final class BillingActions {
    let store: Store
    let service: BillingService
    let text: BillingText
    var strings: Strings { text.s }
    /// Called after a document was issued, with its record (the list selects it).
    var onIssued: (EDocumentRecord) -> Void = { _ in }

    init(store: Store, context: AppContext, environment: @escaping @Sendable () -> [String: String]) {
        self.store = store
        service = BillingService(store: store, user: context.session.login, now: context.now, environment: environment)
        text = BillingText(context.strings)
    }

    // MARK: notes

    /// Opens the form of a credit (`.notaCredito`) or debit note on document `id`.
    func newNote(_ kind: DocumentKind, on id: Int64?, _ context: AppContext) {
        guard context.require(.write, .billing), let id else { return }
        do {
            guard let original = try service.repository.record(id: id) else { throw BillingError.documentNotFound }
            guard !original.kind.isNote else { throw BillingError.noteOnNote }
            guard original.status == .aceptado || original.status == .observado else {
                throw BillingError.notAccepted(original.status)
            }
            let editor = BillingNoteEditor(kind: kind, original: original, service: service, text: text)
            editor.onIssued = { [weak self] record in self?.onIssued(record) }
            FormScreen.open(editor, drafts: DraftRepository(db: store.db), strings: strings, context: context)
        } catch {
            context.error(text.describe(error))
        }
    }

    // MARK: sending

    /// Re-queues the send of document `id` now.
    func retry(_ id: Int64?, _ context: AppContext) {
        guard context.require(.write, .billing), let id else { return }
        do {
            let job = try service.retry(id: id)
            let doc = try service.repository.record(id: id)?.documentID ?? ""
            context.ok(strings.format("billing.retried", doc, String(job.id)))
        } catch {
            context.error(text.describe(error))
        }
    }

    /// Sends the resumen diario of the waiting boletas now (the worker builds, signs and sends it).
    func queueSummary(_ context: AppContext) {
        guard context.require(.write, .billing) else { return }
        do {
            let n = try service.queueSummary()
            context.ok(strings.format("billing.summaryQueued", String(n)))
        } catch {
            context.error(text.describe(error))
        }
    }

    // MARK: baja

    /// Asks for the reason, then confirms, then requests the baja of document `id`.
    func requestVoid(_ id: Int64?, _ context: AppContext) {
        guard context.require(.write, .billing), let id else { return }
        let record: EDocumentRecord
        do {
            guard let r = try service.repository.record(id: id) else { throw BillingError.documentNotFound }
            guard r.status == .aceptado || r.status == .observado else { throw BillingError.voidNotAllowed(r.status) }
            record = r
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
            let xml = try service.signedXML(id: id)
            let name = try service.repository.record(id: id)?.fileName ?? ""
            context.present(BillingTextViewer(title: strings.format("billing.xml.title", name), text: xml, strings: strings))
        } catch {
            context.error(text.describe(error))
        }
    }

    // MARK: issuing from a quote

    /// Picks an accepted quote, then asks before issuing the factura or boleta of its one-time part.
    func issueFromQuote(_ context: AppContext) {
        guard context.require(.write, .billing) else { return }
        let quotes = QuoteRepository(db: store.db, user: context.session.login)
        let names = CustomerNames(repository: CustomerRepository(db: store.db, user: context.session.login))
        let picker = QuotePicker(title: strings["billing.pickQuote"], strings: strings, search: { text in
            let pages = (try? quotes.pager(QuoteQuery(state: .accepted, latestOnly: true), search: text).first(40)) ?? []
            return pages.map { p in
                let q = p.item
                return PickerEntry(id: q.id, title: q.number + "  " + names.name(q.customerId),
                                   detail: q.oneTime.formatted)
            }
        }, onPick: { [weak self] entry in self?.confirmInvoice(quoteId: entry.id, context) })
        context.present(picker)
    }

    private func confirmInvoice(quoteId: Int64, _ context: AppContext) {
        do {
            let (doc, quote) = try service.invoiceDocument(quoteId: quoteId)
            let total = (try? doc.amounts().total.formatted) ?? ""
            let question = strings.format("billing.confirmIssue", text.kind(doc.kind), doc.series.code, total,
                                          doc.customer.name, quote.number)
            context.present(ConfirmDialog(message: question, title: strings["billing.issueTitle"]) { [weak self] yes in
                guard let self, yes else { return }
                do {
                    let record = try self.service.issueInvoice(quoteId: quoteId)
                    self.onIssued(record)
                    context.ok(self.strings.format("billing.issued", self.text.kind(record.kind), record.documentID,
                                                   record.total.formatted, self.text.status(record.status)))
                } catch {
                    context.error(self.text.describe(error))
                }
            })
        } catch {
            context.error(text.describe(error))
        }
    }

    // MARK: issuing by hand

    /// Picks a customer, then opens the form of a factura or boleta typed by hand.
    func issueByHand(_ context: AppContext) {
        guard context.require(.write, .billing) else { return }
        let customers = CustomerRepository(db: store.db, user: context.session.login)
        let picker = QuotePicker(title: strings["billing.pickCustomer"], strings: strings, search: { text in
            ((try? customers.pager(CustomerQuery(search: text)).first(40)) ?? []).compactMap { p in
                guard let id = p.item.id else { return nil }
                return PickerEntry(id: id, title: p.item.legalName, detail: p.item.docType.shortName + " " + p.item.docNumber)
            }
        }, onPick: { [weak self] entry in
            guard let self else { return }
            do {
                guard let customer = try customers.get(entry.id) else { throw BillingError.customerNotFound }
                let editor = BillingManualEditor(customer: customer, service: self.service, text: self.text)
                editor.onIssued = { [weak self] record in self?.onIssued(record) }
                FormScreen.open(editor, drafts: DraftRepository(db: self.store.db), strings: self.strings, context: context)
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
            let path = try BillingPrinting.write(id: id, format: format, store: store)
            context.ok(strings.format("billing.pdfWritten", path))
        } catch {
            context.error(text.describe(error))
        }
    }
}
