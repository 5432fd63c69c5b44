import BytekModel
import BytekServices
import BytekStore

/// Claves SSH of one user (from Usuarios, `k`): type, fingerprint, comment, added at/by. `n` pastes a
/// public key line, `d` removes the selected key (asks first); both rewrite the managed block of
/// authorized_keys through the SSH keys' service, exactly as `bytek ssh-keys add|remove` does.
@MainActor
final class SSHKeysScreen: Screen {
    let login: String
    private let keys: SSHKeyService
    private let pane: ListPane
    private let source = ArrayRowSource([])
    private var rows: [SSHKeyRecord] = []
    private let strings: Strings
    private let formats: Formats

    init(login: String, keys: SSHKeyService, strings: Strings) {
        self.login = login
        self.keys = keys
        self.strings = strings
        formats = Formats(language: strings.language)
        let s = strings
        let table = Table(columns: [
            TableColumn(s["sshkeys.col.type"], width: 20),
            TableColumn(s["sshkeys.col.fingerprint"], weight: 3, minWidth: 20),
            TableColumn(s["sshkeys.col.comment"], weight: 2, minWidth: 10),
            TableColumn(s["sshkeys.col.added"], width: 26),
        ], source: source, emptyMessage: s["sshkeys.empty"])
        pane = ListPane(title: s.format("sshkeys.title", login), table: table)
        pane.showsFilter = false
        refresh()
    }

    func refresh() {
        rows = (try? keys.keys(of: login)) ?? []
        source.rows = rows.map { k in
            TableRow(id: k.id, cells: [k.type, k.fingerprint, SSHPublicKey.printable(k.comment),
                                       formats.dateTime(k.addedAt) + " " + k.addedBy], cursor: [])
        }
        pane.table.reload()
    }

    var title: String { strings.format("sshkeys.title", login) }
    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("n")], strings["key.new"], help: strings["sshkeys.help.add"]),
            KeyBinding([.char("d")], strings["sshkeys.remove"], help: strings["sshkeys.help.remove"]),
            KeyBinding([.escape], strings["app.back"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .escape: context.pop()
        case .char("n"): askKey(context)
        case .char("d"): confirmRemove(context)
        default: return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    private func askKey(_ context: AppContext) {
        guard context.require(.write, .users) else { return }
        let s = strings
        let texts = ReasonDialog.Texts(title: s.format("sshkeys.add.title", login), prompt: s["sshkeys.add.prompt"],
                                       hint: s["sshkeys.add.hint"], confirm: s["sshkeys.add.confirm"], empty: s["sshkeys.add.empty"])
        context.present(ReasonDialog(texts, maxLength: SSHPublicKey.maximumFileSize, strings: s) { [weak self] line in
            guard let self, let line else { return }
            do {
                let record = try self.keys.add(keyFileText: line, login: self.login).record
                context.ok(s.format("sshkeys.added", record.fingerprint, self.login))
            } catch UserRepositoryError.inactive(let login) {
                context.error(s.format("sshkeys.err.inactive", login))
            } catch {
                context.error(SSHKeyAccess.message(error) ?? StoreErrorText.describe(error, s))
            }
            self.refresh()
        })
    }

    private func confirmRemove(_ context: AppContext) {
        guard context.require(.write, .users), let id = pane.table.selectedID,
              let key = rows.first(where: { $0.id == id }) else { return }
        context.present(ConfirmDialog(message: strings.format("sshkeys.confirmRemove", key.fingerprint, login), danger: true) {
            [weak self] yes in
            guard let self, yes else { return }
            do {
                let record = try self.keys.remove(key.id)
                context.ok(self.strings.format("sshkeys.removed", record.fingerprint, self.login))
            } catch {
                context.error(SSHKeyAccess.message(error) ?? StoreErrorText.describe(error, self.strings))
            }
            self.refresh()
        })
    }

    func reload(context: AppContext) { refresh() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        pane.render(&canvas, in: rect, strings: strings)
    }
}
