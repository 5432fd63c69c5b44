import BytekModel
import Foundation

// The new-project form's pickers: customer (the customers' search), template (the active ones, with their
// steps and working days) and manager (the active users), each a `QuotePicker` as the quote builder uses.
extension NewProjectEditor {
    /// A letter typed on a picked field opens its picker searching for it; Ctrl-G opens it empty;
    /// Backspace or Delete clears the field.
    func fieldKey(_ key: Key, field id: String, form: Form, context: AppContext,
                  changed: @escaping @MainActor () -> Void) -> Bool {
        guard NewProjectEditor.pickedFields.contains(id) else { return false }
        let query: String
        switch key {
        case .char(let c): query = String(c)
        case .ctrl("g"): query = ""
        case .backspace, .delete:
            form.setValue("", for: id)
            if id == "template" { setSchedule([], form) }
            changed()
            return true
        default: return false
        }
        guard let picker = picker(for: id, query: query, form: form, context: context, changed: changed) else { return true }
        context.present(picker)
        return true
    }

    private func picker(for id: String, query: String, form: Form, context: AppContext,
                        changed: @escaping @MainActor () -> Void) -> QuotePicker? {
        let s = strings, desk = self.desk
        switch id {
        case "customer":
            do { _ = try desk.customerChoices(search: "") } catch { context.error(desk.describe(error)); return nil }
            return QuotePicker(title: s["proj.form.pickCustomer"], strings: s, query: query, search: { text in
                (try? desk.customerChoices(search: text)) ?? []
            }) { [weak form] entry in
                guard let form else { return }
                let document = entry.detail.split(separator: " ").last.map(String.init) ?? ""
                form.setValue(document + " · " + entry.title, for: "customer")
                changed()
                context.ok(s.format("proj.form.customerPicked", entry.title))
            }
        case "template":
            let templates: [TemplateChoice]
            do { templates = try desk.templateChoices() } catch { context.error(desk.describe(error)); return nil }
            let entry: (TemplateChoice) -> PickerEntry = { t in
                PickerEntry(id: t.id, title: t.name, detail: s.format("proj.form.templateDetail", t.unit.rawValue, String(t.steps),
                                                                       String(t.workingDays)))
            }
            return QuotePicker(title: s["proj.form.pickTemplate"], strings: s, query: query, search: { q in
                if q.allSatisfy(\.isWhitespace) { return templates.map(entry) }
                return FuzzyMatcher.rank(q, templates, key: { $0.name + " " + $0.unit.rawValue }).map { entry($0.item) }
            }) { [weak self, weak form] picked in
                guard let self, let form, let t = templates.first(where: { $0.id == picked.id }) else { return }
                form.setValue(t.name, for: "template")
                form.setValue(t.unit.rawValue, for: "unit")
                form.setValue(ProjectKind.kanban.rawValue, for: "kind")
                let note = self.showSchedule(form)
                changed()
                if let note { context.info(note.text) }
            }
        case "contract":
            guard let document = NewProjectEditor.document(form.value("customer") ?? "") else {
                context.error(s["proj.err.contractCustomer"])
                return nil
            }
            let contracts: [PickerEntry]
            do { contracts = try desk.contractChoices(customerDocument: document) } catch { context.error(desk.describe(error)); return nil }
            return titlePicker(s["proj.form.pickContract"], contracts, query: query, field: "contract", form: form, changed: changed)
        default:
            let users: [(login: String, name: String)]
            do { users = try desk.managerChoices() } catch { context.error(desk.describe(error)); return nil }
            let entries = users.enumerated().map { PickerEntry(id: Int64($0.offset), title: $0.element.login, detail: $0.element.name) }
            return titlePicker(s["proj.form.pickManager"], entries, query: query, field: "manager", form: form, changed: changed)
        }
    }

    /// A picker over fixed `entries` (fuzzy over title and detail) whose pick writes its title in `field`.
    private func titlePicker(_ title: String, _ entries: [PickerEntry], query: String, field: String, form: Form,
                             changed: @escaping @MainActor () -> Void) -> QuotePicker {
        QuotePicker(title: title, strings: strings, query: query, search: { q in
            if q.allSatisfy(\.isWhitespace) { return entries }
            return FuzzyMatcher.rank(q, entries, key: { $0.title + " " + $0.detail }).map(\.item)
        }) { [weak form] picked in
            guard let form else { return }
            form.setValue(picked.title, for: field)
            changed()
        }
    }

    /// Wraps `parts` (joined by " · ") into the read-only due-date lines; what does not fit goes on the last one.
    func setSchedule(_ parts: [String], _ form: Form) {
        var lines = [""]
        for part in parts {
            let next = lines[lines.count - 1].isEmpty ? part : lines[lines.count - 1] + " · " + part
            if SafeText.width(next) <= NewProjectEditor.scheduleWidth || lines[lines.count - 1].isEmpty {
                lines[lines.count - 1] = next
            } else {
                lines.append(part)
            }
        }
        let ids = NewProjectEditor.scheduleFields
        if lines.count > ids.count { lines = Array(lines.prefix(ids.count - 1)) + [lines[(ids.count - 1)...].joined(separator: " · ")] }
        for (i, id) in ids.enumerated() { form.setValue(i < lines.count ? lines[i] : "", for: id) }
    }

    /// Writes the due dates the chosen template gives (counted back from the promised date over the
    /// holiday table) in the read-only "Vencimientos" field, and returns them whole for the status line.
    @discardableResult
    func showSchedule(_ form: Form) -> StatusMessage? {
        let name = (form.value("template") ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let promised = ReceivablesText.parseDate(form.value("promised") ?? "") else {
            setSchedule([], form)
            return nil
        }
        do {
            guard let t = try desk.templateChoices().first(where: { TextFold.fold($0.name) == TextFold.fold(name) }) else {
                setSchedule([], form)
                return StatusMessage(text: strings.format("proj.form.noTemplate", name), kind: .error)
            }
            let schedule = try desk.schedule(templateId: t.id, promised: promised)
            let start = schedule.start.map(ProjectsText.date) ?? "", due = schedule.due.map(ProjectsText.date) ?? ""
            setSchedule([strings.format("proj.form.scheduleStart", start)]
                        + schedule.entries.map { $0.step.name + " " + ProjectsText.shortDate($0.due) }, form)
            let typedStart = ReceivablesText.parseDate(form.value("start") ?? "")
            if let s = schedule.start, let typedStart, s < typedStart {
                let warning = strings.format("proj.form.startsEarlier", start)
                form.setError(warning, for: "start")
                return StatusMessage(text: warning, kind: .error)
            }
            form.setError(nil, for: "start")
            return StatusMessage(text: strings.format("proj.form.scheduleNote", t.name, start, due), kind: .info)
        } catch {
            setSchedule([], form)
            return StatusMessage(text: desk.describe(error), kind: .error)
        }
    }
}
