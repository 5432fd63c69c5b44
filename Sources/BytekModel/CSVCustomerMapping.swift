/// Customers to and from CSV rows with Spanish column names. An exported file imports back to equal
/// customers (contacts are not part of the file).
public enum CSVCustomerMapping {
    public static let columns = [
        "tipo_doc", "numero_doc", "razon_social", "nombre_comercial", "direccion", "departamento", "provincia",
        "distrito", "email", "telefono", "unidades", "dias_credito", "limite_credito", "moneda_credito", "notas",
        "archivado",
    ]
    public static let required = ["tipo_doc", "numero_doc", "razon_social"]

    public static func columnMap(header: [String]) throws(CSVHeaderError) -> CSVColumnMap {
        try CSVColumnMap(header: header, known: columns, required: required)
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
        case .contactName, .contactEmail: return "contactos"
        }
    }

    private static let docTypes: [String: DocumentType] = [
        "ruc": .ruc, "6": .ruc, "dni": .dni, "1": .dni, "ce": .ce, "4": .ce, "carne de extranjeria": .ce,
        "pas": .passport, "7": .passport, "pasaporte": .passport,
    ]
    private static let currencies: [String: Currency] = [
        "pen": .pen, "s/": .pen, "s/.": .pen, "soles": .pen, "usd": .usd, "us$": .usd, "$": .usd, "dolares": .usd,
    ]

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
        let reported = Set(r.problems.map(\.column))
        for (field, error) in customer.validate() {
            let column = column(for: field)
            // The number's rules depend on the document type: none apply when the type is unknown.
            if field == .docNumber && docType == nil { continue }
            // A cell already reported (empty, unreadable) needs no second message.
            if !reported.contains(column) { r.report(column, .customer(error)) }
        }
        guard r.problems.isEmpty else { throw CSVLineError(r.problems.sorted(by: order)) }
        return customer
    }

    /// The cells of one customer, in `columns` order.
    public static func row(_ c: Customer) -> [String] {
        [c.docType.rawValue, c.docNumber, c.legalName, c.tradeName, c.address, c.department, c.province,
         c.district, c.email, c.phone, BusinessUnit.encode(c.units), String(c.creditDays),
         c.creditLimit.plainAmount, c.creditLimit.currency.rawValue, c.notes, CSVWords.flag(c.archived)]
    }

    /// Problems in the order of the file's columns.
    static func order(_ a: CSVCellProblem, _ b: CSVCellProblem) -> Bool {
        (columns.firstIndex(of: a.column) ?? -1) < (columns.firstIndex(of: b.column) ?? -1)
    }
}
