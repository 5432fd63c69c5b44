import BytekModel
import BytekStore
import Foundation

/// The form of a project created by hand: name, customer (picked from the customers' search), unit, kind
/// (kanban or por hitos), template (picked from the active ones, its due dates shown before saving),
/// manager (picked from the active users), start and promised dates (dd/mm/aaaa), and what was sold.
/// The pickers are `QuotePicker`s: typing on the customer, template or manager field opens its picker with
/// what was typed (Ctrl-G opens it empty), Backspace clears the field. Saving is one call of the service.
@MainActor
final class NewProjectEditor: RecordEditor {
    let desk: ProjectsDesk
    let strings: Strings
    let manager: String
    var onSaved: (Int64) -> Void = { _ in }

    init(desk: ProjectsDesk, strings: Strings, manager: String) {
        self.desk = desk; self.strings = strings; self.manager = manager
    }

    var formName: String { "project" }
    var recordKey: String { "new" }
    var title: String { strings["proj.new.title"] }

    /// The read-only lines the template's due dates are wrapped into, and their width (fits 80 columns).
    static let scheduleFields = ["schedule", "schedule2", "schedule3"]
    static let scheduleWidth = 58

    /// The fields whose value is chosen in a picker.
    static let pickedFields = ["customer", "template", "manager", "contract"]

    func makeFields() -> [FormField] {
        let today = desk.today
        let schedule = NewProjectEditor.scheduleFields.enumerated().map { i, id in
            var f = FormField.text(id, i == 0 ? strings["proj.form.schedule"] : "", width: NewProjectEditor.scheduleWidth)
            f.isReadOnly = true
            return f
        }
        return [
            .text("name", strings["proj.col.name"], required: true, width: 40, maxLength: ProjectLimits.maxName),
            .text("customer", strings["proj.new.customer"], required: true, width: 42, hint: strings["proj.new.customerHint"]),
            .choice("unit", strings["proj.col.unit"], options: BusinessUnit.allCases.map { FormOption($0.rawValue, $0.label) }),
            .choice("kind", strings["proj.form.kind"], options: ProjectKind.allCases.map { FormOption($0.rawValue, $0.displayName) }),
            .text("template", strings["proj.new.template"], width: 30, hint: strings["proj.new.templateHint"]),
            .text("manager", strings["proj.col.manager"], value: manager, required: true, width: 20, hint: strings["proj.form.managerHint"]),
            .text("start", strings["proj.new.start"], value: ProjectsText.date(today), required: true, width: 12, maxLength: 10),
            .text("promised", strings["proj.col.promised"], value: ProjectsText.date(today.adding(days: 7)), required: true,
                  width: 12, maxLength: 10),
        ] + schedule + [
            .choice("currency", strings["proj.form.currency"], options: Currency.allCases.map { FormOption($0.rawValue, $0.rawValue) }),
            .money("sold", strings["proj.form.sold"], width: 24, hint: strings["proj.form.soldHint"]),
            .text("contract", strings["proj.form.contract"], width: 20, hint: strings["proj.form.contractHint"]),
        ]
    }

    var extraBindings: [KeyBinding] {
        [KeyBinding([.ctrl("g")], strings["proj.form.key.pick"], help: strings["proj.form.help.pick"])]
    }

    /// The customer's document in the field's "20100047218 · Razón social" (or a bare number typed).
    static func document(_ value: String) -> String? {
        let first = value.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        guard first.allSatisfy(\.isNumber), first.count == 8 || first.count == 11 else { return nil }
        return first
    }

    func save(_ values: [String: String]) -> SaveOutcome {
        var errors: [String: String] = [:]
        func text(_ id: String) -> String { (values[id] ?? "").trimmingCharacters(in: .whitespaces) }
        let name = text("name"), customer = text("customer"), manager = text("manager"), template = text("template")
        if name.isEmpty { errors["name"] = strings["form.required"] }
        if customer.isEmpty { errors["customer"] = strings["proj.err.customerRequired"] }
        else if NewProjectEditor.document(customer) == nil { errors["customer"] = strings["proj.err.customer"] }
        if manager.isEmpty { errors["manager"] = strings["form.required"] }
        let start = ReceivablesText.parseDate(text("start")), promised = ReceivablesText.parseDate(text("promised"))
        if start == nil { errors["start"] = strings.format("proj.err.dateField", strings["proj.new.start"]) }
        if promised == nil { errors["promised"] = strings.format("proj.err.dateField", strings["proj.col.promised"]) }
        if let start, let promised, promised < start { errors["promised"] = strings["proj.err.promisedBeforeStart"] }
        let unit = BusinessUnit(rawValue: text("unit")) ?? .digital
        let kind = ProjectKind(rawValue: text("kind")) ?? .kanban
        if !template.isEmpty && kind != .kanban { errors["template"] = strings["proj.err.templateKind"] }
        let currency = Currency(rawValue: text("currency")) ?? .pen
        var sold = Money.zero(currency)
        if !text("sold").isEmpty {
            switch ReceivablesText.amount(text("sold"), currency, strings: strings) {
            case .success(let m): sold = m
            case .failure(let e): errors["sold"] = strings["proj.form.sold"] + ": " + e.message
            }
        }
        guard errors.isEmpty, let start, let promised, let document = NewProjectEditor.document(customer) else { return .invalid(errors) }
        do {
            let p = try desk.createProject(NewProjectInput(name: name, customerDocument: document, unit: unit, kind: kind, manager: manager,
                                                           startDate: start, promisedDate: promised, template: template, sold: sold,
                                                           contract: text("contract")))
            onSaved(p.id)
            return .saved(strings.format("proj.created", p.code, p.name))
        } catch {
            return .failed(desk.describe(error), field: nil)
        }
    }

    /// Leaving the template or the promised date shows the due dates again.
    func fieldLeft(_ id: String, form: Form) -> StatusMessage? {
        guard id == "template" || id == "promised" else { return nil }
        return showSchedule(form)
    }
}
