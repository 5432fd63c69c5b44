import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Conciliación bancaria: the imported statement lines that wait, each with the receivables the matcher
/// suggests, its confidence and reason; one key per line: Enter accepts (records the payment through
/// Cobranzas with the line's operation number), `s` skips (the line waits), `o` applies it to another
/// document typed by number, `x` discards it (not a customer's payment), `E` accepts every exact one.
@MainActor
final class BankReconcileScreen: Screen {
    private let services: Services
    private let strings: Strings
    private let pane: ListPane
    private(set) var lines: [BankStatementService.PendingLine] = []
    private(set) var problem: String?

    init(services: Services, strings: Strings) {
        self.services = services
        self.strings = strings
        let s = strings
        let table = Table(columns: [
            TableColumn(s["bank.col.date"], width: 10),
            TableColumn(s["bank.col.amount"], width: 14, alignment: .right),
            TableColumn(s["bank.col.operation"], width: 10),
            TableColumn(s["bank.col.description"], weight: 2, minWidth: 16),
            TableColumn(s["bank.col.suggestion"], weight: 1, minWidth: 12),
            TableColumn(s["bank.col.confidence"], width: 9),
            TableColumn(s["bank.col.reason"], weight: 3, minWidth: 16),
        ], source: ArrayRowSource([]), emptyMessage: s["bank.empty"])
        pane = ListPane(title: s["bank.title"], table: table)
        pane.showsFilter = false
        load()
    }

    var title: String { strings["bank.title"] }

