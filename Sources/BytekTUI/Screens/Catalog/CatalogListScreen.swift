import BytekModel
import BytekServices
import BytekStore

/// Catálogo: products, services and subscriptions of the three units, with search, filters by
/// unit (`u`) and kind (`k`), sorting, inactive toggle and a detail pane.
@MainActor
final class CatalogListScreen: Screen, RecordOpening {
    let services: Services
    var catalog: CatalogService { services.catalog }
    let drafts: DraftRepository
    private var query = CatalogQuery()
    private let pane: ListPane
    private let strings: Strings
    private var detail = DetailCache<CatalogItem>()

    init(services: Services, drafts: DraftRepository, strings: Strings) {
        self.services = services
        self.drafts = drafts
        self.strings = strings
        let table = Table(columns: CatalogListScreen.columns(strings), source: ArrayRowSource([]),
                          emptyMessage: strings["catalog.empty"])
        pane = ListPane(title: strings["module.catalog"], table: table)
        pane.onFilterChange = { [weak self] text in self?.apply { $0.search = text } }
        pane.onHeaderClick = { [weak self] column in
            let sorts: [Int: CatalogSort] = [0: .sku, 1: .name, 2: .price, 4: .unit]
            guard let sort = sorts[column] else { return }
            self?.apply { q in
                if q.sort == sort { q.ascending.toggle() } else { q.sort = sort; q.ascending = true }
            }
        }
        apply { _ in }
    }

