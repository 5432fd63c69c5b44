import BytekModel
import BytekServices
import BytekStore

/// The customer form: identity, location, commercial terms and contacts. Turns field values into
/// a `Customer`, validates it with the model's rules and saves it through the customers' service.
@MainActor
final class CustomerEditor: RecordEditor {
    let original: Customer?
    let service: CustomerService
    private let s: Strings
    private let padron: PadronFiller
    static let contactSlots = 3

    init(customer: Customer?, service: CustomerService, padron: PadronService? = nil, strings: Strings) {
        original = customer
        self.service = service
        s = strings
        self.padron = PadronFiller(padron: padron, fields: .init(legalName: "legalName", address: "address",
                                   department: "department", province: "province", district: "district"), strings: strings)
    }

    /// Leaving the number of a RUC fills the name and address from SUNAT's padrón.
    func fieldLeft(_ id: String, form: Form) -> StatusMessage? {
        guard id == "docNumber", form.value("docType") == DocumentType.ruc.rawValue else { return nil }
        return padron.fill(ruc: form.value("docNumber") ?? "", form: form)
    }

    /// The address's place fields: Ctrl-G on any of them opens the ubigeo picker.
    static let placeFields = ["department", "province", "district"]

    var extraBindings: [KeyBinding] {
        [KeyBinding([.ctrl("g")], s["customers.key.ubigeo"], help: s["customers.form.help.ubigeo"])]
    }

    /// Ctrl-G on departamento, provincia or distrito opens the ubigeo picker (on the current district
    /// when the three names are a place of the ubigeo); picking fills the three fields.
    func fieldKey(_ key: Key, field id: String, form: Form, context: AppContext,
                  changed: @escaping @MainActor () -> Void) -> Bool {
        guard key == .ctrl("g"), CustomerEditor.placeFields.contains(id) else { return false }
        let current = CustomerEditor.ubigeoCode(department: form.value("department") ?? "",
                                                province: form.value("province") ?? "", district: form.value("district") ?? "")
        let s = self.s
        context.present(UbigeoPicker(initialCode: current, strings: s) { [weak form] names in
            guard let names, let form else { return }
            form.setValue(names.department, for: "department")
            form.setValue(names.province, for: "province")
            form.setValue(names.district, for: "district")
            changed()
            context.ok(s.format("customers.ubigeo.picked", names.line))
        })
        return true
    }

    /// The district code of a department, province and district given by name (accents and case
    /// folded), or nil when they are not one place of the ubigeo.
    static func ubigeoCode(department: String, province: String, district: String) -> String? {
        func key(_ text: String) -> String { TextFold.fold(text.trimmingCharacters(in: .whitespaces)) }
        guard let d = Ubigeo.departments.first(where: { key($0.name) == key(department) }),
              let p = Ubigeo.provinces(of: d.code).first(where: { key($0.name) == key(province) }),
              let x = Ubigeo.districts(of: p.code).first(where: { key($0.name) == key(district) }) else { return nil }
        return x.code
    }

    var formName: String { "customer" }
    var recordKey: String { original?.id.map(String.init) ?? DraftRepository.newRecord }
    var title: String {
        original.map { s["customers.form.edit"] + ": " + $0.legalName } ?? s["customers.form.new"]
    }

    var slots: Int { max(CustomerEditor.contactSlots, (original?.contacts.count ?? 0) + 1) }

    func makeFields() -> [FormField] {
        let c = original
        var fields: [FormField] = [
            .section(s["customers.section.identity"]),
            .choice("docType", s["customers.field.docType"],
                    options: DocumentType.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: c?.docType.rawValue, required: true),
            .text("docNumber", s["customers.field.docNumber"], value: c?.docNumber ?? "", required: true, width: 14,
                  maxLength: 12, hint: s["customers.hint.docNumber"]),
            .text("legalName", s["customers.field.legalName"], value: c?.legalName ?? "", required: true, width: 50, maxLength: 200),
            .text("tradeName", s["customers.field.tradeName"], value: c?.tradeName ?? "", width: 50, maxLength: 200),
            .section(s["customers.section.location"]),
            .text("address", s["customers.field.address"], value: c?.address ?? "", width: 60),
            .text("department", s["customers.field.department"], value: c?.department ?? "", width: 24),
            .text("province", s["customers.field.province"], value: c?.province ?? "", width: 24),
            .text("district", s["customers.field.district"], value: c?.district ?? "", width: 24),
            .text("email", s["customers.field.email"], value: c?.email ?? "", width: 40),
            .phone("phone", s["customers.field.phone"], value: c?.phone ?? ""),
            .section(s["customers.section.commercial"]),
            .multi("units", s["customers.field.units"], options: BusinessUnit.allCases.map { FormOption($0.rawValue, $0.label) },
                   value: c.map { $0.units.sorted().map(\.rawValue).joined(separator: ",") } ?? ""),
            .number("creditDays", s["customers.field.creditDays"], value: String(c?.creditDays ?? 0), width: 6,
                    hint: s["customers.hint.creditDays"]),
            .choice("creditCurrency", s["customers.field.creditCurrency"],
                    options: Currency.allCases.map { FormOption($0.rawValue, $0.symbol + " " + $0.rawValue) },
                    value: c?.creditLimit.currency.rawValue),
            .money("creditLimit", s["customers.field.creditLimit"], value: c?.creditLimit.plainAmount ?? "0.00"),
            .checkbox("retentionAgent", s["customers.field.retentionAgent"], checked: c?.retentionAgent ?? false,
                      hint: s["customers.hint.retentionAgent"]),
            .notes("notes", s["customers.field.notes"], value: c?.notes ?? "", width: 60),
        ]
        for i in 0..<slots {
            let ct = c?.contacts.indices.contains(i) == true ? c?.contacts[i] : nil
            fields += [
                .section(s.format("customers.section.contact", String(i + 1))),
                .text("c\(i).name", s["customers.field.contactName"], value: ct?.name ?? "", width: 40),
                .text("c\(i).role", s["customers.field.contactRole"], value: ct?.role ?? "", width: 30),
                .text("c\(i).email", s["customers.field.contactEmail"], value: ct?.email ?? "", width: 40),
                .phone("c\(i).phone", s["customers.field.contactPhone"], value: ct?.phone ?? ""),
                .phone("c\(i).whatsapp", s["customers.field.contactWhatsapp"], value: ct?.whatsapp ?? ""),
            ]
        }
        return fields
    }