    var bindings: [KeyBinding] {
        let s = strings
        var b: [KeyBinding] = []
        if let role = services.actor.role, PermissionMatrix.canWrite(role, .receivables) {
            b += [KeyBinding([.enter], s["bank.accept"], help: s["bank.help.accept"]),
                  KeyBinding([.char("s")], s["bank.skip"], help: s["bank.help.skip"]),
                  KeyBinding([.char("o")], s["bank.other"], help: s["bank.help.other"]),
                  KeyBinding([.char("x")], s["bank.discard"], help: s["bank.help.discard"]),
                  KeyBinding([.char("E")], s["bank.exact"], help: s["bank.help.exact"]),
                  KeyBinding([.char("i")], s["bank.import"], help: s["bank.help.import"])]
        }
        b.append(KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], s["key.move"], help: s["table.help.move"], hint: false))
        return b
    }

    var selected: BankStatementService.PendingLine? {
        guard let id = pane.table.selectedRow?.id else { return nil }
        return lines.first { $0.line.id == id }
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .enter:
            guard let p = selected else { return .handled }
            guard let s = p.suggestion else { context.error(strings["bank.noSuggestion"]); return .handled }
            run(context) { try self.accept(p.line.id, s.receivableIds) }
        case .char("s"):
            _ = pane.handle(.key(.down))
            context.info(strings["bank.skipped"])
        case .char("o"): askOther(context)
        case .char("i"): pickAccount(context)
        case .char("x"):
            guard let p = selected else { return .handled }
            run(context) {
                try self.services.bankStatements.discard(lineId: p.line.id)
                return self.strings["bank.discarded"]
            }
        case .char("E"):
            run(context) {
                let r = try self.services.bankStatements.acceptExact()
                return self.strings.format("bank.exactDone", String(r.accepted), String(r.waiting))
            }
        default: return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    private func accept(_ lineId: Int64, _ ids: [Int64]) throws -> String {
        let payment = try services.bankStatements.accept(lineId: lineId, receivableIds: ids)
        return payment.map { strings.format("bank.accepted", String($0.id), $0.amount.formatted) } ?? strings["bank.reconciled"]
    }

    /// `i`: the account (picked when there are several), then the file's path; the bank's columns are the
    /// remembered ones or guessed from the header (`bytek banco importar --columnas` sets them otherwise).
    private func pickAccount(_ context: AppContext) {
        let accounts: [BankAccount]
        do { accounts = try services.receivables.bankAccounts() } catch { context.error(ServiceOutcome.text(error, strings)); return }
        if accounts.count == 1 { askPath(accounts[0], context); return }
        context.present(QuotePicker(title: strings["bank.pickAccount"], strings: strings, search: { text in
            accounts.filter { text.isEmpty || TextFold.fold($0.label).contains(TextFold.fold(text)) }
                .map { PickerEntry(id: $0.id, title: $0.label, detail: $0.isDetraccion ? "detracciones" : "") }
        }, onPick: { [weak self] entry in
            guard let self, let account = accounts.first(where: { $0.id == entry.id }) else { return }
            self.askPath(account, context)
        }))
    }

    private func askPath(_ account: BankAccount, _ context: AppContext) {
        let s = strings
        let texts = ReasonDialog.Texts(title: s.format("bank.import.title", account.label), prompt: s["bank.import.prompt"],
                                       hint: s["bank.import.hint"], confirm: s["bank.import"], empty: s["import.emptyPath"])
        context.present(ReasonDialog(texts, maxLength: 1024, strings: s) { [weak self] path in
            guard let self, let path else { return }
            let full = (path as NSString).expandingTildeInPath
            guard let data = FileManager.default.contents(atPath: full) else { context.error(s.format("import.unreadable", path)); return }
            self.run(context) {
                let r = try self.services.bankStatements.importStatement(accountId: account.id, bytes: Array(data))
                guard r.saved else { throw BankStatementError.unreadable(r.problems.prefix(3).map(\.description).joined(separator: "; ")) }
                return s.format("bank.imported", account.label, String(r.added), String(r.repeated))
            }
        })
    }

    private func askOther(_ context: AppContext) {
        guard let p = selected else { return }
        let s = strings
        let texts = ReasonDialog.Texts(title: s["bank.other.title"], prompt: s["bank.other.prompt"], hint: s["bank.other.hint"],
                                       confirm: s["bank.accept"], empty: s["bank.other.empty"])
        context.present(ReasonDialog(texts, maxLength: 20, strings: s) { [weak self] text in
            guard let self, let text else { return }
            self.run(context) {
                let ids = try self.services.receivables.receivables(documentID: text.uppercased())
                    .filter { !$0.isSettled && $0.part == .neto }.map(\.id)
                guard !ids.isEmpty else { throw BankStatementError.nothingToApply }
                return try self.accept(p.line.id, ids)
            }
        })
    }

    private func run(_ context: AppContext, _ body: () throws -> String) {
        ServiceOutcome.run(context, strings, reload: load, body)
    }

    /// Reads the pending lines and their suggestions again.
    func load() {
        do {
            lines = try services.bankStatements.pending()
            problem = nil
        } catch {
            lines = []
            problem = ServiceOutcome.text(error, strings)
        }
        let rows = lines.map { p in
            let l = p.line.line
            return TableRow(id: p.line.id, cells: [
                ExchangeRateRule.dayMonthYear(l.date), l.amount.formatted, l.operationNumber, l.description,
                p.receivables.map(\.documentID).joined(separator: ", "), p.suggestion?.confidence.label ?? "—",
                p.suggestion?.reason ?? strings["bank.waits"],
            ], cursor: [])
        }
        pane.table.setSource(ArrayRowSource(rows))
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let exact = lines.filter { $0.suggestion?.isExact == true }.count
        ServiceOutcome.render(&canvas, in: rect, intro: strings.format("bank.summary", String(lines.count), String(exact)),
                              problem: problem, pane: pane, strings: strings)
    }

    /// The palette's entry ("conciliar", "extracto"): opens this screen over the current one.
    static func paletteAction(store: Store, strings: Strings) -> PaletteAction {
        PaletteAction(title: strings["bank.title"], detail: strings["bank.palette.detail"]) { ctx in
            ctx.push(BankReconcileScreen(services: ctx.services(store), strings: ctx.strings))
        }
    }

    nonisolated static func paletteMatches(_ query: String) -> Bool {
        ServiceOutcome.paletteMatches(query, ["conciliacion bancaria", "conciliar", "extracto bancario", "banco"])
    }
}
