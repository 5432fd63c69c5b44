import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Usuarios (Administración, admin only): every user with its role, state and last login; `n` adds
/// one, `e` changes its name or role, `a` disables or enables it. The store refuses an admin disabling
/// itself and leaving no active admin; every change is audited.
@MainActor
final class UsersScreen: Screen {
    let services: Services
    let drafts: DraftRepository
    private let pane: ListPane
    private let source = ArrayRowSource([])
    private var listings: [UserListing] = []
    private let strings: Strings
    private let formats: Formats
    /// Technicians' portal accounts by login (shown in the detail).
    private var portalAccounts: [String: PortalAccount] = [:]

    init(services: Services, drafts: DraftRepository, strings: Strings) {
        self.services = services
        self.drafts = drafts
        self.strings = strings
        formats = Formats(language: strings.language)
        let table = Table(columns: UsersScreen.columns(strings), source: source, emptyMessage: strings["users.empty"])
        pane = ListPane(title: strings["module.users"], table: table)
        pane.onFilterChange = { [weak self] _ in self?.refresh() }
        refresh()
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["users.col.login"], width: 14),
            TableColumn(s["users.col.name"], weight: 3, minWidth: 14),
            TableColumn(s["users.col.role"], width: 11),
            TableColumn(s["users.col.status"], width: 13),
            TableColumn(s["users.col.lastLogin"], width: 16),
        ]
    }

    /// Reads the users again and keeps those matching the filter (login, name or role; accents optional).
    func refresh() {
        listings = (try? services.users.listing()) ?? []
        portalAccounts = (try? services.portalAccounts.technicianAccounts()) ?? [:]
        let words = TextFold.fold(pane.filterText).split(separator: " ")
        source.rows = listings.filter { l in
            let text = TextFold.fold([l.user.login, l.user.name, l.user.role.displayName].joined(separator: " "))
            return words.allSatisfy { text.contains($0) }
        }.map { l in
            TableRow(id: l.id, cells: [l.user.login, l.user.name, l.user.role.displayName,
                                       strings[l.user.active ? "word.active" : "users.disabled"],
                                       l.lastLoginAt.map(formats.dateTime) ?? strings["users.never"]],
                     cursor: [], role: l.user.active ? nil : .dim)
        }
        pane.table.reload()
    }

    var title: String { strings["module.users"] }
    var capturesText: Bool { pane.filtering }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("/")], strings["key.search"], help: strings["users.help.search"]),
            KeyBinding([.char("n")], strings["key.new"], help: strings["users.help.new"]),
            KeyBinding([.enter, .char("e")], strings["key.edit"], help: strings["users.help.edit"]),
            KeyBinding([.char("a")], strings["users.toggle"], help: strings["users.help.toggle"]),
            KeyBinding([.char("k")], strings["users.sshKeys"], help: strings["users.help.sshKeys"]),
            KeyBinding([.char("r")], strings["users.portalReset"], help: strings["users.help.portalReset"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    var paletteActions: [PaletteAction] {
        [PaletteAction(title: strings["users.action.new"], detail: strings["module.users"]) { [weak self] ctx in
            ctx.switchTo(.users)
            self?.openForm(nil, ctx)
        }]
    }

    var selected: UserListing? {
        guard let id = pane.table.selectedID else { return nil }
        return listings.first { $0.id == id }
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if pane.filtering { return pane.handle(event) ? .handled : .ignored }
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .char("n"): openForm(nil, context)
        case .char("e"), .enter: if let l = selected { openForm(l.user, context) }
        case .char("a"): toggleActive(context)
        case .char("k"): openKeys(context)
        case .char("r"):
            if let l = selected {
                PortalDoor.resetTechnician(l.user, services: services, context: context) { [weak self] in self?.refresh() }
            }
        default: return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func openForm(_ user: User?, _ context: AppContext) {
        guard context.require(.write, .users) else { return }
        FormScreen.open(UserEditor(user: user, users: services.users, strings: strings),
                        drafts: drafts, strings: strings, context: context)
    }

    func openKeys(_ context: AppContext) {
        guard context.require(.write, .users), let l = selected else { return }
        do {
            _ = try services.sshKeys.filePath()
            context.push(SSHKeysScreen(login: l.user.login, keys: services.sshKeys, strings: strings))
        } catch {
            context.error(strings.format("users.keys.err", SSHKeyAccess.message(error) ?? StoreErrorText.describe(error, strings)))
        }
    }

    func toggleActive(_ context: AppContext) {
        guard context.require(.write, .users), let l = selected else { return }
        let user = l.user
        let question = strings.format(user.active ? "users.confirmDisable" : "users.confirmEnable", user.login)
        context.present(ConfirmDialog(message: question, danger: user.active) { [weak self] yes in
            guard let self, yes else { return }
            do {
                if user.active { try self.services.users.disable(user.login) } else { try self.services.users.enable(user.login) }
                context.ok(self.strings.format(user.active ? "users.disabledOk" : "users.enabledOk", user.login))
            } catch {
                context.error(StoreErrorText.describe(error, self.strings))
            }
            self.refresh()
        })
    }

    func reload(context: AppContext) { refresh() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        pane.render(&canvas, in: rect, strings: strings) { [self] c, r in renderDetail(&c, r) }
    }

    private func portalText(_ user: User) -> String {
        guard let account = portalAccounts[user.login] else { return strings["users.portal.none"] }
        guard account.passwordHash != nil else { return strings["users.portal.invited"] }
        return strings["users.portal.yes"] + (account.lastLoginAt.map { " · " + strings["users.portal.last"] + " " + String($0.prefix(10)) } ?? "")
    }

    private func renderDetail(_ canvas: inout Canvas, _ rect: Rect) {
        guard let l = selected else { return }
        let s = strings
        let modules = ModuleGroup.visible(for: l.user.role).map { g in
            s["group." + g.group.rawValue] + ": " + g.modules.map { s["module." + $0.rawValue] }.joined(separator: ", ")
        }
        DetailPane(
            title: l.user.name,
            lines: [
                (s["users.col.login"], l.user.login),
                (s["users.col.role"], l.user.role.displayName),
                (s["users.col.status"], s[l.user.active ? "word.active" : "users.disabled"]),
                (s["users.col.lastLogin"], l.lastLoginAt.map(formats.dateTime) ?? s["users.never"]),
            ] + (l.user.role == .tecnico || portalAccounts[l.user.login] != nil
                 ? [(s["users.col.portal"], portalText(l.user))] : []),
            sections: [(s["users.modules"], modules)]).render(&canvas, in: rect)
    }
}
