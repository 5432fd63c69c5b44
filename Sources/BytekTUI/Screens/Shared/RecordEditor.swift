/// What a `FormScreen` needs to edit one kind of record: its fields, and how to validate and
/// save their values. Each module provides one (customers, catalog, …).
@MainActor
protocol RecordEditor: AnyObject {
    /// The form's name for drafts ("customer").
    var formName: String { get }
    /// "new" for a record not yet saved, else its id: drafts are kept per record.
    var recordKey: String { get }
    var title: String { get }
    func makeFields() -> [FormField]
    /// Validates `values` and saves them in one transaction.
    func save(_ values: [String: String]) -> SaveOutcome
    /// A question to ask before `save` when saving does something that cannot be taken back (issuing a
    /// document to SUNAT); nil to save at once (also when the values do not validate, so `save` says why).
    func confirmation(_ values: [String: String]) -> String?
    /// Called when the user leaves the field `id` (Tab, Enter, a click on another field): the editor may
    /// fill other fields of `form` from it (the padrón from a RUC) and say so in the status line.
    func fieldLeft(_ id: String, form: Form) -> StatusMessage?
    /// Keys of this form beyond the shared ones, for the help and the hint line.
    var extraBindings: [KeyBinding] { get }
    /// A key pressed on the field `id` before the form takes it: the editor may act on it (open a picker
    /// that fills fields of `form`, then calls `changed` so the draft keeps them). True when it did.
    func fieldKey(_ key: Key, field id: String, form: Form, context: AppContext,
                  changed: @escaping @MainActor () -> Void) -> Bool
}

extension RecordEditor {
    func confirmation(_ values: [String: String]) -> String? { nil }
    func fieldLeft(_ id: String, form: Form) -> StatusMessage? { nil }
    var extraBindings: [KeyBinding] { [] }
    func fieldKey(_ key: Key, field id: String, form: Form, context: AppContext,
                  changed: @escaping @MainActor () -> Void) -> Bool { false }
}

enum SaveOutcome {
    /// Saved; the message goes to the status bar.
    case saved(String)
    /// Not saved: error text by field id.
    case invalid([String: String])
    /// Not saved: a general error (database, duplicate…), and optionally the field it concerns.
    case failed(String, field: String?)
}
