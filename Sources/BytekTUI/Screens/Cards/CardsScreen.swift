import BytekGateways
import BytekModel
import BytekServices
import Foundation

/// Cobranzas › `t`: one customer's saved cards (above) and card charge attempts (the list, newest first) with their
/// status and the bank's reason for a decline. `c` charges the saved card now (after a confirmation showing the
/// amount), `r` refunds the selected approved charge (amount — or «todo» — and reason). Every action is one operation
/// of `services.cards`; the screen holds no repository.
@MainActor
final class CardsScreen: Screen {
    let cards: CardService
    let customerId: Int64
    let customerName: String
    let strings: Strings
    let pane: ListPane
    private let canWrite: Bool
    private(set) var saved: [SavedCard] = []
    private(set) var charges: [CardCharge] = []
    private(set) var autopayCard: Int64?
    private(set) var problem: String?
    /// Called after a charge or a refund (Cobranzas reloads its rows).
    var onChange: (() -> Void)?

    init(cards: CardService, customerId: Int64, customerName: String, strings: Strings, canWrite: Bool) {
        self.cards = cards
        self.customerId = customerId
        self.customerName = customerName
        self.strings = strings
        self.canWrite = canWrite
        let s = strings
        let table = Table(columns: [
            TableColumn(s["cards.col.order"], width: 12),
            TableColumn(s["cards.col.date"], width: 10),
            TableColumn(s["cards.col.source"], width: 10),
            TableColumn(s["cards.col.attempt"], width: 3, alignment: .right),
            .amount(s["cards.col.amount"], width: 14),
            TableColumn(s["cards.col.status"], width: 11),
            TableColumn(s["cards.col.detail"], weight: 1, minWidth: 16),
        ], source: ArrayRowSource([]), emptyMessage: s["cards.empty"])
        pane = ListPane(title: s.format("cards.title", customerName), table: table)
        pane.showsFilter = false
        load()
    }

    var title: String { strings.format("cards.title", customerName) }