    func save(_ v: [String: String]) -> SaveOutcome {
        var errors: [String: String] = [:]
        let docType = DocumentType(rawValue: v["docType"] ?? "") ?? .ruc
        let currency = Currency(rawValue: v["creditCurrency"] ?? "") ?? .pen
        let daysText = (v["creditDays"] ?? "").trimmingCharacters(in: .whitespaces)
        let days = daysText.isEmpty ? 0 : Int(daysText)
        if days == nil { errors["creditDays"] = s["customers.err.creditDays"] }
        var limit = Money.zero(currency)
        let limitText = (v["creditLimit"] ?? "").trimmingCharacters(in: .whitespaces)
        if !limitText.isEmpty {
            do { limit = try Money.parse(limitText, currency: currency) } catch { errors["creditLimit"] = ErrorText(s).money(error) }
        }
        var customer = original ?? Customer(docType: docType, docNumber: "", legalName: "")
        customer.docType = docType
        customer.docNumber = v["docNumber"] ?? ""
        customer.legalName = v["legalName"] ?? ""
        customer.tradeName = v["tradeName"] ?? ""
        customer.address = v["address"] ?? ""
        customer.department = v["department"] ?? ""
        customer.province = v["province"] ?? ""
        customer.district = v["district"] ?? ""
        customer.email = v["email"] ?? ""
        customer.phone = v["phone"] ?? ""
        customer.units = Set((v["units"] ?? "").split(separator: ",").compactMap { BusinessUnit(rawValue: String($0)) })
        customer.creditDays = days ?? 0
        customer.creditLimit = limit
        customer.notes = v["notes"] ?? ""
        customer.retentionAgent = v["retentionAgent"] == "1"
        // Contacts keep their slot index so that an error points at the right field.
        let slotted = (0..<slots).map { i in
            Contact(name: v["c\(i).name"] ?? "", role: v["c\(i).role"] ?? "", email: v["c\(i).email"] ?? "",
                    phone: v["c\(i).phone"] ?? "", whatsapp: v["c\(i).whatsapp"] ?? "")
        }
        customer.contacts = slotted
        var normalized = customer.normalized()
        normalized.contacts = slotted.map { $0.normalized() }
        let text = ErrorText(s)
        for (field, error) in normalized.validate() {
            errors[CustomerEditor.fieldID(field)] = text.customer(error, docType: docType)
        }
        guard errors.isEmpty else { return .invalid(errors) }
        normalized.contacts = slotted.filter { !$0.isBlank }.map { $0.normalized() }
        do {
            let saved = original == nil ? try service.create(normalized) : try service.update(normalized)
            return .saved(s.format("customers.saved", saved.legalName))
        } catch CustomerRepositoryError.invalid(let errs) {
            return .invalid(Dictionary(uniqueKeysWithValues: errs.map { (CustomerEditor.fieldID($0.key), text.customer($0.value, docType: docType)) }))
        } catch let e as CustomerRepositoryError {
            if case .duplicateDocument = e { return .failed(text.describe(e), field: "docNumber") }
            return .failed(text.describe(e), field: nil)
        } catch {
            return .failed(text.describe(error), field: nil)
        }
    }

    static func fieldID(_ f: CustomerField) -> String {
        switch f {
        case .docType: return "docType"
        case .docNumber: return "docNumber"
        case .legalName: return "legalName"
        case .tradeName: return "tradeName"
        case .email: return "email"
        case .creditDays: return "creditDays"
        case .creditLimit: return "creditLimit"
        case .contactName(let i): return "c\(i).name"
        case .contactEmail(let i): return "c\(i).email"
        }
    }
}
