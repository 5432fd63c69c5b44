import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The quote builder: a header (customer, unit, currency, IGV, validity, delivery, payment terms),
/// the lines table and a live totals panel. A draft is edited here; a sent, accepted, rejected or
/// expired version opens read-only with its actions (new version, accept, reject, PDFs).
///
/// One `QuoteCalculator` lives as long as the screen, so a change recomputes only the line that
/// changed. Every change is written at once to a draft (DraftRepository, form "quote"), so a killed
/// terminal loses nothing: opening the same quote again offers it back.
@MainActor
final class QuoteBuilderScreen: Screen {
    let store: Store
    /// The quote operations, as the logged-in user through this terminal's door.
    let quotes: QuoteService
    let drafts: DraftRepository
    let strings: Strings
    let text: QuoteText
    /// Cost and margin only for the roles that may see costs (the service decides: `QuoteService.seesCosts`).
    let showsCost: Bool
    var quote: Quote
    /// The content as stored when the screen opened or last saved: the version a draft is typed over.
    var baseContent: QuoteContent
    /// True when the quote changed since it was last saved to the store.
    var isDirty = false
    private var calculator = QuoteCalculator()
    /// Calculators made by this screen: one for its whole life (tests pin that edits reuse it).
    private(set) var calculatorsMade = 1
    /// Times the totals were recomputed (once per change, never per frame).
    private(set) var recomputations = 0
    private(set) var totals: QuoteTotals?
    private(set) var totalsError: String?
    let table: Table
    let lines: QuoteLinesSource
    var customerLabel = ""
    /// "SUNAT: BAJA DE OFICIO / NO HABIDO" beside the customer when its RUC is not ACTIVO and HABIDO.
    var customerFlag = ""
    /// SUNAT's padrón, opened once for this screen and looked up when the customer is (re)loaded.
    let padron: PadronFlags
    /// "Oportunidad: Cableado" when the quote is linked to a deal (with the lead's name when the
    /// quote has no customer yet).
    var dealLabel = ""
    var user = ""
    /// An exchange rate outside the usual band that the user was warned about: saving it again confirms it.
    var rateToConfirm: Decimal?
    /// Beside the rate in the header: "TC 3.749 del 16/11 (2 días antes)" when the day's rate was taken
    /// by default, or why none could be (a quote in dollars with the rate left empty).
    var rateNote: String?
    /// True when the last `preview` could not compute its trial (a figure beyond the limits…): such a
    /// trial is never kept as a draft.
    private(set) var lastPreviewFailed = false

    init(quote: Quote, store: Store, context: AppContext) {
        self.store = store
        self.quote = quote
        baseContent = quote.content
        strings = context.strings
        text = QuoteText(context.strings)
        user = context.session.login
        quotes = context.services(store).quotes
        drafts = context.services(store).drafts
        showsCost = quotes.seesCosts
        padron = PadronFlags(services: context.services(store))
        lines = QuoteLinesSource(strings: context.strings)
        lines.showsCost = showsCost
        table = Table(columns: QuoteLinesSource.columns(context.strings, showsCost: showsCost), source: lines,
                      emptyMessage: context.strings["quotes.lines.empty"])
        table.showsFooter = false
        loadCustomerLabel()
        recompute()
    }

    /// Opens `quote` in a builder over the current screen and offers its unsaved draft, if any.
    static func open(_ quote: Quote, store: Store, context: AppContext, replacing: Bool = false) {
        let screen = QuoteBuilderScreen(quote: quote, store: store, context: context)
        if replacing { context.replaceTop(screen) } else { context.push(screen) }
        screen.offerDraft(context)
    }

    var isEditable: Bool { quote.state == .draft }
    var title: String {
        quote.number.isEmpty ? strings["quotes.builder.new"] : quote.number + " v" + String(quote.version)
    }

    var draftKey: String { quote.id.map(String.init) ?? DraftRepository.newRecord }

    // MARK: totals

    /// Recomputes the totals with the screen's one calculator (only changed lines are redone).
    func recompute() {
        recomputations += 1
        lines.lines = quote.lines
        do {
            let t = try calculator.totals(for: quote.content)
            totals = t
            totalsError = nil
            lines.figures = t.lines
        } catch {
            totalsError = text.error(error)
            lines.figures = []
        }
        table.reload()
    }

    /// The figures `trial` would have (the line being typed and the quote's totals), computed on the
    /// screen's one calculator: only the typed line is recomputed on each keystroke.
    func preview(_ trial: QuoteContent, lineIndex: Int) -> [String] {
        recomputations += 1
        lastPreviewFailed = true
        do {
            let t = try calculator.totals(for: trial)
            lastPreviewFailed = false
            var out: [String] = []
            if t.lines.indices.contains(lineIndex) {
                let f = t.lines[lineIndex]
                out.append(strings.format("quotes.preview.line", f.tax.base.formatted, f.tax.igv.formatted, f.tax.total.formatted))
            }
            out.append(strings.format("quotes.preview.quote", t.tax.total.formatted, t.oneTime.formatted, t.recurring.formatted))
            return out
        } catch {
            return [text.error(error)]
        }
    }