    var bindings: [KeyBinding] {
        var b: [KeyBinding] = []
        if canWrite {
            b.append(KeyBinding([.char("c")], strings["cards.key.charge"], help: strings["cards.help.charge"]))
            b.append(KeyBinding([.char("r")], strings["cards.key.refund"], help: strings["cards.help.refund"]))
        }
        b.append(KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false))
        b.append(KeyBinding([.escape], strings["cob.st.back"]))
        return b
    }

    var selected: CardCharge? {
        guard let id = pane.table.selectedRow?.id else { return nil }
        return charges.first { $0.id == id }
    }

    func describe(_ error: any Error) -> String {
        if let e = error as? CardError { return e.message }
        if let e = error as? GatewayError { return e.message }
        if let e = error as? ReceivableError { return e.message }
        return ServiceOutcome.text(error, strings)
    }

    /// "Fondos insuficientes (51) · reintento 2026-11-21", "pago 12", "derivado a cobranza".
    static func detail(_ c: CardCharge, _ s: Strings) -> String {
        switch c.status {
        case .rechazado:
            let why = DeclineText.describe(code: c.declineCode ?? "", message: c.declineMessage ?? "")
            if c.derived { return why + " · " + s["cards.derived"] }
            return why + (c.nextRetryOn.map { " · " + s.format("cards.retry", ReceivablesText.date($0)) } ?? "")
        case .aprobado:
            let refunded = c.refunded.minorUnits > 0 ? " · " + s.format("cards.refunded", c.refunded.formatted) : ""
            return (c.paymentId.map { s.format("cards.payment", String($0)) } ?? s["cards.noPayment"]) + refunded
        case .pendiente, .enviado, .desconocido: return s["cards.pending"]
        case .anulado: return c.declineMessage ?? ""
        }
    }

    func load() {
        do {
            saved = try cards.savedCards(customerId: customerId)
            autopayCard = try cards.autopay(customerId: customerId).cardId
            charges = try cards.charges(customerId: customerId)
            problem = nil
        } catch {
            saved = []; charges = []
            problem = describe(error)
        }
        let s = strings
        pane.table.setSource(ArrayRowSource(charges.map { c in
            TableRow(id: c.id, cells: [c.orderKey, String(c.createdAt.prefix(10)), s["cards.source." + c.source.rawValue], String(c.attempt),
                                       c.amount.formatted, c.status.displayName, Self.detail(c, s)], cursor: [],
                     role: c.status == .rechazado ? .warning : c.status.isUnresolved ? .accent : nil)
        }))
    }

    func reload(context: AppContext) { load() }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.char("c")) where canWrite: askCharge(context); return .handled
        case .key(.char("r")) where canWrite: askRefund(context); return .handled
        case .key(.escape): context.pop(); return .handled
        default: return pane.handle(event) ? .handled : .ignored
        }
    }

    private func askCharge(_ context: AppContext) {
        let s = strings
        let payable: [CardService.Payable]
        do { payable = try cards.openPayable(customerId: customerId) } catch { context.error(describe(error)); return }
        guard let card = saved.first(where: { $0.id == autopayCard }) ?? saved.first else { context.error(CardError.noCard.message); return }
        guard let first = payable.first else { context.error(CardError.nothingToCharge.message); return }
        let chosen = payable.filter { $0.amount.currency == first.amount.currency }
        let total = chosen.dropFirst().reduce(first.amount) { $0 + $1.amount }
        let docs = Set(chosen.map(\.receivable.documentID)).sorted().joined(separator: ", ")
        context.present(ConfirmDialog(message: s.format("cards.confirm", total.formatted, card.label, docs), title: s["cards.confirm.title"]) {
            [weak self] yes in
            guard let self, yes else { context.info(s["cards.cancelled"]); return }
            do {
                let r = try self.cards.chargeNow(customerId: self.customerId,
                                                 documentIDs: Array(Set(chosen.map(\.receivable.documentID))), cardId: card.id)
                self.load()
                self.onChange?()
                switch r.status {
                case .approved: context.ok(r.message)
                case .declined: context.error(r.message)
                default: context.info(r.message)
                }
            } catch {
                context.error(self.describe(error))
            }
        })
    }

    private func askRefund(_ context: AppContext) {
        let s = strings
        guard let c = selected, c.status == .aprobado, c.paymentId != nil else { context.error(s["cards.err.notApproved"]); return }
        let amountTexts = ReasonDialog.Texts(title: s["cards.refund.title"], prompt: s.format("cards.refund.amount", c.refundable.formatted),
                                             hint: s["cards.refund.amountHint"], confirm: s["cards.key.refund"], empty: s["cards.refund.amountEmpty"])
        context.present(ReasonDialog(amountTexts, maxLength: 30, strings: s) { [weak self] amount in
            guard let self, let amount else { context.info(s["cards.cancelled"]); return }
            let reasonTexts = ReasonDialog.Texts(title: s["cards.refund.title"], prompt: s["cards.refund.reason"],
                                                 hint: s["cards.refund.reasonHint"], confirm: s["cards.key.refund"], empty: s["cards.refund.reasonEmpty"])
            context.present(ReasonDialog(reasonTexts, maxLength: 300, strings: s) { [weak self] reason in
                guard let self, let reason else { context.info(s["cards.cancelled"]); return }
                let all = TextFold.fold(amount.trimmingCharacters(in: .whitespaces)) == "todo"
                do {
                    let r = try self.cards.refund(chargeId: c.id, amount: all ? nil : amount, reason: reason)
                    self.load()
                    self.onChange?()
                    context.ok(s.format("cards.refund.done", r.amount.formatted, c.orderKey))
                } catch {
                    context.error(self.describe(error))
                }
            })
        })
    }

    /// The cards above the list ("VISA •••• 0055 (vence 12/2030) · cobro automático"), or the problem.
    var cardLines: [String] {
        if let problem { return [problem] }
        if saved.isEmpty { return [strings["cards.none"]] }
        return saved.prefix(3).map { c in
            "\(c.label) · \(GatewayName(rawValue: c.gateway)?.displayName ?? c.gateway)" + (c.id == autopayCard ? " · " + strings["cards.autopay"] : "")
        }
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let lines = cardLines
        let (top, body) = rect.splitTop(lines.count + 1)
        for (i, line) in lines.enumerated() {
            canvas.text(" " + line, x: top.x, y: top.y + i, style: Style(problem == nil ? .accent : .error, bold: problem != nil), maxWidth: top.width)
        }
        pane.render(&canvas, in: body, strings: strings)
    }
}
