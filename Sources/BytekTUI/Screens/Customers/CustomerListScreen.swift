import BytekModel
import BytekServices
import BytekStore

/// Clientes: the customer list with incremental search (FTS5, accents ignored), sorting,
/// archived toggle, and a detail pane. Opens the form to create or edit.
@MainActor
final class CustomerListScreen: Screen, RecordOpening {
    let services: Services
    var customers: CustomerService { services.customers }
    let drafts: DraftRepository
    private var query = CustomerQuery()
    private let pane: ListPane
    private var source: PagerRowSource<Customer>
    private var detail = DetailCache<Customer>()
    private let strings: Strings
    /// SUNAT's padrón, opened once for this screen (again on a reload, to see a newer import): a RUC not
    /// ACTIVO or not HABIDO is flagged in the detail.
    private lazy var padron = PadronFlags(services: services)

    init(services: Services, drafts: DraftRepository, strings: Strings) {
        self.services = services
        self.drafts = drafts
        self.strings = strings
        source = CustomerListScreen.makeSource(CustomerListScreen.listing(services, query).pager, strings)
        let table = Table(columns: CustomerListScreen.columns(strings), source: source,
                          emptyMessage: strings["customers.empty"])
        table.sortColumn = 1
        pane = ListPane(title: strings["module.customers"], table: table)
        pane.table.footerText = ""
        paneFilterHook()
    }

    private func paneFilterHook() {
        pane.onFilterChange = { [weak self] text in self?.applyQuery { $0.search = text } }
        pane.onHeaderClick = { [weak self] column in self?.sortBy(column: column) }
    }

    /// A click on a header sorts by that column; a second click reverses the order.
    func sortBy(column: Int) {
        let sorts: [Int: CustomerSort] = [0: .document, 1: .legalName, 2: .district]
        guard let sort = sorts[column] else { return }
        applyQuery { q in
            if q.sort == sort { q.ascending.toggle() } else { q.sort = sort; q.ascending = true }
        }
    }