    /// Tries a change; keeps it when the totals still compute, else undoes it and returns why.
    func tryChange(_ change: (inout QuoteContent) -> Void) -> String? {
        guard isEditable else { return text.error(.notEditable(quote.state)) }
        let before = quote
        do { try quote.edit(change) } catch { return text.error(error) }
        do {
            recomputations += 1
            let t = try calculator.totals(for: quote.content)
            totals = t
            totalsError = nil
            lines.lines = quote.lines
            lines.figures = t.lines
            table.reload()
        } catch {
            quote = before
            return text.error(error)
        }
        changed()
        return nil
    }

    /// After any change of the content: unsaved, and kept in the draft.
    func changed() {
        isDirty = true
        keepDraft()
    }

    /// Writes `content` (the quote's own, or one with a line still being typed) to the draft.
    func keepDraft(_ content: QuoteContent? = nil) {
        var draft = quote
        if let content { try? draft.edit { $0 = content } }
        guard isEditable, isDirty || content != nil, let data = try? JSONEncoder().encode(draft),
              let json = String(data: data, encoding: .utf8)
        else { return }
        let base = (try? JSONEncoder().encode(baseContent)).map { String(decoding: $0, as: UTF8.self) }
        try? drafts.save(user: user, form: "quote", recordKey: draftKey, fields: ["quote": json],
                         base: base.map { ["content": $0] })
    }

    func deleteDraft(key: String? = nil) {
        try? drafts.delete(user: user, form: "quote", recordKey: key ?? draftKey)
    }

    /// Offers the saved draft of this quote when it differs from what is stored. A draft that cannot be
    /// read, or whose figures no longer compute (an absurd amount), is offered for deletion instead.
    func offerDraft(_ context: AppContext) {
        guard isEditable else { return }
        let saved: Quote
        let draft: FormDraft
        do {
            guard let found = try drafts.load(user: user, form: "quote", recordKey: draftKey) else { return }
            draft = found
            saved = try JSONDecoder().decode(Quote.self, from: Data((found.fields["quote"] ?? "").utf8))
        } catch {
            offerToDeleteDraft(context, reason: nil)
            return
        }
        guard saved.content != quote.content else { return }
        let when = context.formats.dateTime(draft.updatedAt)
        // Saved by someone else after the draft started: restoring would replace their change, so say so
        // and default to no.
        let base = draft.base?["content"].flatMap { try? JSONDecoder().decode(QuoteContent.self, from: Data($0.utf8)) }
        let overNewer = base.map { $0 != quote.content } ?? false
        let message = strings.format(overNewer ? "dialog.quoteDraftOverNewer" : "dialog.draftFound", when)
        context.present(ConfirmDialog(message: message, yesByDefault: !overNewer, danger: overNewer) { [weak self] yes in
            guard let self else { return }
            if yes {
                if let problem = self.tryChange({ $0 = saved.content }) {
                    self.offerToDeleteDraft(context, reason: problem)
                    return
                }
                self.loadCustomerLabel()
                context.info(self.strings["form.draftRestored"])
            } else {
                self.deleteDraft()
            }
        })
    }

    private func offerToDeleteDraft(_ context: AppContext, reason: String?) {
        let message = strings["dialog.draftUnreadable"] + (reason.map { " " + $0 } ?? "")
        context.present(ConfirmDialog(message: message, yesByDefault: true, danger: true) { [weak self] yes in
            guard let self else { return }
            if yes { self.deleteDraft(); context.info(self.strings["form.draftDeleted"]) }
        })
    }

    func loadCustomerLabel() {
        dealLabel = ""
        if let dealId = quote.dealId, let card = try? quotes.deal(dealId) {
            dealLabel = strings.format("quotes.dealLabel", card.deal.title)
            // Without a customer the deal's party (the lead) is who the quote is for.
            if quote.customerId == nil && !card.party.isEmpty { dealLabel += " (" + card.party + ")" }
        }
        customerFlag = ""
        guard let id = quote.customerId else { customerLabel = ""; return }
        if let c = try? quotes.customer(id) {
            customerLabel = c.legalName + " · " + c.docType.shortName + " " + c.docNumber
            if c.docType == .ruc, let e = padron.flagged(ruc: c.docNumber) {
                customerFlag = strings["padron.flag.label"] + ": " + PadronFlags.state(e)
            }
        } else {
            customerLabel = "#\(id)"
        }
    }

    // MARK: keys