    /// The most useful columns first: the table drops columns from the right when narrow.
    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["catalog.col.sku"], width: 15),
            TableColumn(s["catalog.col.name"], weight: 3, minWidth: 22),
            .amount(s["catalog.col.price"], width: 13),
            .words(s["catalog.col.per"], width: 9),
            TableColumn(s["catalog.col.unit"], width: 6),
            .words(s["catalog.col.kind"], width: 12),
            TableColumn(s["catalog.col.niche"], weight: 1, minWidth: 12),
        ]
    }

    static func per(_ item: CatalogItem, _ s: Strings) -> String {
        switch item.kind {
        case .product: return item.uom
        case .service: return item.rateBasis == .hour ? s["catalog.perHour"] : s["catalog.perUnit"]
        case .subscription: return item.period.map { s["catalog.period." + $0.rawValue] } ?? ""
        }
    }

    var title: String { strings["module.catalog"] }
    var capturesText: Bool { pane.filtering }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("/")], strings["key.search"], help: strings["catalog.help.search"]),
            KeyBinding([.char("n")], strings["key.new"], help: strings["catalog.action.new"]),
            KeyBinding([.enter, .char("e")], strings["key.edit"], help: strings["catalog.help.edit"]),
            KeyBinding([.char("u")], strings["catalog.col.unit"], help: strings["catalog.help.unit"]),
            KeyBinding([.char("k")], strings["catalog.col.kind"], help: strings["catalog.help.kind"]),
            KeyBinding([.char("a")], strings["catalog.toggleActive"], help: strings["catalog.help.active"]),
            KeyBinding([.char("o"), .char("O")], strings["key.sort"], help: strings["catalog.help.sort"], hint: false),
            KeyBinding([.char("t")], strings["catalog.showInactive"], help: strings["catalog.help.showInactive"], hint: false),
            KeyBinding([.char("I")], strings["import.key"], help: strings["import.help.catalog"], hint: false),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    var paletteActions: [PaletteAction] {
        [PaletteAction(title: strings["catalog.action.new"], detail: strings["module.catalog"]) { [weak self] ctx in
            ctx.switchTo(.catalog)
            self?.openForm(nil, ctx)
        }]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if pane.filtering { return pane.handle(event) ? .handled : .ignored }
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .char("n"): openForm(nil, context)
        case .char("e"), .enter: if let id = pane.table.selectedID { openForm(id, context) }
        case .char("u"):
            apply { q in
                let all: [BusinessUnit?] = [nil] + BusinessUnit.allCases.map { Optional($0) }
                q.unit = all[((all.firstIndex { $0 == q.unit } ?? 0) + 1) % all.count]
            }
        case .char("k"):
            apply { q in
                let all: [ItemKind?] = [nil] + ItemKind.allCases.map { Optional($0) }
                q.kind = all[((all.firstIndex { $0 == q.kind } ?? 0) + 1) % all.count]
            }
        case .char("t"): apply { $0.activeOnly.toggle() }
        case .char("I"):
            CSVImportFlow.start(strings: strings, context: context, run: { [catalog] in try catalog.importCSV($0, options: $1) }) {
                [weak self] in self?.reload(context: context)
            }
        case .char("a"): toggleActive(context)
        case .char("o"):
            apply { q in
                let all = CatalogSort.allCases
                q.sort = all[((all.firstIndex(of: q.sort) ?? 0) + 1) % all.count]
            }
        case .char("O"): apply { $0.ascending.toggle() }
        default: return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func openRecord(_ id: Int64?, context: AppContext) {
        if let id { _ = pane.table.select(id: id) }
        openForm(id, context)
    }

    func openForm(_ id: Int64?, _ context: AppContext) {
        guard context.require(.write, .catalog) else { return }
        let role = context.session.role
        if id == nil && !PermissionMatrix.canCreateCatalogItem(role) {
            context.error(strings.format("catalog.cannotCreate", role.displayName))
            return
        }
        var item: CatalogItem?
        if let id {
            do { item = try catalog.get(id) } catch { context.error(StoreErrorText.describe(error, strings)); return }
        }
        FormScreen.open(CatalogEditor(item: item, service: catalog, strings: strings, role: role),
                        drafts: drafts, strings: strings, context: context)
    }

    func toggleActive(_ context: AppContext) {
        guard context.require(.write, .catalog), let row = pane.table.selectedRow else { return }
        let inactive = row.role == .dim
        do {
            if inactive { _ = try catalog.activate(row.id) } else { _ = try catalog.deactivate(row.id) }
            context.ok(strings.format(inactive ? "catalog.activated" : "catalog.deactivated", row.cells[1]))
            pane.table.reload()
            detail.invalidate()
        } catch {
            context.error(ErrorText(strings).describe(error))
        }
    }

    private func apply(_ change: (inout CatalogQuery) -> Void) {
        change(&query)
        let s = strings
        let pager = (try? catalog.pager(query)) ?? services.catalog.emptyPager
        let source = PagerRowSource(pager: pager, id: { $0.id ?? 0 }) { item in
            ([item.sku, item.name, item.price.formatted, CatalogListScreen.per(item, s), item.unit.code,
              s["catalog.kind." + item.kind.rawValue], item.niche], item.active ? nil : .dim)
        }
        pane.table.setSource(source)
        pane.table.sortColumn = [.sku: 0, .name: 1, .price: 2, .unit: 4][query.sort]
        pane.table.sortDescending = !query.ascending
        var parts: [String] = []
        if let u = query.unit { parts.append(u.label) }
        if let k = query.kind { parts.append(s["catalog.kind." + k.rawValue]) }
        if !query.activeOnly { parts.append(s["catalog.withInactive"]) }
        pane.table.footerText = parts.joined(separator: " · ")
        detail.invalidate()
    }

    func reload(context: AppContext) {
        pane.table.reload()
        detail.invalidate()
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let role = context.session.role
        pane.render(&canvas, in: rect, strings: strings) { [self] c, r in renderDetail(&c, r, role: role) }
    }

    private func renderDetail(_ canvas: inout Canvas, _ rect: Rect, role: Role) {
        guard let i = detail.value(for: pane.table.selectedID, load: { try? catalog.get($0) }) else { return }
        let s = strings
        let costLine: [(label: String, value: String)] = catalog.seesCosts ? [(s["catalog.field.cost"], i.cost.formatted)] : []
        let head: [(label: String, value: String)] = [
            (s["catalog.col.name"], i.name),
            (s["catalog.field.description"], i.description),
            (s["catalog.col.unit"], i.unit.label),
            (s["catalog.col.niche"], i.niche),
            (s["catalog.col.kind"], s["catalog.kind." + i.kind.rawValue]),
            (s["catalog.col.price"], i.price.formatted + " " + CatalogListScreen.per(i, s)),
        ]
        let tail: [(label: String, value: String)] = [
            (s["catalog.field.tax"], i.taxCategory.displayName),
            (s["catalog.field.sunatUnit"], i.sunatUnit.rawValue + " " + i.sunatUnit.displayName),
            (s["catalog.field.serials"], i.tracksSerials ? s["word.yes"] : s["word.no"]),
            (s["customers.field.status"], i.active ? s["word.active"] : s["catalog.inactive"]),
        ]
        DetailPane(title: i.sku, lines: head + costLine + tail).render(&canvas, in: rect)
    }
}
