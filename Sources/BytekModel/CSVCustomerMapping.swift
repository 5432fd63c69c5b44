/// Customers to and from CSV rows with Spanish column names. An exported file imports back to equal
/// customers, contacts included: contact N travels in the columns `contactoN_nombre`, `contactoN_cargo`,
/// `contactoN_correo`, `contactoN_telefono` and `contactoN_whatsapp`.
public enum CSVCustomerMapping {
    public static let columns = [
        "tipo_doc", "numero_doc", "razon_social", "nombre_comercial", "direccion", "departamento", "provincia",
        "distrito", "email", "telefono", "unidades", "dias_credito", "limite_credito", "moneda_credito", "notas",
        "archivado", "agente_retencion",
    ]
    public static let required = ["tipo_doc", "numero_doc", "razon_social"]
    /// What identifies a customer when a file updates the stored ones.
    public static let key = ["tipo_doc", "numero_doc"]

    /// The cells of one contact, after `contactoN_`.
    public static let contactFields = ["nombre", "cargo", "correo", "telefono", "whatsapp"]
    /// The most contacts a file may carry per customer.
    public static let maxContacts = 20

    /// The columns of contacts 1…`count`.
    public static func contactColumns(_ count: Int) -> [String] {
        (0..<min(count, maxContacts)).flatMap { slot in contactFields.map { "contacto\(slot + 1)_\($0)" } }
    }

    /// The header of an export whose customers have at most `contacts` contacts each.
    public static func header(contacts: Int) -> [String] { columns + contactColumns(contacts) }

    /// `updating`: only the key columns are required (an update changes the columns present).
    public static func columnMap(header: [String], updating: Bool = false) throws(CSVHeaderError) -> CSVColumnMap {
        try CSVColumnMap(header: header, known: columns + contactColumns(maxContacts), required: updating ? key : required)
    }

    /// The column that holds a customer field, for error messages.
    public static func column(for field: CustomerField) -> String {
        switch field {
        case .docType: return "tipo_doc"
        case .docNumber: return "numero_doc"
        case .legalName: return "razon_social"
        case .tradeName: return "nombre_comercial"
        case .email: return "email"
        case .creditDays: return "dias_credito"
        case .creditLimit: return "limite_credito"
        case .contactName(let i): return "contacto\(i + 1)_nombre"
        case .contactEmail(let i): return "contacto\(i + 1)_correo"
        }
    }

    private static let docTypes: [String: DocumentType] = [
        "ruc": .ruc, "6": .ruc, "dni": .dni, "1": .dni, "ce": .ce, "4": .ce, "carne de extranjeria": .ce,
        "pas": .passport, "7": .passport, "pasaporte": .passport,
    ]
    private static let currencies: [String: Currency] = [
        "pen": .pen, "s/": .pen, "s/.": .pen, "soles": .pen, "usd": .usd, "us$": .usd, "$": .usd, "dolares": .usd,
    ]

    /// The document a line names (type and normalized number), when both cells can be read: what an
    /// update matches the stored customers by.
    public static func document(from record: CSVRecord, columns map: CSVColumnMap) -> (type: DocumentType, number: String)? {
        guard let type = docTypes[TextFold.fold(map.value("tipo_doc", in: record))] else { return nil }
        let number = map.value("numero_doc", in: record)
        return number.isEmpty ? nil : (type, type.normalize(number))
    }

    /// The customer of one line, normalized and validated by the model's rules, or every problem found.
    public static func customer(from record: CSVRecord, columns map: CSVColumnMap) throws(CSVLineError) -> Customer {
        var r = CSVCellReader(map: map, record: record)
        let docType = r.choice("tipo_doc", docTypes, accepted: ["RUC", "DNI", "CE", "PAS"], fallback: nil)
        let docNumber = r.required("numero_doc")
        _ = r.required("razon_social")
        let currency = r.choice("moneda_credito", currencies, accepted: ["PEN", "USD"], fallback: .pen)
        let creditDays = r.integer("dias_credito", fallback: 0)
        let creditLimit = r.money("limite_credito", currency: currency ?? .pen, required: false)
        let archived = r.flag("archivado", fallback: false)
        let retentionAgent = r.flag("agente_retencion", fallback: false)
        var units: Set<BusinessUnit> = []
        for part in r.text("unidades").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "|" }) {
            if let unit = CSVCatalogMapping.units[TextFold.fold(String(part))] { units.insert(unit) }
            else { r.report("unidades", .unknownValue(String(part), accepted: ["U1", "U2", "U3"])) }
        }
        var customer = Customer(
            docType: docType ?? .ruc, docNumber: docNumber ?? "", legalName: r.text("razon_social"),
            tradeName: r.text("nombre_comercial"), address: r.text("direccion"), department: r.text("departamento"),
            province: r.text("provincia"), district: r.text("distrito"), email: r.text("email"),
            phone: r.text("telefono"), units: units, creditDays: creditDays ?? 0,
            creditLimit: creditLimit ?? .zero(.pen), notes: r.text("notas"), archived: archived ?? false
        ).normalized()
        customer.archived = archived ?? false
        customer.retentionAgent = retentionAgent ?? false
        // Contacts keep their slot, so a problem names the column of the file.
        var slots: [Int] = []
        for slot in 0..<maxContacts {
            let cells = contactFields.map { r.text("contacto\(slot + 1)_\($0)") }
            let contact = Contact(name: cells[0], role: cells[1], email: cells[2], phone: cells[3], whatsapp: cells[4])
            guard !contact.isBlank else { continue }
            customer.contacts.append(contact.normalized())
            slots.append(slot)
        }
        let reported = Set(r.problems.map(\.column))
        for (field, error) in customer.validate() {
            var column = column(for: field)
            switch field {
            case .contactName(let i): column = "contacto\(slots[i] + 1)_nombre"
            case .contactEmail(let i): column = "contacto\(slots[i] + 1)_correo"
            default: break
            }
            // The number's rules depend on the document type: none apply when the type is unknown.
            if field == .docNumber && docType == nil { continue }
            // A cell already reported (empty, unreadable) needs no second message.
            if !reported.contains(column) { r.report(column, .customer(error)) }
        }
        guard r.problems.isEmpty else { throw CSVLineError(r.problems.sorted(by: order)) }
        return customer
    }

    /// The cells of one customer, in `header(contacts:)` order (`contacts` slots, empty past its own).
    public static func row(_ c: Customer, contacts: Int = 0) -> [String] {
        [c.docType.rawValue, c.docNumber, c.legalName, c.tradeName, c.address, c.department, c.province,
         c.district, c.email, c.phone, BusinessUnit.encode(c.units), String(c.creditDays),
         c.creditLimit.plainAmount, c.creditLimit.currency.rawValue, c.notes, CSVWords.flag(c.archived),
         CSVWords.flag(c.retentionAgent)]
            + (0..<min(contacts, maxContacts)).flatMap { i -> [String] in
                guard c.contacts.indices.contains(i) else { return Array(repeating: "", count: contactFields.count) }
                let ct = c.contacts[i]
                return [ct.name, ct.role, ct.email, ct.phone, ct.whatsapp]
            }
    }

    /// Problems in the order of the file's columns.
    static func order(_ a: CSVCellProblem, _ b: CSVCellProblem) -> Bool {
        (columns.firstIndex(of: a.column) ?? -1) < (columns.firstIndex(of: b.column) ?? -1)
    }
}
