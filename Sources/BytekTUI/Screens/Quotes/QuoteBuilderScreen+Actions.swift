import BytekModel
import BytekServices
import BytekStore
import Foundation

// Saving and the life of a version: send (freezes it), new version, accept (shows what it
// recorded), reject, and the PDFs.
extension QuoteBuilderScreen {
    /// Saves the draft to the store (creating it the first time); true when it is stored and clean.
    @discardableResult
    func save(_ context: AppContext) -> Bool {
        guard requireEditable(context) else { return false }
        let oldKey = draftKey
        do {
            let saved = quote.id == nil ? try quotes.create(quote) : try quotes.update(quote)
            quote = saved
            baseContent = saved.content
            isDirty = false
            deleteDraft(key: oldKey)
            context.ok(strings.format("quotes.saved", quote.number, String(quote.version)))
            return true
        } catch {
            context.error(text.describe(error))
            return false
        }
    }

    func send(_ context: AppContext) {
        guard requireEditable(context) else { return }
        do { try quote.content.validate() } catch { context.error(text.error(error)); return }
        let name = quote.number.isEmpty ? strings["quotes.builder.new"] : quote.number + " v" + String(quote.version)
        context.present(ConfirmDialog(message: strings.format("quotes.confirmSend", name)) { [weak self] yes in
            guard let self, yes else { return }
            if (self.isDirty || self.quote.id == nil) && !self.save(context) { return }
            guard let id = self.quote.id else { return }
            do {
                self.quote = try self.quotes.send(id)
                self.recompute()
                context.ok(self.strings.format("quotes.sent", self.quote.number, String(self.quote.version)))
            } catch {
                context.error(self.text.describe(error))
            }
        })
    }

    /// A new version of a sent (or rejected, expired) version, after a confirmation; an accepted version
    /// gets none (it is reopened first, `o`).
    func newVersion(_ context: AppContext) {
        guard permitted(.quoteNewVersion, context) else { return }
        guard !isEditable, let id = quote.id else { context.error(strings["quotes.err.versionOfDraft"]); return }
        guard quote.state != .accepted else { context.error(strings["quotes.err.acceptedNoVersion"]); return }
        context.present(ConfirmDialog(message: strings.format("quotes.confirmNewVersion", quote.number, String(quote.version))) { [weak self] yes in
            guard let self, yes else { return }
            do {
                let copy = try self.quotes.newVersion(of: id)
                QuoteBuilderScreen.open(copy, store: self.store, context: context, replacing: true)
                context.ok(self.strings.format("quotes.versionCreated", copy.number, String(copy.version)))
            } catch {
                context.error(self.text.describe(error))
            }
        })
    }

    /// Reopens the accepted version: asks why (audited), then undoes what its acceptance created,
    /// refused while anything it created has moved on.
    func reopen(_ context: AppContext) {
        guard permitted(.quoteReopen, context) else { return }
        guard quote.state == .accepted, let id = quote.id else {
            context.error(text.error(.invalidTransition(from: quote.state, to: .sent))); return
        }
        do {
            let blockers = try quotes.reopenBlockers(id)
            guard blockers.isEmpty else {
                context.error(strings["quotes.err.cannotReopen"] + " " + QuotePrinting.reopenBlockerText(blockers)); return
            }
        } catch {
            context.error(text.describe(error)); return
        }
        let s = strings
        let texts = ReasonDialog.Texts(title: s["quotes.reopen.title"], prompt: s.format("quotes.reopen.prompt", quote.number, String(quote.version)),
                                       hint: s["quotes.reopen.hint"], confirm: s["quotes.key.reopen"], empty: s["quotes.reopen.empty"])
        context.present(ReasonDialog(texts, maxLength: 200, strings: s) { [weak self] reason in
            guard let self, let reason else { return }
            do {
                self.quote = try self.quotes.reopen(id, reason: reason)
                self.recompute()
                context.ok(self.strings.format("quotes.reopened", self.quote.number, String(self.quote.version)))
            } catch {
                context.error(self.text.describe(error))
            }
        })
    }

