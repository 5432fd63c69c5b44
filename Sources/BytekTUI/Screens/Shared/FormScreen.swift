import BytekStore

/// A record form: fields from a `RecordEditor`, Ctrl-S to save, Esc to close (asking first when
/// something changed). Every change is written to a draft in the database as it is typed, so a
/// dropped SSH connection or a killed terminal loses nothing: the next time the user opens the
/// same form, the draft is offered back.
@MainActor
final class FormScreen: Screen {
    let editor: RecordEditor
    let drafts: DraftRepository
    let form: Form
    private let strings: Strings
    private var savedRevision: Int
    private var user = ""

    init(editor: RecordEditor, drafts: DraftRepository, strings: Strings) {
        self.editor = editor
        self.drafts = drafts
        self.strings = strings
        form = Form(fields: editor.makeFields())
        savedRevision = form.revision
    }

    var title: String { editor.title }
    var capturesText: Bool { form.capturesText }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.ctrl("s")], strings["key.save"], help: strings["form.help.save"]),
            KeyBinding([.escape], strings["key.cancel"], help: strings["form.help.cancel"]),
            KeyBinding([.tab, .backTab], strings["form.fields"], help: strings["form.help.fields"]),
            KeyBinding([.left, .right, .char(" ")], strings["form.option"], help: strings["form.help.options"], hint: false),
        ] + editor.extraBindings
    }

    /// Opens a form for `editor` over the current screen and offers its saved draft, if any.
    static func open(_ editor: RecordEditor, drafts: DraftRepository, strings: Strings, context: AppContext) {
        let form = FormScreen(editor: editor, drafts: drafts, strings: strings)
        context.push(form)
        form.offerDraft(context)
    }

    /// Offers the saved draft of this form, if there is one (called right after the form opens). A draft
    /// typed over an older version of the record is merged with the record as it is now (`DraftMerge`):
    /// the other user's changes are kept, and each field both changed is asked about. A draft that
    /// cannot be read is offered for deletion.
    func offerDraft(_ context: AppContext) {
        user = context.session.login
        let draft: FormDraft
        do {
            guard let found = try drafts.load(user: user, form: editor.formName, recordKey: editor.recordKey),
                  found.fields != form.values else { return }
            draft = found
        } catch {
            offerToDeleteUnreadableDraft(context)
            return
        }
        let when = context.formats.dateTime(draft.updatedAt)
        form.isFocused = false
        context.present(ConfirmDialog(message: strings.format("dialog.draftFound", when), yesByDefault: true) { [weak self] yes in
            guard let self else { return }
            self.form.isFocused = true
            if yes { self.restore(draft, context) } else { self.deleteDraft() }
        })
    }

    private func offerToDeleteUnreadableDraft(_ context: AppContext) {
        form.isFocused = false
        context.present(ConfirmDialog(message: strings["dialog.draftUnreadable"], yesByDefault: true, danger: true) { [weak self] yes in
            guard let self else { return }
            self.form.isFocused = true
            if yes { self.deleteDraft(); context.info(self.strings["form.draftDeleted"]) }
        })
    }

    private func restore(_ draft: FormDraft, _ context: AppContext) {
        let current = form.values
        guard let base = draft.base, base != current else {
            apply(draft.fields, context, note: strings["form.draftRestored"])
            return
        }
        let order = form.fields.filter { !$0.isSection }.map(\.id)
        let merge = DraftMerge(base: base, draft: draft.fields, current: current, order: order)
        let names = merge.changedSince.map(label).joined(separator: ", ")
        resolve(merge.conflicts[...], merged: merge.merged, draft: draft.fields, context: context,
                note: strings.format("form.draftMerged", names))
    }

    /// Asks about each field both users changed, one at a time, then shows the merged values.
    private func resolve(_ conflicts: ArraySlice<String>, merged: [String: String], draft: [String: String],
                         context: AppContext, note: String) {
        guard let id = conflicts.first else { apply(merged, context, note: note); return }
        let message = strings.format("dialog.draftConflict", label(id), shown(id, merged[id] ?? ""), shown(id, draft[id] ?? ""))
        form.isFocused = false
        context.present(ConfirmDialog(message: message, title: strings["dialog.draftConflictTitle"]) { [weak self] mine in
            guard let self else { return }
            self.form.isFocused = true
            var next = merged
            if mine { next[id] = draft[id] ?? "" }
            self.resolve(conflicts.dropFirst(), merged: next, draft: draft, context: context, note: note)
        })
    }

    private func apply(_ values: [String: String], _ context: AppContext, note: String) {
        form.values = values
        savedRevision = form.revision
        // Kept against the record as it is now, so a later restore does not ask again.
        try? drafts.save(user: user, form: editor.formName, recordKey: editor.recordKey, fields: form.values,
                         base: form.initialValues)
        context.info(note)
    }

    private func label(_ id: String) -> String { form.fields.first { $0.id == id }?.label ?? id }

    /// A value as the form shows it: an option's label, or the text quoted.
    private func shown(_ id: String, _ value: String) -> String {
        if let option = form.fields.first(where: { $0.id == id })?.options.first(where: { $0.value == value }) {
            return "«" + option.label + "»"
        }
        return "«" + value + "»"
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        user = context.session.login
        let before = form.focusedField
        switch event {
        case .key(.ctrl("s")):
            save(context)
        case .key(.escape):
            close(context)
        case .key(.enter):
            form.focusNext(wrap: false)
            left(before, context)
        case .key(let key) where before.map({ editor.fieldKey(key, field: $0, form: form, context: context,
                                                              changed: { [weak self] in self?.keepDraft(context) }) }) == true:
            break
        default:
            // An error stays beside its field until the next save attempt re-validates.
            guard form.handle(event) else {
                // A digit or letter on a field that takes no text (a choice, a checkbox) is a slip, not a
                // command: it never switches module or closes the form. Help and the palette still open.
                if case .key(.char(let c)) = event, c != "?" && c != ":" {
                    context.info(strings["form.noTextHere"])
                    return .handled
                }
                return .ignored
            }
            left(before, context)
        }
        keepDraft(context)
        return .handled
    }

    /// Tells the editor the user left a field (when the focus moved), and shows what it says.
    private func left(_ field: String?, _ context: AppContext) {
        guard let field, field != form.focusedField, let note = editor.fieldLeft(field, form: form) else { return }
        switch note.kind {
        case .info: context.info(note.text)
        case .ok: context.ok(note.text)
        case .error: context.error(note.text)
        }
    }

    /// Writes the draft when the values changed since it was last written.
    private func keepDraft(_ context: AppContext) {
        guard form.revision != savedRevision else { return }
        savedRevision = form.revision
        if form.isDirty {
            do {
                try drafts.save(user: user, form: editor.formName, recordKey: editor.recordKey, fields: form.values,
                                base: form.initialValues)
            } catch {
                context.error(strings["form.draftFailed"])
            }
        } else {
            deleteDraft()
        }
    }

    private func deleteDraft() {
        try? drafts.delete(user: user, form: editor.formName, recordKey: editor.recordKey)
    }

    private func save(_ context: AppContext) {
        form.clearErrors()
        guard let question = editor.confirmation(form.values) else { commit(context); return }
        form.isFocused = false
        context.present(ConfirmDialog(message: question, title: strings["form.confirmTitle"]) { [weak self] yes in
            guard let self else { return }
            self.form.isFocused = true
            if yes { self.commit(context) }
        })
    }

    private func commit(_ context: AppContext) {
        switch editor.save(form.values) {
        case .saved(let message):
            deleteDraft()
            form.markClean()
            context.ok(message)
            context.pop()
        case .invalid(let errors):
            for (id, message) in errors { form.setError(message, for: id) }
            _ = form.focusFirstError()
            context.error(strings.format("form.fixErrors", form.errorLabels.joined(separator: ", ")))
        case .failed(let message, let field):
            if let field { form.setError(message, for: field); form.focus(field) }
            context.error(message)
        }
    }

    private func close(_ context: AppContext) {
        guard form.isDirty else { deleteDraft(); context.pop(); return }
        form.isFocused = false
        context.present(ConfirmDialog(message: strings["dialog.discard"], danger: true) { [weak self] yes in
            guard let self else { return }
            self.form.isFocused = true
            if yes {
                self.deleteDraft()
                self.form.markClean()
                context.pop()
            }
        })
    }

    /// Closing by quitting the app keeps the draft (nothing typed is lost).
    func willClose(context: AppContext) -> Bool { true }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (head, body) = rect.splitTop(2)
        canvas.text(" " + editor.title + " ", x: head.x, y: head.y, style: Style(.title, bold: true))
        let note = form.isDirty ? strings["form.unsaved"] : ""
        canvas.text(note, x: head.maxX - SafeText.width(note) - 1, y: head.y, style: Style(.warning))
        canvas.hline(x: head.x, y: head.y + 1, width: head.width)
        form.render(&canvas, in: Rect(x: body.x + 1, y: body.y, width: body.width - 2, height: body.height))
    }
}
