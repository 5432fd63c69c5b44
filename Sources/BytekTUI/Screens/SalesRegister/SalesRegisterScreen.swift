import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Finanzas › Registro de ventas (SIRE RVIE): the last month's (or, while it has none, the current month's) documents with their totals per currency at the top
/// (the sum of the rows below), and the comparison with SUNAT's proposal (a path typed with `a`), its differences
/// listed by kind. `p` picks the period, `g` writes the replacement ZIP beside the database, `x` exports the CSV of
/// what is shown (documents or differences), `d` switches between the two lists. `c` opens the monthly close
/// (`PeriodCloseScreen`: "Cerrar mes" once the register is filed in SIRE).
@MainActor
final class SalesRegisterScreen: Screen {
    private let services: Services
    private let strings: Strings
    private(set) var period: YearMonth
    private(set) var view: SalesRegisterPeriodView?
    private(set) var comparison: RVIEComparison?
    private(set) var showingDifferences = false
    private(set) var headLines: [String] = []
    private(set) var headIsError = false
    private let documentsPane: ListPane
    private let differencesPane: ListPane

    init(services: Services, strings: Strings) {
        self.services = services
        self.strings = strings
        period = services.salesRegister.lastMonth
        let s = strings
        documentsPane = ListPane(title: s["sire.documents"], table: Table(columns: [
            TableColumn(s["sire.col.date"], width: 10),
            TableColumn(s["sire.col.type"], width: 4),
            TableColumn(s["sire.col.document"], width: 14),
            TableColumn(s["sire.col.customer"], weight: 1, minWidth: 12),
            TableColumn(s["sire.col.currency"], width: 4),
            TableColumn(s["sire.col.base"], width: 13, alignment: .right),
            TableColumn(s["sire.col.igv"], width: 12, alignment: .right),
            TableColumn(s["sire.col.total"], width: 13, alignment: .right),
            TableColumn(s["sire.col.status"], width: 10),
        ], source: ArrayRowSource([]), emptyMessage: s["sire.empty"]))
        differencesPane = ListPane(title: s["sire.differences"], table: Table(columns: [
            TableColumn(s["sire.col.kind"], width: 15),
            TableColumn(s["sire.col.document"], width: 16),
            TableColumn(s["sire.col.field"], width: 22),
            TableColumn(s["sire.col.ours"], weight: 1, minWidth: 12, alignment: .right),
            TableColumn(s["sire.col.sunat"], weight: 1, minWidth: 12, alignment: .right),
        ], source: ArrayRowSource([]), emptyMessage: s["sire.noDifferences"]))
        documentsPane.showsFilter = false
        differencesPane.showsFilter = false
        load()
        // A company in its first month (or the demo) has nothing last month: open the current one instead.
        let current = LocalDate(services.now(), in: ExchangeRateService.lima).yearMonth
        if view?.lines.isEmpty == true, let now = try? services.salesRegister.period(current), !now.lines.isEmpty {
            period = current
            load()
        }
    }

    var title: String { strings["module.salesRegister"] }

