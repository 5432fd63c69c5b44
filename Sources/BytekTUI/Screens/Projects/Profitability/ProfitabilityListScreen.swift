import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Rentabilidad: the projects by margin over sold, worst first (sold, invoiced, cost, margin, margin %,
/// hours used %, forecast margin %). Enter opens the project's figures with bars; `x` exports the list as
/// CSV to a path asked for (beside the database by default). Admin, finanzas and operaciones.
@MainActor
final class ProfitabilityListScreen: Screen {
    private let services: Services
    private let strings: Strings
    private let pane: ListPane
    private(set) var lines: [ProfitabilityLine] = []
    private(set) var problem: String?

    init(services: Services, strings: Strings) {
        self.services = services
        self.strings = strings
        let s = strings
        let table = Table(columns: [
            TableColumn(s["profit.col.code"], width: 15),
            TableColumn(s["profit.col.customer"], weight: 1, minWidth: 14),
            TableColumn(s["profit.col.sold"], width: 15, alignment: .right),
            TableColumn(s["profit.col.invoiced"], width: 15, alignment: .right),
            TableColumn(s["profit.col.cost"], width: 15, alignment: .right),
            TableColumn(s["profit.col.margin"], width: 15, alignment: .right),
            TableColumn(s["profit.col.marginPct"], width: 7, alignment: .right),
            TableColumn(s["profit.col.burn"], width: 7, alignment: .right),
            TableColumn(s["profit.col.forecast"], width: 9, alignment: .right),
        ], source: ArrayRowSource([]), emptyMessage: s["profit.empty"])
        pane = ListPane(title: s["profit.title"], table: table)
        pane.showsFilter = false
        load()
    }

    var title: String { strings["profit.title"] }

    var bindings: [KeyBinding] {
        [KeyBinding([.enter], strings["profit.key.open"], help: strings["profit.help.open"]),
         KeyBinding([.char("x")], strings["profit.key.export"], help: strings["profit.help.export"]),
         KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false)]
    }

    var selected: ProfitabilityLine? {
        guard let id = pane.table.selectedRow?.id else { return nil }
        return lines.first { $0.header.projectId == id }
    }

    /// Where `x` proposes to write the CSV: beside the database.
    var defaultExportPath: String {
        let day = LocalDate(services.now(), in: ExchangeRateService.lima)
        return (services.store.path as NSString).deletingLastPathComponent + "/rentabilidad-\(day).csv"
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.enter):
            if let line = selected { context.push(ProfitabilityProjectScreen(line: line, strings: strings)) }
            return .handled
        case .key(.char("x")): askExport(context); return .handled
        default: return pane.handle(event) ? .handled : .ignored
        }
    }

    private func askExport(_ context: AppContext) {
        let s = strings
        let texts = ReasonDialog.Texts(title: s["profit.export.title"], prompt: s["profit.export.prompt"],
                                       hint: s["profit.export.hint"], confirm: s["profit.key.export"], empty: s["profit.export.empty"])
        context.present(ReasonDialog(texts, maxLength: 1024, initial: defaultExportPath, strings: s) { [weak self] path in
            guard let self, let path else { context.info(s["profit.export.cancelled"]); return }
            self.export(to: path, context)
        })
    }

    func export(to path: String, _ context: AppContext) {
        do {
            let bytes = try services.profitability.csv()
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            context.ok(strings.format("profit.exported", String(lines.count), path))
        } catch {
            context.error(Self.describe(error, strings))
        }
    }

    static func describe(_ error: Error, _ strings: Strings) -> String {
        switch error {
        case let e as ProfitabilityError: return ErrorText.sentence(e.description)
        case let e as CocoaError: return strings.format("profit.export.failed", e.localizedDescription)
        default: return ErrorText(strings).describe(error)
        }
    }

    func load() {
        do {
            lines = try services.profitability.byMargin()
            problem = nil
        } catch {
            lines = []
            problem = Self.describe(error, strings)
        }
        let rows = lines.map { l -> TableRow in
            guard let f = l.figures else {
                return TableRow(id: l.header.projectId, cells: [l.header.code, l.header.customerName, "", "", "", "", "", "",
                                                                 strings["profit.noData"]], cursor: [])
            }
            return TableRow(id: l.header.projectId, cells: [
                l.header.code, l.header.customerName, f.money(f.soldCents).formatted, f.money(f.invoicedCents).formatted,
                f.money(f.totalCostCents).formatted, f.money(f.marginOnSoldCents).formatted,
                ProfitabilityCSV.pct(f.marginOnSoldPercent), ProfitabilityCSV.pct(f.burnPercent),
                f.forecast.map { ProfitabilityCSV.pct($0.marginPercent) } ?? strings["profit.noData"],
            ], cursor: [])
        }
        pane.table.setSource(ArrayRowSource(rows))
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        ServiceOutcome.render(&canvas, in: rect, intro: strings["profit.intro"], problem: problem, pane: pane, strings: strings)
    }

    /// The palette's entry ("rentabilidad", "margen"): opens this screen over the current one.
    static func paletteAction(store: Store, strings: Strings) -> PaletteAction {
        PaletteAction(title: strings["profit.palette"], detail: strings["profit.palette.detail"]) { ctx in
            ctx.push(ProfitabilityListScreen(services: ctx.services(store), strings: ctx.strings))
        }
    }

    nonisolated static func paletteMatches(_ query: String) -> Bool {
        ServiceOutcome.paletteMatches(query, ["rentabilidad", "margen de proyectos"])
    }
}

/// One project's figures full screen (from the list's Enter); Escape goes back.
@MainActor
final class ProfitabilityProjectScreen: Screen {
    let line: ProfitabilityLine
    private let strings: Strings

    init(line: ProfitabilityLine, strings: Strings) { self.line = line; self.strings = strings }

    var title: String { line.header.code }
    var bindings: [KeyBinding] { [KeyBinding([.escape], strings["profit.key.back"])] }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if case .key(.escape) = event { context.pop(); return .handled }
        return .ignored
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (top, body) = rect.splitTop(2)
        let h = line.header
        _ = canvas.text(" \(h.code) \(h.name) — \(h.customerName) · \(h.status.displayName) · \(h.manager)", x: top.x, y: top.y,
                        style: Style(.title, bold: true), maxWidth: top.width)
        ProfitabilityView.render(line, in: body, canvas: &canvas)
    }
}