    func accept(_ context: AppContext) {
        guard permitted(.quoteAccept, context) else { return }
        guard quote.state == .sent, let id = quote.id else {
            context.error(text.error(.invalidTransition(from: quote.state, to: .accepted))); return
        }
        context.present(ConfirmDialog(message: strings.format("quotes.confirmAccept", quote.number, String(quote.version)),
                                      yesByDefault: false) { [weak self] yes in
            guard let self, yes else { return }
            self.accept(id, override: nil, context)
        })
    }

    /// Accepts, or — beyond the customer's credit limit — warns ventas / asks finanzas for the override's reason.
    private func accept(_ id: Int64, override: String?, _ context: AppContext) {
        do {
            let result = try quotes.accept(id, creditOverride: override)
            quote = result.quote
            recompute()
            context.ok(strings.format("quotes.accepted", quote.number, String(quote.version)))
            context.present(QuoteFactsDialog(title: strings["quotes.acceptedTitle"], facts: acceptanceFacts(result), strings: strings))
        } catch {
            if CreditOverridePrompt.offer(error, context, strings, retry: { [weak self] in self?.accept(id, override: $0, context) }) { return }
            context.error(text.describe(error))
        }
    }

    /// What accepting recorded, one fact per line.
    func acceptanceFacts(_ r: QuoteAcceptance) -> [String] {
        let s = strings
        var parts: [String] = []
        parts.append(r.deal.map { s.format("quotes.accept.deal", $0.title) } ?? s["quotes.accept.noDeal"])
        if r.milestones.isEmpty {
            parts.append(s["quotes.accept.noMilestones"])
        } else {
            parts.append(s["quotes.accept.milestones"])
            parts += r.milestones.map { "  \($0.position). " + $0.name + " " + QuoteText.decimal($0.percent) + "% " + ($0.amount?.formatted ?? "") }
        }
        parts.append(s.format(r.subscriptions.count == 1 ? "quotes.accept.subscription" : "quotes.accept.subscriptions",
                              String(r.subscriptions.count)))
        return parts
    }

    func reject(_ context: AppContext) {
        guard permitted(.quoteReject, context) else { return }
        guard quote.state == .sent, let id = quote.id else {
            context.error(text.error(.invalidTransition(from: quote.state, to: .rejected))); return
        }
        context.present(ConfirmDialog(message: strings.format("quotes.confirmReject", quote.number, String(quote.version)),
                                      danger: true) { [weak self] yes in
            guard let self, yes else { return }
            do {
                self.quote = try self.quotes.reject(id)
                context.ok(self.strings.format("quotes.rejected", self.quote.number, String(self.quote.version)))
            } catch {
                context.error(self.text.describe(error))
            }
        })
    }

    func printQuote(_ context: AppContext) {
        guard let id = storedId(context) else { return }
        if let path = QuotePrinting.quotePDF(quoteId: id, store: store, context: context) {
            context.ok(strings.format("quotes.pdfWritten", path))
        }
    }

    func printContract(_ context: AppContext) {
        guard quote.state == .accepted else { context.error(strings["quotes.err.contractNeedsAccepted"]); return }
        guard let id = storedId(context) else { return }
        context.present(ConfirmDialog(message: strings.format("quotes.confirmContract", quote.number, String(quote.version))) { [weak self] yes in
            guard let self, yes else { return }
            self.writeContract(id, context)
        })
    }

    private func writeContract(_ id: Int64, _ context: AppContext) {
        if let output = QuotePrinting.contractPDF(quoteId: id, store: store, context: context) {
            // The number tells the user whether this is the contract recorded before or a new one.
            context.ok(strings.format("quotes.contractWritten", output.contract.number + " · " + output.path))
        }
    }

    /// The stored id, saving a changed draft first so the PDF shows what is on screen.
    func storedId(_ context: AppContext) -> Int64? {
        if isEditable && (isDirty || quote.id == nil) {
            guard BytekServices.Operation.quoteEdit.allows(quotes.actor), save(context) else {
                if quote.id == nil { context.error(strings["quotes.err.saveFirst"]) }
                return nil
            }
        }
        return quote.id
    }
}