    var bindings: [KeyBinding] {
        let s = strings
        var b: [KeyBinding] = []
        if isEditable {
            b += [
                KeyBinding([.char("a")], s["quotes.key.addItem"], help: s["quotes.help.addItem"]),
                KeyBinding([.char("A")], s["quotes.key.addFree"], help: s["quotes.help.addFree"]),
                KeyBinding([.enter, .char("e")], s["key.edit"], help: s["quotes.help.editLine"]),
                KeyBinding([.delete, .char("x")], s["quotes.key.remove"], help: s["quotes.help.remove"]),
                KeyBinding([.char("C")], s["quotes.key.customer"], help: s["quotes.help.customer"]),
                KeyBinding([.char("O")], s["quotes.key.deal"], help: s["quotes.help.deal"], hint: false),
                KeyBinding([.char("h")], s["quotes.key.header"], help: s["quotes.help.header"]),
                KeyBinding([.char("i")], s["quotes.key.igv"], help: s["quotes.help.igv"], hint: false),
                KeyBinding([.char("d")], s["quotes.key.discount"], help: s["quotes.help.discount"]),
                KeyBinding([.ctrl("s")], s["key.save"], help: s["quotes.help.save"]),
                KeyBinding([.char("S")], s["quotes.key.send"], help: s["quotes.help.send"]),
            ]
        } else {
            if quote.state == .accepted {
                b.append(KeyBinding([.char("o")], s["quotes.key.reopen"], help: s["quotes.help.reopen"]))
            } else {
                b.append(KeyBinding([.char("v")], s["quotes.key.newVersion"], help: s["quotes.help.newVersion"]))
            }
            if quote.state == .sent {
                b += [KeyBinding([.char("A")], s["quotes.key.accept"], help: s["quotes.help.accept"]),
                      KeyBinding([.char("R")], s["quotes.key.reject"], help: s["quotes.help.reject"])]
            }
        }
        b += [
            KeyBinding([.char("p")], s["quotes.key.pdf"], help: s["quotes.help.pdf"]),
            KeyBinding([.char("m")], s["msg.quote.key"], help: s["msg.quote.help"], hint: false),
            KeyBinding([.char("c")], s["quotes.key.contract"], help: s["quotes.help.contract"], hint: quote.state == .accepted),
            KeyBinding([.escape], s["app.back"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], s["key.move"], help: s["table.help.move"], hint: false),
        ]
        return b
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        user = context.session.login
        guard case .key(let key) = event else { return table.handle(event) ? .handled : .ignored }
        switch key {
        case .escape: close(context)
        case .char("a"): pickCatalogItem(context)
        case .char("A"): if isEditable { editLine(nil, context) } else { accept(context) }
        case .enter, .char("e"):
            if let id = table.selectedID { editLine(Int(id) - 1, context) }
        case .delete, .char("x"): removeLine(context)
        case .char("C"): pickCustomer(context)
        case .char("O"): pickDeal(context)
        case .char("h"): editHeader(context)
        case .char("i"): toggleIGV(context)
        case .char("d"): editDiscount(context)
        case .ctrl("s"): _ = save(context)
        case .char("S"): send(context)
        case .char("v"): newVersion(context)
        case .char("o") where quote.state == .accepted: reopen(context)
        case .char("R"): reject(context)
        case .char("p"): printQuote(context)
        case .char("m"): mailQuote(context)
        case .char("c"): printContract(context)
        default:
            return table.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    /// Checks the user may change this quote (the operation's own rule) and this version is a draft;
    /// says why not in the status bar.
    func requireEditable(_ context: AppContext) -> Bool {
        guard permitted(quote.id == nil ? .quoteCreate : .quoteEdit, context) else { return false }
        guard isEditable else { context.error(text.error(.notEditable(quote.state))); return false }
        return true
    }

    /// Whether the user may do `operation`, asked before a dialog opens (the service refuses again
    /// when it runs); the refusal goes to the status bar.
    func permitted(_ operation: BytekServices.Operation, _ context: AppContext) -> Bool {
        do {
            try quotes.actor.authorize(operation)
            return true
        } catch {
            context.error(text.describe(error))
            return false
        }
    }

    private func close(_ context: AppContext) {
        guard isDirty else { context.pop(); return }
        context.present(ConfirmDialog(message: strings["dialog.discard"], danger: true) { [weak self] yes in
            guard let self, yes else { return }
            self.deleteDraft()
            self.isDirty = false
            context.pop()
        })
    }

    /// Leaving by quitting keeps the draft (nothing typed is lost).
    func willClose(context: AppContext) -> Bool { true }

    func reload(context: AppContext) {
        guard !isDirty, let id = quote.id, let stored = try? quotes.get(id), stored != quote else { return }
        quote = stored
        loadCustomerLabel()
        recompute()
    }
}
