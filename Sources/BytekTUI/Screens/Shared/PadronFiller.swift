import BytekModel
import BytekServices
import BytekStore

/// Fills a form's name and address fields from SUNAT's padrón when a valid RUC is left: razón social,
/// dirección and the department, province and district names of its ubigeo. A field is filled when it
/// (the status line names department, province and district together as "ubicación")
/// is empty or still holds what the padrón put there (the user has not typed in it since); the user can
/// change anything after. A RUC not ACTIVO or not HABIDO gets a warning that does not block saving. No
/// padrón, or a RUC not in it: a quiet note, nothing filled.
@MainActor
final class PadronFiller {
    /// The form's field ids for each part of the fill (a part whose field the form lacks is skipped).
    struct Fields {
        var legalName: String
        var address: String
        var department: String
        var province: String
        var district: String
    }

    let padron: PadronService?
    let fields: Fields
    private let s: Strings
    /// What the padrón last wrote, by field id: such a field may be filled again.
    private var written: [String: String] = [:]

    init(padron: PadronService?, fields: Fields, strings: Strings) {
        self.padron = padron
        self.fields = fields
        s = strings
    }

    /// Looks `ruc` up and fills `form`; the status-line note (nil when `ruc` is not a valid RUC: saving
    /// explains that).
    func fill(ruc raw: String, form: Form) -> StatusMessage? {
        let ruc = DocumentType.ruc.normalize(raw)
        guard DocumentType.ruc.isValid(ruc), let padron else { return nil }
        let entry: PadronEntry
        do {
            guard let reader = try padron.reader() else { return StatusMessage(text: s["padron.fill.none"], kind: .info) }
            guard let found = try reader.entry(ruc: ruc) else {
                return StatusMessage(text: s.format("padron.fill.notFound", ruc), kind: .info)
            }
            entry = found
        } catch {
            return StatusMessage(text: s["padron.fill.unreadable"], kind: .info)
        }
        let fill = entry.formFill
        let names = fill.ubigeo.flatMap { Ubigeo.lookup($0) }
        let parts: [(id: String, label: String, value: String)] = [
            (fields.legalName, s["padron.fill.legalName"], fill.razonSocial),
            (fields.address, s["padron.fill.address"], fill.direccion),
            (fields.department, s["padron.fill.place"], names?.department ?? ""),
            (fields.province, s["padron.fill.place"], names?.province ?? ""),
            (fields.district, s["padron.fill.place"], names?.district ?? ""),
        ]
        var filled: [String] = []
        var kept: [String] = []
        for part in parts where !part.value.isEmpty && form.field(part.id) != nil {
            let current = form.value(part.id) ?? ""
            let free = current.trimmingCharacters(in: .whitespaces).isEmpty || current == written[part.id]
            guard free else {
                if current != part.value && !kept.contains(part.label) { kept.append(part.label) }
                continue
            }
            if current != part.value && !filled.contains(part.label) { filled.append(part.label) }
            form.setValue(part.value, for: part.id)
            written[part.id] = part.value
        }
        var text: String
        if !filled.isEmpty {
            text = s.format("padron.fill.filled", filled.joined(separator: ", "))
        } else {
            text = s.format("padron.fill.nothing", entry.razonSocial)
        }
        if !kept.isEmpty { text += " · " + s.format("padron.fill.kept", kept.joined(separator: ", ")) }
        guard entry.isActiveAndHabido else {
            return StatusMessage(text: s.format("padron.fill.warning", entry.problems.joined(separator: " / ")) + " · " + text,
                                 kind: .error)
        }
        return StatusMessage(text: text, kind: filled.isEmpty ? .info : .ok)
    }
}