    var bindings: [KeyBinding] {
        var b = [
            KeyBinding([.char("p")], strings["sire.key.period"], help: strings["sire.help.period"]),
            KeyBinding([.char("a")], strings["sire.key.compare"], help: strings["sire.help.compare"]),
            KeyBinding([.char("g")], strings["sire.key.generate"], help: strings["sire.help.generate"]),
            KeyBinding([.char("x")], strings["sire.key.export"], help: strings["sire.help.export"]),
            KeyBinding([.char("c")], strings["periods.title"], help: strings["periods.palette.detail"]),
        ]
        if comparison != nil {
            b.append(KeyBinding([.char("d")], strings["sire.key.switch"], help: strings["sire.help.switch"]))
        }
        b.append(KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false))
        return b
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        switch key {
        case .char("p"): askPeriod(context)
        case .char("a"): askProposal(context)
        case .char("g"): generate(context)
        case .char("x"): export(context)
        case .char("c"): context.push(PeriodCloseScreen(services: services, strings: strings))
        case .char("d") where comparison != nil: showingDifferences.toggle()
        default: return (showingDifferences ? differencesPane : documentsPane).handle(event) ? .handled : .ignored
        }
        return .handled
    }

    /// Where `g` and `x` write: the folder of the database.
    var outputFolder: String { (services.store.path as NSString).deletingLastPathComponent }

    private func askPeriod(_ context: AppContext) {
        let s = strings
        context.present(ReasonDialog(.init(title: s["sire.period.title"], prompt: s["sire.period.prompt"],
                                           hint: s["sire.period.hint"], confirm: s["sire.key.period"], empty: s["sire.period.empty"]),
                                     maxLength: 7, strings: s) { [weak self] text in
            guard let self, let text else { return }
            do throws(SalesRegisterError) {
                self.period = try SalesRegisterPeriod.parse(text)
                self.comparison = nil
                self.showingDifferences = false
                self.load()
            } catch {
                context.error(Self.sentence(error.message))
            }
        })
    }

    private func askProposal(_ context: AppContext) {
        let s = strings
        context.present(ReasonDialog(.init(title: s["sire.compare.title"], prompt: s.format("sire.compare.prompt", period.description),
                                           hint: s["sire.compare.hint"], confirm: s["sire.key.compare"], empty: s["sire.compare.empty"]),
                                     maxLength: 400, strings: s) { [weak self] path in
            guard let self, let path else { return }
            do {
                let (view, comparison) = try self.services.salesRegister.compare(self.period, proposalPath: path)
                self.view = view
                self.comparison = comparison
                self.showingDifferences = true
                self.fill()
                if comparison.isClean {
                    context.ok(s.format("sire.compare.clean", String(comparison.matched)))
                } else {
                    context.info(s.format("sire.compare.done", String(comparison.differences.count)))
                }
            } catch {
                context.error(self.describe(error))
            }
        })
    }

    private func generate(_ context: AppContext) {
        do {
            let (view, path) = try services.salesRegister.generate(period, into: outputFolder)
            self.view = view
            fill()
            context.ok(strings.format("sire.generated", (path as NSString).lastPathComponent))
        } catch {
            context.error(describe(error))
        }
    }

    private func export(_ context: AppContext) {
        do {
            let name: String
            let bytes: [UInt8]
            if showingDifferences, let comparison {
                name = "sire-diferencias-\(period).csv"
                bytes = SalesRegisterCSV.differences(comparison)
            } else {
                let view = try services.salesRegister.period(period)
                name = "registro-ventas-\(period).csv"
                bytes = view.csv
            }
            let path = outputFolder + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            context.ok(strings.format("sire.exported", name))
        } catch {
            context.error(describe(error))
        }
    }

    private func describe(_ error: Error) -> String {
        switch error {
        case let e as ServiceError: return ErrorText(strings).service(e)
        case let e as SalesRegisterError: return Self.sentence(e.message)
        default: return ErrorText(strings).describe(error)
        }
    }

    static func sentence(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Reads the period again (the comparison, if any, is kept until the period changes).
    func load() {
        do {
            view = try services.salesRegister.period(period)
            headIsError = false
        } catch {
            view = nil
            headIsError = true
            headLines = [describe(error)]
        }
        fill()
    }

    func reload(context: AppContext) { load() }

    private func fill() {
        let s = strings
        guard let view else {
            documentsPane.table.setSource(ArrayRowSource([]))
            return
        }
        documentsPane.title = s.format("sire.documents.period", view.period.description)
        documentsPane.table.setSource(ArrayRowSource(view.lines.enumerated().map { i, l in
            TableRow(id: Int64(i), cells: [
                RVIELine.date(l.issueDate), l.type, l.documentID, l.customerName, l.currency.rawValue,
                l.amounts.taxable.formattedAmount, l.amounts.igv.formattedAmount, l.amounts.total.formattedAmount,
                view.statuses[l.key] ?? "",
            ], cursor: [], role: l.voided ? .dim : nil)
        }))
        var head = [s.format("sire.head", view.period.description, view.ruc)]
        head += view.totals.summaryLines
        if view.lines.isEmpty { head.append(s["sire.empty"]) }
        if let c = comparison {
            head.append(s.format("sire.compare.summary", String(c.sunatCount), String(c.oursCount), String(c.matched))
                        + (c.isClean ? s["sire.compare.cleanShort"]
                           : " · " + c.countsByKind.map { "\($0.kind.label) \($0.count)" }.joined(separator: " · ")))
            differencesPane.table.setSource(ArrayRowSource(c.differences.enumerated().map { i, d in
                TableRow(id: Int64(i), cells: [d.kind.label, d.documentID, d.field, d.ours, d.sunat], cursor: [])
            }))
        }
        headLines = head
        headIsError = false
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (top, body) = rect.splitTop(min(headLines.count + 1, max(1, rect.height / 2)))
        for (i, line) in headLines.enumerated() where i < top.height {
            canvas.text(" " + line, x: top.x, y: top.y + i, style: Style(headIsError ? .error : (i == 0 ? .accent : .normal), bold: i == 0),
                        maxWidth: top.width)
        }
        (showingDifferences ? differencesPane : documentsPane).render(&canvas, in: body, strings: strings)
    }
}
