import Foundation

/// One option of a choice or multi-choice field: the value stored, and the text shown.
public struct FormOption: Sendable, Equatable {
    public var value: String
    public var label: String
    public init(_ value: String, _ label: String? = nil) { self.value = value; self.label = label ?? value }
}

/// One row of a `Form`: a labelled field of some kind with its state, or a section header.
/// Every field reads and writes its value as a string (`value`), so a whole form round-trips through
/// `Form.values` (drafts, validation). Build fields with the static constructors.
public struct FormField: Sendable {
    public enum Kind: Sendable, Equatable {
        /// One line of text.
        case text
        /// Free notes (one line that scrolls horizontally).
        case notes
        /// A number: only digits, sign and separators can be typed; the screen validates.
        case number
        /// An amount: like `number`; the screen parses it exactly (never as Double).
        case money
        /// One of the options, shown as "◀ valor ▶"; ←/→ or Space cycle.
        case choice([FormOption])
        /// "[x]" or "[ ]"; Space toggles. Value "1" or "0".
        case checkbox
        /// A set of options, "[x] U1  [ ] U2"; ←/→ move, Space toggles, 1…9 toggle the n-th.
        /// Value: the chosen values in option order, joined by ",".
        case multi([FormOption])
        /// A header grouping the fields below it ("Contactos"); not focusable, no value.
        case section
    }

    public var id: String
    public var label: String
    public var kind: Kind
    /// Marks the label with "*"; checking it is the screen's job.
    public var required: Bool
    /// A dim note beside the field when it has no error ("11 dígitos").
    public var hint: String?
    /// Width of a text field in cells; nil for up to 40 (or what is left).
    public var width: Int?
    /// Shown dim and skipped by focus.
    public var isReadOnly: Bool
    /// Set by the screen after validating; shown in `.error` beside or below the field.
    public var error: String?

    public var input: TextInput
    public var choiceIndex = 0
    public var checked = false
    public var chosen: Set<String> = []
    /// The option under the cursor of a multi-choice field.
    public var optionCursor = 0

    init(id: String, label: String, kind: Kind, required: Bool = false, hint: String? = nil, width: Int? = nil,
         value: String = "") {
        self.id = id; self.label = label; self.kind = kind; self.required = required; self.hint = hint
        self.width = width; isReadOnly = false
        input = TextInput()
        if kind == .number || kind == .money {
            input.allowed = { c in c.isASCII && (c.isNumber || c == "." || c == "," || c == "-") }
        }
        self.value = value
    }

    public static func text(_ id: String, _ label: String, value: String = "", required: Bool = false,
                            width: Int? = nil, maxLength: Int? = nil, hint: String? = nil) -> FormField {
        var f = FormField(id: id, label: label, kind: .text, required: required, hint: hint, width: width, value: value)
        f.input.maxLength = maxLength
        return f
    }

    /// A phone number: only digits, spaces, "+", "-" and parentheses can be typed ("+51 (01) 555-1234").
    public static func phone(_ id: String, _ label: String, value: String = "", width: Int? = 20) -> FormField {
        var f = FormField(id: id, label: label, kind: .text, width: width, value: value)
        f.input.allowed = FormField.isPhoneCharacter
        return f
    }

    @Sendable static func isPhoneCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isNumber || c == " " || c == "+" || c == "-" || c == "(" || c == ")")
    }

    public static func notes(_ id: String, _ label: String, value: String = "", width: Int? = nil) -> FormField {
        FormField(id: id, label: label, kind: .notes, width: width, value: value)
    }

    public static func number(_ id: String, _ label: String, value: String = "", required: Bool = false,
                              width: Int? = 12, hint: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .number, required: required, hint: hint, width: width, value: value)
    }

    public static func money(_ id: String, _ label: String, value: String = "", required: Bool = false,
                             width: Int? = 14, hint: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .money, required: required, hint: hint, width: width, value: value)
    }

    public static func choice(_ id: String, _ label: String, options: [FormOption], value: String? = nil,
                              required: Bool = false, hint: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .choice(options), required: required, hint: hint,
                  value: value ?? options.first?.value ?? "")
    }

    public static func checkbox(_ id: String, _ label: String, checked: Bool = false, hint: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .checkbox, hint: hint, value: checked ? "1" : "0")
    }

    public static func multi(_ id: String, _ label: String, options: [FormOption], value: String = "",
                             required: Bool = false, hint: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: .multi(options), required: required, hint: hint, value: value)
    }

    /// A section header; its id is "section." + title unless given.
    public static func section(_ title: String, id: String? = nil) -> FormField {
        FormField(id: id ?? "section." + title, label: title, kind: .section)
    }

    public var isSection: Bool { kind == .section }
    public var isFocusable: Bool { !isSection && !isReadOnly }
    /// Whether printable keys belong to the field (the app must not take `q`, `?`, digits…).
    public var takesText: Bool {
        switch kind {
        case .text, .notes, .number, .money, .multi: return true
        default: return false
        }
    }

    var options: [FormOption] {
        switch kind {
        case .choice(let o), .multi(let o): return o
        default: return []
        }
    }

    /// The field's value as a string (see `Kind` for each kind's format). Setting a choice to a
    /// value that is not among its options (by value or label) leaves it unchanged.
    public var value: String {
        get {
            switch kind {
            case .text, .notes, .number, .money: return input.text
            case .choice(let o): return o.indices.contains(choiceIndex) ? o[choiceIndex].value : ""
            case .checkbox: return checked ? "1" : "0"
            case .multi(let o): return o.filter { chosen.contains($0.value) }.map(\.value).joined(separator: ",")
            case .section: return ""
            }
        }
        set {
            switch kind {
            case .text, .notes, .number, .money:
                input.text = newValue
            case .choice(let o):
                if let i = o.firstIndex(where: { $0.value == newValue }) ?? o.firstIndex(where: { $0.label == newValue }) {
                    choiceIndex = i
                }
            case .checkbox:
                checked = ["1", "true", "si", "sí", "yes", "x"].contains(newValue.lowercased())
            case .multi(let o):
                let wanted = Set(newValue.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                chosen = Set(o.map(\.value).filter { wanted.contains($0) })
            case .section:
                break
            }
        }
    }
}