    /// The most useful columns first: the table drops columns from the right when narrow.
    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["customers.col.document"], width: 15),
            TableColumn(s["customers.col.legalName"], weight: 3, minWidth: 24),
            TableColumn(s["customers.col.district"], weight: 1, minWidth: 12),
            TableColumn(s["customers.col.credit"], width: 9, alignment: .right),
            TableColumn(s["customers.col.tradeName"], weight: 2, minWidth: 14),
            TableColumn(s["customers.col.units"], width: 9),
        ]
    }

    /// The list as the service hands it out; an empty one when the role may not list customers (the
    /// module is hidden from such a role anyway).
    static func listing(_ services: Services, _ query: CustomerQuery) -> CustomerListing {
        (try? services.customers.listing(query)) ?? CustomerListing(pager: KeysetPager(
            db: services.db, from: "customer", where: "0", columns: ["id"], order: [SortKey("id")],
            decode: { _ in Customer(docType: .ruc, docNumber: "", legalName: "") }), order: .requested)
    }

    static func makeSource(_ pager: KeysetPager<Customer>, _ s: Strings) -> PagerRowSource<Customer> {
        PagerRowSource(pager: pager, id: { $0.id ?? 0 }) { c in
            let credit = c.creditDays > 0 ? s.format("customers.creditDays", String(c.creditDays)) : s["customers.cash"]
            return ([c.docType.shortName + " " + c.docNumber, c.legalName, c.district, credit, c.tradeName,
                     c.units.sorted().map(\.code).joined(separator: " ")],
                    c.archived ? .dim : nil)
        }
    }

    var title: String { strings["module.customers"] }
    var capturesText: Bool { pane.filtering }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("/")], strings["key.search"], help: strings["customers.help.search"]),
            KeyBinding([.char("n")], strings["key.new"], help: strings["customers.help.new"]),
            KeyBinding([.enter, .char("e")], strings["key.edit"], help: strings["customers.help.edit"]),
            KeyBinding([.char("a")], strings["key.archive"], help: strings["customers.help.archive"]),
            KeyBinding([.char("o"), .char("O")], strings["key.sort"], help: strings["customers.help.sort"]),
            KeyBinding([.char("P")], strings["portal.invite"], help: strings["customers.help.portal"], hint: false),
            KeyBinding([.char("M")], strings["msg.customers.key"], help: strings["msg.customers.help"], hint: false),
            KeyBinding([.char("I")], strings["import.key"], help: strings["import.help.customers"], hint: false),
            KeyBinding([.char("t")], strings["customers.archivedToggle"], help: strings["customers.help.archivedToggle"], hint: false),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    var paletteActions: [PaletteAction] {
        [PaletteAction(title: strings["customers.action.new"], detail: strings["module.customers"]) { [weak self] ctx in
            ctx.switchTo(.customers)
            self?.openForm(nil, ctx)
        }]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if pane.filtering { return pane.handle(event) ? .handled : .ignored }
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .char("n"): openForm(nil, context)
        case .char("e"), .enter:
            if let id = pane.table.selectedID { openForm(id, context) }
        case .char("a"): toggleArchive(context)
        case .char("P"):
            guard let id = pane.table.selectedID else { break }
            guard let customer = try? customers.get(id) else { context.error(strings["store.readFailed"]); break }
            PortalDoor.inviteContact(of: customer, db: services.db, context: context)
        case .char("M"):
            guard let id = pane.table.selectedID, let customer = try? customers.get(id) else { break }
            context.push(CustomerMessagesScreen(messages: services.messages, customerId: id, customerName: customer.legalName, strings: strings))
        case .char("I"):
            CSVImportFlow.start(strings: strings, context: context, run: { [customers] in try customers.importCSV($0, options: $1) }) {
                [weak self] in self?.reload(context: context)
            }
        case .char("o"): cycleSort()
        case .char("O"): applyQuery { $0.ascending.toggle() }
        case .char("t"):
            applyQuery { $0.includeArchived.toggle() }
            context.info(strings[query.includeArchived ? "customers.showingArchived" : "customers.hidingArchived"])
        default:
            return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func openRecord(_ id: Int64?, context: AppContext) {
        if let id { _ = pane.table.select(id: id) }
        openForm(id, context)
    }

    func openForm(_ id: Int64?, _ context: AppContext) {
        guard context.require(.write, .customers) else { return }
        var customer: Customer?
        if let id {
            do { customer = try customers.get(id) } catch { context.error(StoreErrorText.describe(error, strings)); return }
        }
        FormScreen.open(CustomerEditor(customer: customer, service: customers, padron: services.padron, strings: strings),
                        drafts: drafts, strings: strings, context: context)
    }

    func toggleArchive(_ context: AppContext) {
        guard context.require(.write, .customers), let row = pane.table.selectedRow else { return }
        let archived = row.role == .dim
        let name = row.cells[1]
        let question = strings.format(archived ? "customers.confirmRestore" : "customers.confirmArchive", name)
        context.present(ConfirmDialog(message: question, danger: !archived) { [weak self] yes in
            guard let self, yes else { return }
            do {
                if archived { _ = try self.customers.restore(row.id) } else { _ = try self.customers.archive(row.id) }
                context.ok(self.strings.format(archived ? "customers.restored" : "customers.archived", name))
                self.pane.table.reload()
            } catch {
                context.error(StoreErrorText.describe(error, self.strings))
            }
        })
    }

    func cycleSort() {
        let all = CustomerSort.allCases
        let next = all[((all.firstIndex(of: query.sort) ?? 0) + 1) % all.count]
        applyQuery { $0.sort = next; $0.ascending = next != .updated }
    }

    private func applyQuery(_ change: (inout CustomerQuery) -> Void) {
        change(&query)
        let listing = CustomerListScreen.listing(services, query)
        source = CustomerListScreen.makeSource(listing.pager, strings)
        pane.table.setSource(source)
        let requested: Int? = [.document: 0, .legalName: 1, .district: 2, .updated: nil][query.sort] ?? nil
        switch listing.order {
        case .requested, .nameStartsWith:
            pane.table.sortColumn = requested
            pane.table.sortDescending = !query.ascending
            pane.table.footerText = query.sort == .updated ? strings["customers.sortedByUpdate"] : ""
        case .documentNumber:
            pane.table.sortColumn = 0
            pane.table.sortDescending = false
            pane.table.footerText = strings["customers.manyByDocument"]
        case .newestFirst:
            pane.table.sortColumn = nil
            pane.table.footerText = strings["customers.manyNewestFirst"]
        }
        detail.invalidate()
    }

    func reload(context: AppContext) {
        pane.table.reload()
        detail.invalidate()
        padron = PadronFlags(services: services)
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        pane.render(&canvas, in: rect, strings: strings) { [self] c, r in renderDetail(&c, r) }
    }

    private func renderDetail(_ canvas: inout Canvas, _ rect: Rect) {
        guard let c = detail.value(for: pane.table.selectedID, load: { try? customers.get($0) }) else { return }
        let s = strings
        let flagged = c.docType == .ruc ? padron.flagged(ruc: c.docNumber) : nil
        let pane = DetailPane(
            title: c.displayName,
            lines: [
                (s["customers.col.document"], c.docType.displayName + " " + c.docNumber),
                (s["customers.detail.legalName"], c.legalName),
                (s["customers.field.address"], c.address),
                (s["customers.field.location"], [c.district, c.province, c.department].filter { !$0.isEmpty }.joined(separator: ", ")),
                (s["customers.field.email"], c.email),
                (s["customers.field.phone"], c.phone),
                (s["customers.col.units"], c.units.sorted().map(\.label).joined(separator: ", ")),
                (s["customers.field.credit"], c.creditDays > 0
                    ? s.format("customers.creditDays", String(c.creditDays)) + " · " + c.creditLimit.formatted
                    : s["customers.cash"]),
                (s["customers.field.status"], c.archived ? s["word.archived"] : s["word.active"]),
                (s["customers.field.notes"], c.notes),
            ],
            sections: c.contacts.isEmpty ? [] : [(s["customers.contacts"], c.contacts.map { ct in
                [ct.name, ct.role, ct.phone, ct.email].filter { !$0.isEmpty }.joined(separator: " · ")
            })],
            warning: flagged.map { (s["padron.flag.label"], PadronFlags.state($0)) })
        pane.render(&canvas, in: rect)
    }
}
